package telnet

import (
	"bytes"
	"testing"
)

// negEvents routes parser events to a negotiator, as a Conn does, and
// records lines.
type negEvents struct {
	n     *negotiator
	lines []string
}

func (e *negEvents) line(s string)                        { e.lines = append(e.lines, s) }
func (e *negEvents) lineTooLong()                         {}
func (e *negEvents) command(verb, option byte)            { e.n.receive(verb, option) }
func (e *negEvents) subnegotiation(opt byte, data []byte) { e.n.subnegotiation(opt, data) }

// play opens a negotiator with fresh options, feeds it what the client
// sends in chunks, and returns everything the server sent (the opening
// offers included) and the negotiator.
func play(opts func() []Option, chunks ...[]byte) (string, *negotiator) {
	var w wire
	n := newNegotiator(opts(), &w)
	n.start()
	var p parser
	ev := &negEvents{n: n}
	for _, c := range chunks {
		p.feed(c, ev)
	}
	return w.String(), n
}

// optionCase is one exchange with one option: what the client sends,
// what the server must send back byte for byte (opening offers included),
// and a check of the state reached.
type optionCase struct {
	name  string
	input string
	want  string
	check func(tb testing.TB, n *negotiator)
}

// runOptionCases plays each case whole, byte by byte and split in two at
// every byte boundary, and checks that the output and the state are the
// same every time.
func runOptionCases(t *testing.T, opts func() []Option, cases []optionCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in := []byte(tc.input)
			checkPlay(t, "whole", tc, opts, in)
			bytewise := make([][]byte, len(in))
			for i := range in {
				bytewise[i] = in[i : i+1]
			}
			checkPlay(t, "byte by byte", tc, opts, bytewise...)
			for k := 1; k < len(in); k++ {
				checkPlay(t, "split", tc, opts, in[:k], in[k:])
			}
		})
	}
}

// checkPlay plays one split of a case and checks it.
func checkPlay(tb testing.TB, how string, tc optionCase, opts func() []Option, chunks ...[]byte) {
	tb.Helper()
	got, n := play(opts, chunks...)
	if got != tc.want {
		tb.Fatalf("%s %q: sent %q, want %q", how, bytes.Join(chunks, []byte("|")), got, tc.want)
	}
	if tc.check != nil {
		tc.check(tb, n)
	}
}

// only returns options made of one option value, fresh each time.
func only(mk func() Option) func() []Option {
	return func() []Option { return []Option{mk()} }
}
