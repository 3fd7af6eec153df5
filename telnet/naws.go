package telnet

// nawsOption is NEGOTIATE-ABOUT-WINDOW-SIZE (RFC 1073): we ask the client
// with DO NAWS, and it sends its width and height now and after each
// resize. 0 means unknown.
type nawsOption struct{}

// Code returns OptNAWS.
func (nawsOption) Code() byte { return OptNAWS }

// AllowLocal refuses DO NAWS: the server has no window.
func (nawsOption) AllowLocal() bool { return false }

// AllowRemote accepts WILL NAWS.
func (nawsOption) AllowRemote() bool { return true }

// Start asks for the window size.
func (nawsOption) Start(p Peer) { p.RequestRemote(OptNAWS, true) }

// Changed forgets the size when the client stops reporting it.
func (nawsOption) Changed(p Peer, side Side, enabled bool) {
	if side == Remote && !enabled {
		c := p.Client()
		c.Width, c.Height = 0, 0
	}
}

// Subnegotiation records WIDTH[2] HEIGHT[2], big-endian; any other length
// is ignored.
func (nawsOption) Subnegotiation(p Peer, data []byte) {
	if len(data) != 4 {
		return
	}
	c := p.Client()
	c.Width = int(data[0])<<8 | int(data[1])
	c.Height = int(data[2])<<8 | int(data[3])
}
