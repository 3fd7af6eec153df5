package telnet

// mccp2Option is MCCP2, the MUD Client Compression Protocol version 2: we
// offer WILL MCCP2; once the client answers DO, everything we send after
// IAC SB MCCP2 IAC SE is one zlib stream, flushed after each write. A
// client that sends DONT MCCP2 ends it: the stream is finished and output
// goes on uncompressed. The zlib state is allocated only while compressing.
type mccp2Option struct{ quietOption }

// Code returns OptMCCP2.
func (mccp2Option) Code() byte { return OptMCCP2 }

// AllowLocal accepts DO MCCP2.
func (mccp2Option) AllowLocal() bool { return true }

// AllowRemote refuses WILL MCCP2: clients do not compress what they send.
func (mccp2Option) AllowRemote() bool { return false }

// Start offers compression.
func (mccp2Option) Start(p Peer) { p.RequestLocal(OptMCCP2, true) }

// Changed starts or ends compression with our side of the option.
func (mccp2Option) Changed(p Peer, side Side, enabled bool) {
	if side == Local {
		p.Compress(enabled)
	}
}
