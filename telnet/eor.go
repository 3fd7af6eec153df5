package telnet

// eorMark is what ends a prompt once EOR is agreed.
const eorMark = "\xff\xef" // IAC EOR

// eorOption is END-OF-RECORD (RFC 885): we offer WILL EOR, and once the
// client agrees each prompt ends with IAC EOR instead of IAC GA, which
// lets clients such as TinTin++ and Mudlet tell prompts from text.
type eorOption struct{ quietOption }

// Code returns OptEOR.
func (eorOption) Code() byte { return OptEOR }

// AllowLocal accepts DO EOR.
func (eorOption) AllowLocal() bool { return true }

// AllowRemote refuses WILL EOR: the client's records mean nothing to us.
func (eorOption) AllowRemote() bool { return false }

// Start offers EOR.
func (eorOption) Start(p Peer) { p.RequestLocal(OptEOR, true) }

// Changed marks prompts with IAC EOR while EOR is in force on our side.
func (eorOption) Changed(p Peer, side Side, enabled bool) {
	if side != Local {
		return
	}
	if enabled {
		p.SetPromptMark([]byte(eorMark))
	} else {
		p.SetPromptMark(nil)
	}
}
