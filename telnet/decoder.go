package telnet

import "bytes"

// Telnet command bytes a client sees, for users of Decoder.
const (
	// IAC starts every telnet command (interpret as command).
	IAC = cmdIAC
	// WILL, WONT, DO and DONT are the negotiation verbs.
	WILL = cmdWILL
	WONT = cmdWONT
	DO   = cmdDO
	DONT = cmdDONT
	// SB and SE open and close a subnegotiation.
	SB = cmdSB
	SE = cmdSE
	// GA (go ahead) and EOR (end of record) mark the end of a prompt.
	GA  = cmdGA
	EOR = cmdEOR
)

// DecoderHandler receives what a Decoder finds in what a server sends.
type DecoderHandler interface {
	// Text is data as it arrives, byte for byte (line ends, ESC and other
	// controls included, IAC IAC undoubled), in as many pieces as it came;
	// p is valid only during the call.
	Text(p []byte)
	// Command is a negotiation: verb is WILL, WONT, DO or DONT.
	Command(verb, option byte)
	// Subnegotiation is the payload of IAC SB option ... IAC SE, IAC IAC
	// undoubled, at most MaxSubnegotiationBytes (a longer one is dropped);
	// data is valid only during the call.
	Subnegotiation(option byte, data []byte)
	// Mark is IAC GA or IAC EOR (cmd is GA or EOR): a prompt ends here.
	Mark(cmd byte)
}

// Decoder is the client's side of the telnet byte stream: the server's
// parser state machine for commands and subnegotiations, with text passed
// through as it comes instead of gathered into lines. Its state survives
// across feeds, so any sequence may be split at any byte.
type Decoder struct {
	p  parser
	ev decoderEvents
}

// NewDecoder returns a Decoder that reports to h.
func NewDecoder(h DecoderHandler) *Decoder {
	return &Decoder{ev: decoderEvents{h: h}}
}

// Feed decodes data, reporting what it finds to the handler.
func (d *Decoder) Feed(data []byte) {
	for i := 0; i < len(data); {
		switch d.p.state {
		case stData:
			i += d.text(data[i:])
		case stSB:
			i += d.p.sbData(data[i:])
		case stIAC:
			d.afterIAC(data[i])
			i++
		case stSBIAC:
			d.afterSBIAC(data[i])
			i++
		default:
			d.p.command(data[i], &d.ev)
			i++
		}
	}
}

// text reports the text up to the next IAC and returns how many bytes it
// used, the IAC included.
func (d *Decoder) text(data []byte) int {
	n := bytes.IndexByte(data, cmdIAC)
	if n < 0 {
		n = len(data)
	}
	if n > 0 {
		d.ev.h.Text(data[:n])
	}
	if n < len(data) {
		d.p.state = stIAC
		n++
	}
	return n
}

// iacText is the one byte IAC IAC stands for.
var iacText = [1]byte{cmdIAC}

// afterIAC handles the byte after IAC in text: an escaped 255 and the
// prompt marks are the client's; negotiations go to the shared parser.
func (d *Decoder) afterIAC(b byte) {
	switch b {
	case cmdIAC:
		d.p.state = stData
		d.ev.h.Text(iacText[:])
	case cmdGA, cmdEOR:
		d.p.state = stData
		d.ev.h.Mark(b)
	case cmdWILL, cmdWONT, cmdDO, cmdDONT, cmdSB:
		d.p.afterIAC(b, &d.ev)
	default:
		d.p.state = stData // NOP, DM, EC, EL and the rest mean nothing here
	}
}

// afterSBIAC handles the byte after IAC inside a subnegotiation; an
// unterminated one is dropped and b read as the command IAC started.
func (d *Decoder) afterSBIAC(b byte) {
	if b == cmdIAC || b == cmdSE {
		d.p.afterSBIAC(b, &d.ev)
		return
	}
	d.p.sbReset()
	d.afterIAC(b)
}

// decoderEvents adapts a DecoderHandler to the parser's events. The
// Decoder keeps the parser out of its text state, so line and lineTooLong
// are never called.
type decoderEvents struct {
	h DecoderHandler
}

func (e *decoderEvents) line(string)                     {}
func (e *decoderEvents) lineTooLong()                    {}
func (e *decoderEvents) command(verb, option byte)       { e.h.Command(verb, option) }
func (e *decoderEvents) subnegotiation(o byte, d []byte) { e.h.Subnegotiation(o, d) }
