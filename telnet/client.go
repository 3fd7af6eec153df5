package telnet

import (
	"strings"

	"mythosd/world/ansi"
)

// Charset is the character set agreed for what we send.
type Charset uint8

const (
	// CharsetUnknown means nothing was agreed: UTF-8 is sent unless MTTS
	// says the client lacks it.
	CharsetUnknown Charset = iota
	// CharsetUTF8 means the client accepted UTF-8.
	CharsetUTF8
	// CharsetASCII means the client refused UTF-8: text is transliterated
	// to ASCII.
	CharsetASCII
)

// MTTS flags (Mud Terminal Type Standard), sent as "MTTS <n>" in TTYPE.
const (
	mttsANSI         = 1
	mttsUTF8         = 4
	mtts256          = 8
	mttsScreenReader = 64
	mttsTrueColor    = 256
)

// maxClientText bounds each name a client reports about itself.
const maxClientText = 64

// Client is what a client told about itself. Options record into it during
// their callbacks (see Peer.Client); the connection reads it to render
// output and to describe itself.
type Client struct {
	Name     string // first TTYPE answer, e.g. "TINTIN++" or "MUDLET"
	Terminal string // second TTYPE answer, e.g. "XTERM-256COLOR"
	MTTS     int    // MTTS flags; meaningful when HasMTTS
	HasMTTS  bool
	Width    int // NAWS columns; 0 when unknown
	Height   int // NAWS rows; 0 when unknown
	Charset  Charset
	Hello    string // GMCP Core.Hello: client name and version

	gmcp gmcpModules // GMCP packages the client supports
	// request is a GMCP message for the world (Char.Items.Inv, say), left
	// by the GMCP option for the read loop to hand on once the connection's
	// lock is released; nil when there is none.
	request *gmcpRequest
}

// gmcpRequest is a GMCP message the world answers.
type gmcpRequest struct {
	pkg     string
	payload []byte
}

// label is the client's name for Info: its TTYPE name, else its GMCP
// hello.
func (c *Client) label() string {
	if c.Name != "" {
		return c.Name
	}
	return c.Hello
}

// colorMode is how much colour the client reported it can show; a screen
// reader flag mutes it separately (see screenReader).
func (c *Client) colorMode() ansi.Mode {
	if c.HasMTTS {
		switch {
		case c.MTTS&mttsTrueColor != 0:
			return ansi.TrueColor
		case c.MTTS&mtts256 != 0:
			return ansi.Color256
		case c.MTTS&mttsANSI != 0:
			return ansi.Color16
		}
		return ansi.None
	}
	return max(terminalColors(c.Name), terminalColors(c.Terminal))
}

// terminalColors guesses the colours of a terminal or client by its name,
// for clients without MTTS.
func terminalColors(name string) ansi.Mode {
	name = strings.ToUpper(name)
	switch {
	case name == "" || name == "DUMB" || strings.HasPrefix(name, "VT"):
		return ansi.None
	case strings.Contains(name, "TRUECOLOR") || strings.Contains(name, "24BIT") ||
		strings.HasSuffix(name, "-DIRECT") || name == "MUDLET":
		return ansi.TrueColor
	case strings.Contains(name, "256"):
		return ansi.Color256
	}
	return ansi.Color16 // xterm, ansi, linux, screen and the MUD clients
}

// screenReader reports whether the client flagged a screen reader.
func (c *Client) screenReader() bool {
	return c.HasMTTS && c.MTTS&mttsScreenReader != 0
}

// ascii reports whether text must be sent as ASCII: the client refused
// UTF-8, or, when nothing was agreed, its MTTS flags lack UTF-8.
func (c *Client) ascii() bool {
	switch c.Charset {
	case CharsetASCII:
		return true
	case CharsetUTF8:
		return false
	}
	return c.HasMTTS && c.MTTS&mttsUTF8 == 0
}

// cleanName keeps what a client reports within bounds and printable ASCII.
func cleanName(b []byte) string {
	b = b[:min(len(b), maxClientText)]
	var s strings.Builder
	s.Grow(len(b))
	for _, c := range b {
		if c >= 0x20 && c < 0x7f {
			s.WriteByte(c)
		}
	}
	return strings.TrimSpace(s.String())
}
