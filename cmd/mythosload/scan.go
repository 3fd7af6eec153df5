package main

// Telnet bytes the scanner acts on (RFC 854, RFC 885 for EOR).
const (
	tnIAC   = 255
	tnDONT  = 254
	tnDO    = 253
	tnWONT  = 252
	tnWILL  = 251
	tnSB    = 250
	tnGA    = 249
	tnSE    = 240
	tnEOR   = 239
	ansiESC = 0x1b
)

// maxKept is how many bytes of a line the scanner keeps: enough to tell a
// prompt or an "Exits:" line, so a 10 KiB "Also here" line costs nothing.
const maxKept = 256

// telnetState is where the scanner stands in a telnet command.
type telnetState uint8

const (
	tnData   telnetState = iota // plain data
	tnCmd                       // after IAC
	tnOption                    // after IAC WILL/WONT/DO/DONT: the option byte
	tnSub                       // inside IAC SB ... IAC SE
	tnSubIAC                    // after IAC inside a subnegotiation
)

// ansiState is where the scanner stands in an ANSI escape sequence.
type ansiState uint8

const (
	ansiText ansiState = iota // plain text
	ansiEsc                   // after ESC
	ansiCSI                   // inside ESC [ ... final byte
)

// sink takes what the scanner finds. text is only valid during the call.
type sink interface {
	// line is a line of text, without its line end.
	line(text []byte)
	// prompt is the text that an IAC GA or IAC EOR ended.
	prompt(text []byte)
}

// scanner turns the server's byte stream into lines and prompts. It strips
// telnet commands and ANSI escape sequences, drops CR and NUL, and keeps
// the first maxKept bytes of each line. It never answers anything: the
// load tool negotiates no option. Input may be split anywhere.
type scanner struct {
	tn   telnetState
	ansi ansiState
	kept [maxKept]byte
	n    int
}

// feed scans p and reports every line and prompt it completes to out.
// Runs of plain text take a fast path: a 10 KiB "Also here" line is mostly
// one.
func (s *scanner) feed(p []byte, out sink) {
	for i := 0; i < len(p); i++ {
		if s.tn == tnData && s.ansi == ansiText {
			if n := plainRun(p[i:]); n > 0 {
				s.n += copy(s.kept[s.n:], p[i:i+n])
				i += n - 1
				continue
			}
		}
		s.telnet(p[i], out)
	}
}

// plainRun counts the leading bytes of p that are kept as they are.
func plainRun(p []byte) int {
	for i, b := range p {
		switch b {
		case tnIAC, ansiESC, '\n', '\r', 0:
			return i
		}
	}
	return len(p)
}

// telnet takes one byte of the raw stream.
func (s *scanner) telnet(b byte, out sink) {
	switch s.tn {
	case tnData:
		if b == tnIAC {
			s.tn = tnCmd
			return
		}
		s.text(b, out)
	case tnCmd:
		s.command(b, out)
	case tnOption:
		s.tn = tnData
	case tnSub:
		if b == tnIAC {
			s.tn = tnSubIAC
		}
	case tnSubIAC:
		s.tn = tnSub
		if b == tnSE {
			s.tn = tnData
		}
	}
}

// command takes the byte after IAC.
func (s *scanner) command(b byte, out sink) {
	s.tn = tnData
	switch b {
	case tnIAC:
		s.text(b, out)
	case tnWILL, tnWONT, tnDO, tnDONT:
		s.tn = tnOption
	case tnSB:
		s.tn = tnSub
	case tnGA, tnEOR:
		out.prompt(s.kept[:s.n])
		s.n = 0
	}
}

// text takes one data byte, dropping ANSI escape sequences.
func (s *scanner) text(b byte, out sink) {
	switch s.ansi {
	case ansiEsc:
		s.ansi = ansiText
		if b == '[' {
			s.ansi = ansiCSI
		}
		return
	case ansiCSI:
		if b >= 0x40 && b <= 0x7e {
			s.ansi = ansiText
		}
		return
	}
	switch b {
	case ansiESC:
		s.ansi = ansiEsc
	case '\n':
		out.line(s.kept[:s.n])
		s.n = 0
	case '\r', 0:
	default:
		if s.n < maxKept {
			s.kept[s.n] = b
			s.n++
		}
	}
}
