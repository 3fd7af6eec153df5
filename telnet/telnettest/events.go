package telnettest

import "mythosd/telnet"

// events is the Client as the Decoder's handler.
type events Client

// Text keeps the text for Expect.
func (e *events) Text(p []byte) { e.text = append(e.text, p...) }

// Command answers an offer or a request as a plain client does: DO or WILL
// for the options in Accept, DONT or WONT for the rest. WONT and DONT need
// no answer, since the client never enables an option unasked.
func (e *events) Command(verb, option byte) {
	switch verb {
	case telnet.WILL:
		e.reply(option, telnet.DO, telnet.DONT)
	case telnet.DO:
		e.reply(option, telnet.WILL, telnet.WONT)
	}
}

// reply queues yes or no for option, as Accept says.
func (e *events) reply(option, yes, no byte) {
	verb := no
	if e.Accept[option] {
		verb = yes
	}
	e.replyTo = append(e.replyTo, telnet.IAC, verb, option)
}

// Subnegotiation collects GMCP messages.
func (e *events) Subnegotiation(option byte, data []byte) {
	if option == telnet.OptGMCP {
		e.gmcp = append(e.gmcp, string(data))
	}
}

// Mark counts prompt marks.
func (e *events) Mark(byte) { e.marks++ }

// textOnly keeps the text a Decoder finds and ignores the rest.
type textOnly struct{ text []byte }

func (t *textOnly) Text(p []byte)               { t.text = append(t.text, p...) }
func (t *textOnly) Command(byte, byte)          {}
func (t *textOnly) Subnegotiation(byte, []byte) {}
func (t *textOnly) Mark(byte)                   {}
