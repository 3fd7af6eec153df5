package telnet

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// wire records what a negotiator sends; the start and end of compression
// are recorded as "<compress on>" and "<compress off>".
type wire struct{ bytes.Buffer }

func (w *wire) writeRaw(b []byte) { w.Write(b) }

func (w *wire) compress(on bool) {
	if on {
		w.WriteString("<compress on>")
	} else {
		w.WriteString("<compress off>")
	}
}

// commands returns the recorded commands as "VERB option" strings and
// forgets them.
func (w *wire) commands(tb testing.TB) []string {
	tb.Helper()
	var r recorder
	var p parser
	p.feed(w.Bytes(), &r)
	w.Reset()
	return r.events
}

// optionNames maps the option names used in the tests to their codes.
func optionCode(tb testing.TB, name string) byte {
	tb.Helper()
	switch name {
	case "ECHO":
		return OptEcho
	case "SGA":
		return OptSGA
	case "UNKNOWN":
		return unknownOptionCode
	case "TEST":
		return testOptionCode
	}
	tb.Fatalf("unknown option %q", name)
	return 0
}

// verbCode maps a verb name to its byte.
func verbCode(tb testing.TB, name string) byte {
	tb.Helper()
	for _, v := range []byte{cmdWILL, cmdWONT, cmdDO, cmdDONT} {
		if verbName(v) == name {
			return v
		}
	}
	tb.Fatalf("unknown verb %q", name)
	return 0
}

// runSteps plays steps on n: "DO ECHO" is received from the client, "local
// ECHO on" and "remote SGA off" are our requests. It returns what was sent,
// as "VERB code" strings.
func runSteps(tb testing.TB, n *negotiator, w *wire, steps []string) []string {
	tb.Helper()
	for _, s := range steps {
		f := strings.Fields(s)
		switch {
		case len(f) == 2:
			n.receive(verbCode(tb, f[0]), optionCode(tb, f[1]))
		case len(f) == 3 && f[0] == "local":
			n.RequestLocal(optionCode(tb, f[1]), f[2] == "on")
		case len(f) == 3 && f[0] == "remote":
			n.RequestRemote(optionCode(tb, f[1]), f[2] == "on")
		default:
			tb.Fatalf("bad step %q", s)
		}
	}
	return w.commands(tb)
}

func TestNegotiation(t *testing.T) {
	tests := []struct {
		name  string
		steps []string
		want  []string
	}{
		{"DO unknown is refused once", []string{"DO UNKNOWN"}, []string{"WONT 99"}},
		{"WILL unknown is refused once", []string{"WILL UNKNOWN"}, []string{"DONT 99"}},
		{"WONT and DONT unknown need no answer", []string{"WONT UNKNOWN", "DONT UNKNOWN"}, nil},
		{"unrequested DO ECHO is refused", []string{"DO ECHO"}, []string{"WONT 1"}},
		{"WILL ECHO is refused", []string{"WILL ECHO"}, []string{"DONT 1"}},
		{"DO SGA is accepted, repeats get no answer", []string{"DO SGA", "DO SGA", "DO SGA"}, []string{"WILL 3"}},
		{"WILL SGA is accepted, repeats get no answer", []string{"WILL SGA", "WILL SGA"}, []string{"DO 3"}},
		{"SGA accepted then withdrawn", []string{"DO SGA", "DONT SGA", "DONT SGA"}, []string{"WILL 3", "WONT 3"}},
		{"echo off and on", []string{"local ECHO on", "DO ECHO", "local ECHO off", "DONT ECHO"}, []string{"WILL 1", "WONT 1"}},
		{"echo off twice sends once", []string{"local ECHO on", "local ECHO on", "DO ECHO", "local ECHO on"}, []string{"WILL 1"}},
		{"echo on when already on sends nothing", []string{"local ECHO off"}, nil},
		{"client answers DO ECHO then DONT ECHO", []string{"local ECHO on", "DO ECHO", "DONT ECHO", "local ECHO off"}, []string{"WILL 1", "WONT 1"}},
		{"client refuses our WILL ECHO", []string{"local ECHO on", "DONT ECHO", "local ECHO off"}, []string{"WILL 1"}},
		{"client accepts later what it refused", []string{"local ECHO on", "DONT ECHO", "DO ECHO"}, []string{"WILL 1", "WILL 1"}},
		{"echo back on before the answer", []string{"local ECHO on", "local ECHO off", "DO ECHO", "DONT ECHO"}, []string{"WILL 1", "WONT 1"}},
		{"echo off, on, off before the answers", []string{"local ECHO on", "DO ECHO", "local ECHO off", "local ECHO on", "DONT ECHO", "DO ECHO"}, []string{"WILL 1", "WONT 1", "WILL 1"}},
		{"queued request cancelled", []string{"local ECHO on", "local ECHO off", "local ECHO on", "DO ECHO"}, []string{"WILL 1"}},
		{"DO answered to our WONT", []string{"local ECHO on", "DO ECHO", "local ECHO off", "DO ECHO"}, []string{"WILL 1", "WONT 1"}},
		{"we ask the client for SGA", []string{"remote SGA on", "WILL SGA", "remote SGA off", "WONT SGA"}, []string{"DO 3", "DONT 3"}},
		{"client refuses our DO", []string{"remote SGA on", "WONT SGA", "remote SGA on"}, []string{"DO 3", "DO 3"}},
		{"requests for unknown options are ignored", []string{"local UNKNOWN on", "remote UNKNOWN on"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var w wire
			n := newNegotiator(baseOptions(), &w)
			if got := runSteps(t, n, &w, tt.steps); !slices.Equal(got, tt.want) {
				t.Fatalf("sent %q, want %q", got, tt.want)
			}
		})
	}
}

// TestNegotiationState checks the Q-method state reached after each table
// of steps, side by side with what was sent.
func TestNegotiationState(t *testing.T) {
	tests := []struct {
		name          string
		steps         []string
		want          qstate
		wantOpposite  bool
		wantPromptEnd string
	}{
		{"fresh", nil, qNo, false, "\xff\xf9"},
		{"asked", []string{"local ECHO on"}, qWantYes, false, "\xff\xf9"},
		{"asked then withdrawn", []string{"local ECHO on", "local ECHO off"}, qWantYes, true, "\xff\xf9"},
		{"agreed", []string{"local ECHO on", "DO ECHO"}, qYes, false, "\xff\xf9"},
		{"withdrawn then asked", []string{"local ECHO on", "DO ECHO", "local ECHO off", "local ECHO on"}, qWantNo, true, "\xff\xf9"},
		{"SGA suppresses GA", []string{"DO SGA"}, qNo, false, ""},
		{"SGA withdrawn brings GA back", []string{"DO SGA", "DONT SGA"}, qNo, false, "\xff\xf9"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var w wire
			n := newNegotiator(baseOptions(), &w)
			runSteps(t, n, &w, tt.steps)
			q := n.entry(OptEcho).us
			if q.state != tt.want || q.opposite != tt.wantOpposite {
				t.Errorf("ECHO state %d opposite %v, want %d %v", q.state, q.opposite, tt.want, tt.wantOpposite)
			}
			if got := string(n.promptEnd()); got != tt.wantPromptEnd {
				t.Errorf("prompt end %q, want %q", got, tt.wantPromptEnd)
			}
		})
	}
}

// TestNegotiationNoLoop plays against clients that answer badly and checks
// that the exchange always ends.
func TestNegotiationNoLoop(t *testing.T) {
	tests := []struct {
		name   string
		client func(verb byte) []byte // the client's answer to each verb we send
	}{
		{"mirrors every command", func(verb byte) []byte { return []byte{verb} }},
		{"acknowledges everything", func(verb byte) []byte {
			return []byte{map[byte]byte{cmdWILL: cmdDO, cmdWONT: cmdDONT, cmdDO: cmdWILL, cmdDONT: cmdWONT}[verb]}
		}},
		{"answers twice", func(verb byte) []byte {
			a := map[byte]byte{cmdWILL: cmdDO, cmdWONT: cmdDONT, cmdDO: cmdWILL, cmdDONT: cmdWONT}[verb]
			return []byte{a, a}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var w wire
			n := newNegotiator(append(DefaultOptions(), &testOption{}, MSSPOption(testFigures)), &w)
			n.start()
			n.RequestLocal(OptEcho, true)
			n.RequestRemote(OptSGA, true)
			n.RequestLocal(OptEcho, false)
			n.receive(cmdDO, 24)
			n.receive(cmdWILL, 24)
			for round := 0; w.Len() > 0; round++ {
				if round == 10 {
					t.Fatalf("negotiation still going after %d rounds: %q", round, w.Bytes())
				}
				var p parser
				var r replies
				p.feed(w.Bytes(), &r)
				w.Reset()
				for _, c := range r.cmds {
					for _, verb := range tt.client(c[0]) {
						n.receive(verb, c[1])
					}
				}
			}
		})
	}
}

// replies collects the commands a negotiator sent.
type replies struct {
	checkingNothing
	cmds [][2]byte
}

func (r *replies) command(verb, option byte) { r.cmds = append(r.cmds, [2]byte{verb, option}) }

// checkingNothing ignores every parser event.
type checkingNothing struct{}

func (checkingNothing) line(string)                 {}
func (checkingNothing) lineTooLong()                {}
func (checkingNothing) command(byte, byte)          {}
func (checkingNothing) subnegotiation(byte, []byte) {}

// testOptionCode is the code of testOption, one no real client uses.
const testOptionCode = 200

// unknownOptionCode is an option no connection knows.
const unknownOptionCode = 99

// baseOptions are the options that offer nothing: ECHO and SGA.
func baseOptions() []Option { return []Option{echoOption{}, sgaOption{}} }

// testOption is a plug-in option as a later one would be written: it offers
// itself at the start, answers "ping" subnegotiations with "pong" (an IAC
// in it to check escaping), and replaces IAC GA with IAC EOR after prompts
// while it is in force, as EOR would.
type testOption struct {
	changes []string
	pings   int
}

func (o *testOption) Code() byte        { return testOptionCode }
func (o *testOption) AllowLocal() bool  { return true }
func (o *testOption) AllowRemote() bool { return false }
func (o *testOption) Start(p Peer)      { p.RequestLocal(testOptionCode, true) }

func (o *testOption) Changed(p Peer, side Side, enabled bool) {
	o.changes = append(o.changes, fmt.Sprintf("%s %v", side, enabled))
	if side != Local {
		return
	}
	if enabled {
		p.SetPromptMark([]byte{cmdIAC, cmdEOR})
	} else {
		p.SetPromptMark(nil)
	}
}

func (o *testOption) Subnegotiation(p Peer, data []byte) {
	if string(data) == "ping" {
		o.pings++
		p.Subnegotiate(testOptionCode, []byte("po\xffng"))
	}
}

func TestOptionPlugin(t *testing.T) {
	var w wire
	opt := &testOption{}
	n := newNegotiator(append(baseOptions(), opt), &w)
	n.start()
	if got, want := w.String(), "\xff\xfb\xc8"; got != want {
		t.Fatalf("opening offer %q, want %q", got, want)
	}
	w.Reset()
	n.subnegotiation(testOptionCode, []byte("ping"))
	if w.Len() != 0 || opt.pings != 0 {
		t.Fatalf("subnegotiation before agreement was handled: sent %q", w.Bytes())
	}
	n.receive(cmdDO, testOptionCode)
	n.receive(cmdDO, testOptionCode)
	n.subnegotiation(testOptionCode, []byte("ping"))
	if got, want := w.String(), "\xff\xfa\xc8po\xff\xffng\xff\xf0"; got != want {
		t.Fatalf("sent %q, want %q", got, want)
	}
	if got, want := string(n.promptEnd()), "\xff\xef"; got != want {
		t.Fatalf("prompt end %q, want %q", got, want)
	}
	n.receive(cmdDO, OptSGA)
	if got, want := string(n.promptEnd()), "\xff\xef"; got != want {
		t.Fatalf("prompt end with SGA %q, want the mark %q", got, want)
	}
	n.receive(cmdDONT, testOptionCode)
	if got := n.promptEnd(); got != nil {
		t.Fatalf("prompt end after the mark went away with SGA on: %q, want none", got)
	}
	if want := []string{"local true", "local false"}; !slices.Equal(opt.changes, want) {
		t.Fatalf("changes %q, want %q", opt.changes, want)
	}
}
