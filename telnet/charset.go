package telnet

import (
	"bytes"
	"strings"
)

// CHARSET subnegotiation commands (RFC 2066).
const (
	charsetRequest        byte = 1
	charsetAccepted       byte = 2
	charsetRejected       byte = 3
	charsetTTableIs       byte = 4
	charsetTTableRejected byte = 5
)

// charsetUTF8Request is our REQUEST: UTF-8, with ';' as separator.
const charsetUTF8Request = "\x01;UTF-8"

// charsetOption is CHARSET (RFC 2066): we offer WILL CHARSET; once either
// side agrees we ask for UTF-8. A client that accepts gets UTF-8; one that
// rejects it, or accepts something else, gets ASCII (see ansi.AppendASCII).
// A client's own REQUEST is answered too: UTF-8 or ASCII are accepted,
// anything else is rejected and ASCII is sent.
type charsetOption struct {
	requested bool // our REQUEST was sent (once per connection)
	pending   bool // and waits for its answer
}

// Code returns OptCharset.
func (*charsetOption) Code() byte { return OptCharset }

// AllowLocal accepts DO CHARSET.
func (*charsetOption) AllowLocal() bool { return true }

// AllowRemote accepts WILL CHARSET.
func (*charsetOption) AllowRemote() bool { return true }

// Start offers CHARSET.
func (*charsetOption) Start(p Peer) { p.RequestLocal(OptCharset, true) }

// Changed sends our request the first time the option comes into force on
// either side.
func (o *charsetOption) Changed(p Peer, _ Side, enabled bool) {
	if enabled && !o.requested {
		o.requested, o.pending = true, true
		p.Subnegotiate(OptCharset, []byte(charsetUTF8Request))
	}
}

// Subnegotiation handles the answer to our request, or a request of the
// client's.
func (o *charsetOption) Subnegotiation(p Peer, data []byte) {
	if len(data) == 0 {
		return
	}
	c := p.Client()
	switch data[0] {
	case charsetAccepted:
		if o.pending {
			o.pending = false
			c.Charset = charsetNamed(string(data[1:]))
		}
	case charsetRejected:
		if o.pending {
			o.pending = false
			c.Charset = CharsetASCII
		}
	case charsetRequest:
		o.answer(p, c, data[1:])
	case charsetTTableIs:
		p.Subnegotiate(OptCharset, []byte{charsetTTableRejected})
	}
}

// answer replies to the client's REQUEST [TTABLE] <sep> name <sep> name...
// While our own request waits, the client's is rejected (RFC 2066: the
// server's request wins).
func (o *charsetOption) answer(p Peer, c *Client, req []byte) {
	if o.pending {
		p.Subnegotiate(OptCharset, []byte{charsetRejected})
		return
	}
	if rest, ok := bytes.CutPrefix(req, []byte("[TTABLE]")); ok && len(rest) > 0 {
		req = rest[1:] // the version byte
	}
	name, cs := pickCharset(req)
	c.Charset = cs
	if name == "" {
		p.Subnegotiate(OptCharset, []byte{charsetRejected})
		return
	}
	p.Subnegotiate(OptCharset, append([]byte{charsetAccepted}, name...))
}

// pickCharset chooses from "<sep>name<sep>name...": UTF-8 first, else
// ASCII. It returns the name as the client wrote it ("" when none fits)
// and what to send.
func pickCharset(list []byte) (string, Charset) {
	if len(list) < 2 {
		return "", CharsetASCII
	}
	var ascii string
	for _, name := range bytes.Split(list[1:], list[:1]) {
		switch charsetNamed(string(name)) {
		case CharsetUTF8:
			return string(name), CharsetUTF8
		case CharsetASCII:
			if ascii == "" && isASCIIName(string(name)) {
				ascii = string(name)
			}
		}
	}
	return ascii, CharsetASCII
}

// charsetNamed tells what sending in the named character set means:
// UTF-8, or ASCII for anything else.
func charsetNamed(name string) Charset {
	switch strings.ToUpper(strings.TrimSpace(name)) {
	case "UTF-8", "UTF8":
		return CharsetUTF8
	}
	return CharsetASCII
}

// isASCIIName reports whether name is one of the names of ASCII.
func isASCIIName(name string) bool {
	switch strings.ToUpper(strings.TrimSpace(name)) {
	case "US-ASCII", "ASCII", "ANSI_X3.4-1968", "US":
		return true
	}
	return false
}
