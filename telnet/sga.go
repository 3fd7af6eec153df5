package telnet

// sgaOption is SUPPRESS-GO-AHEAD (RFC 858): accepted on both sides when the
// client asks, never offered. While it is in force on our side, prompts are
// not followed by IAC GA.
type sgaOption struct{ quietOption }

// Code returns OptSGA.
func (sgaOption) Code() byte { return OptSGA }

// AllowLocal accepts DO SGA.
func (sgaOption) AllowLocal() bool { return true }

// AllowRemote accepts WILL SGA.
func (sgaOption) AllowRemote() bool { return true }

// Changed stops or resumes IAC GA after prompts with our side of the option.
func (sgaOption) Changed(p Peer, side Side, enabled bool) {
	if side == Local {
		p.SuppressGoAhead(enabled)
	}
}
