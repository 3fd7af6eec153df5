package telnet

import "bytes"

// parserEvents receives what the parser finds in the byte stream.
type parserEvents interface {
	// line is a complete line, without its line end, as valid UTF-8 of at
	// most MaxLineBytes bytes.
	line(text string)
	// lineTooLong tells that a line went over MaxLineBytes; it is called
	// once per such line, which is then dropped.
	lineTooLong()
	// command is a negotiation: verb is WILL, WONT, DO or DONT.
	command(verb, option byte)
	// subnegotiation is the payload of IAC SB option ... IAC SE, with IAC IAC
	// already undoubled. data is valid only during the call.
	subnegotiation(option byte, data []byte)
}

// parserState is where the parser stands between two bytes.
type parserState uint8

const (
	stData     parserState = iota // text
	stIAC                         // after IAC
	stVerb                        // after IAC WILL/WONT/DO/DONT, waiting for the option
	stSBOption                    // after IAC SB, waiting for the option
	stSB                          // inside a subnegotiation's payload
	stSBIAC                       // after IAC inside a subnegotiation
)

// parser is a telnet byte-stream parser (RFC 854/855). Its state survives
// across feeds, so any sequence may be split at any byte. It keeps at most
// MaxLineBytes of line and MaxSubnegotiationBytes of subnegotiation.
type parser struct {
	state   parserState
	verb    byte // the pending WILL/WONT/DO/DONT
	afterCR bool // the last data byte was a CR that ended a line
	line    lineBuffer
	sbOpt   byte
	sb      []byte
	sbOver  bool // the subnegotiation went over its cap and is discarded
}

// feed parses data and reports what it finds to ev.
func (p *parser) feed(data []byte, ev parserEvents) {
	for i := 0; i < len(data); {
		switch p.state {
		case stData:
			i += p.text(data[i:], ev)
		case stSB:
			i += p.sbData(data[i:])
		default:
			p.command(data[i], ev)
			i++
		}
	}
}

// isPlain reports whether b is text that goes into the line as it is.
func isPlain(b byte) bool {
	return (b >= 0x20 && b != 0x7f && b != cmdIAC) || b == '\t'
}

// text handles data in the text state and returns how many bytes it used:
// a run of plain bytes at once, or one special byte.
func (p *parser) text(data []byte, ev parserEvents) int {
	n := 0
	for n < len(data) && isPlain(data[n]) {
		n++
	}
	if n > 0 {
		p.afterCR = false
		p.addText(data[:n], ev)
		return n
	}
	p.control(data[0], ev)
	return 1
}

// control handles one byte of the text state that is not plain text.
func (p *parser) control(b byte, ev parserEvents) {
	if b == cmdIAC {
		p.state = stIAC // a command between CR and LF keeps the CR pending
		return
	}
	wasCR := p.afterCR
	p.afterCR = false
	switch b {
	case '\r':
		p.afterCR = true
		p.endLine(ev)
	case '\n':
		if !wasCR {
			p.endLine(ev)
		}
	case '\b', 0x7f:
		p.line.eraseRune()
	}
	// NUL (the end of CR NUL, or alone) and other C0 controls are dropped.
}

// addText appends text to the line, telling ev once when it gets too long.
func (p *parser) addText(text []byte, ev parserEvents) {
	if p.line.add(text) {
		ev.lineTooLong()
	}
}

// endLine ends the line being typed and hands it to ev.
func (p *parser) endLine(ev parserEvents) {
	text, ok, overflow := p.line.end()
	switch {
	case ok:
		ev.line(text)
	case overflow:
		ev.lineTooLong()
	}
}

// command handles one byte of a command sequence.
func (p *parser) command(b byte, ev parserEvents) {
	switch p.state {
	case stIAC:
		p.afterIAC(b, ev)
	case stVerb:
		p.state = stData
		ev.command(p.verb, b)
	case stSBOption:
		p.sbOpt = b
		p.state = stSB
	case stSBIAC:
		p.afterSBIAC(b, ev)
	}
}

// afterIAC handles the byte that follows IAC in the text state.
func (p *parser) afterIAC(b byte, ev parserEvents) {
	p.state = stData
	switch b {
	case cmdIAC:
		p.afterCR = false
		p.addText([]byte{cmdIAC}, ev)
	case cmdWILL, cmdWONT, cmdDO, cmdDONT:
		p.verb = b
		p.state = stVerb
	case cmdSB:
		p.state = stSBOption
	case cmdEC:
		p.line.eraseRune()
	case cmdEL:
		p.line.eraseLine()
	}
	// NOP, GA, DM, BRK, IP, AO, AYT, EOR, a stray SE and unknown bytes are
	// ignored.
}

// sbData takes subnegotiation payload up to the next IAC and returns how many
// bytes it used.
func (p *parser) sbData(data []byte) int {
	i := bytes.IndexByte(data, cmdIAC)
	if i < 0 {
		p.sbAdd(data)
		return len(data)
	}
	p.sbAdd(data[:i])
	p.state = stSBIAC
	return i + 1
}

// sbAdd appends payload, discarding the subnegotiation once it gets too long.
func (p *parser) sbAdd(data []byte) {
	if p.sbOver || len(data) == 0 {
		return
	}
	if len(p.sb)+len(data) > MaxSubnegotiationBytes {
		p.sbOver = true
		p.sb = nil
		return
	}
	p.sb = growCapped(p.sb, len(data), MaxSubnegotiationBytes)
	p.sb = append(p.sb, data...)
}

// afterSBIAC handles the byte that follows IAC inside a subnegotiation.
func (p *parser) afterSBIAC(b byte, ev parserEvents) {
	switch b {
	case cmdIAC:
		p.sbAdd([]byte{cmdIAC})
		p.state = stSB
	case cmdSE:
		if !p.sbOver {
			ev.subnegotiation(p.sbOpt, p.sb)
		}
		p.sbReset()
		p.state = stData
	default:
		// An unterminated subnegotiation: drop it and read b as the
		// command that IAC started.
		p.sbReset()
		p.state = stIAC
		p.afterIAC(b, ev)
	}
}

// sbReset forgets the subnegotiation just ended.
func (p *parser) sbReset() {
	p.sb = recycle(p.sb)
	p.sbOver = false
}
