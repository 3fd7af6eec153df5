package telnet

import (
	"strconv"
	"strings"
)

// TTYPE subnegotiation commands (RFC 1091).
const (
	ttypeIS   byte = 0
	ttypeSEND byte = 1
)

// maxTTYPERequests bounds how many times we ask for the terminal type.
const maxTTYPERequests = 4

// ttypeOption is TERMINAL-TYPE (RFC 1091) with MTTS: we ask with DO TTYPE,
// then send SEND until the answer repeats. An MTTS client answers its
// name, then its terminal type, then "MTTS <flags>", then repeats that; an
// older client repeats its one name, or cycles back to the first.
type ttypeOption struct {
	quietOption
	asked   int    // SEND requests made
	pending bool   // a SEND waits for its answer
	first   string // the first answer
	last    string // the latest answer
	done    bool   // the answers repeated: nothing more to learn
}

// Code returns OptTTYPE.
func (*ttypeOption) Code() byte { return OptTTYPE }

// AllowLocal refuses DO TTYPE: the server has no terminal.
func (*ttypeOption) AllowLocal() bool { return false }

// AllowRemote accepts WILL TTYPE.
func (*ttypeOption) AllowRemote() bool { return true }

// Start asks for the terminal type.
func (*ttypeOption) Start(p Peer) { p.RequestRemote(OptTTYPE, true) }

// Changed asks for the first answer once the client agrees.
func (t *ttypeOption) Changed(p Peer, side Side, enabled bool) {
	if side == Remote && enabled && t.asked == 0 {
		t.send(p)
	}
}

// Subnegotiation records an answer, IS <name>, and asks again until the
// answers repeat. Answers we did not ask for are ignored.
func (t *ttypeOption) Subnegotiation(p Peer, data []byte) {
	if len(data) == 0 || data[0] != ttypeIS || !t.pending {
		return
	}
	t.pending = false
	t.record(p.Client(), cleanName(data[1:]))
	if !t.done && t.asked < maxTTYPERequests {
		t.send(p)
	}
}

// send asks for the next answer.
func (t *ttypeOption) send(p Peer) {
	t.asked++
	t.pending = true
	p.Subnegotiate(OptTTYPE, []byte{ttypeSEND})
}

// record keeps what answer tells: the client's name first, then its
// terminal type or MTTS flags; a repeated answer ends the cycle.
func (t *ttypeOption) record(c *Client, answer string) {
	if t.asked == 1 {
		c.Name, t.first, t.last = answer, answer, answer
		return
	}
	if answer == t.last || answer == t.first {
		t.done = true
		return
	}
	t.last = answer
	if flags, ok := parseMTTS(answer); ok {
		c.MTTS, c.HasMTTS = flags, true
	} else if c.Terminal == "" {
		c.Terminal = answer
	}
}

// parseMTTS reads "MTTS <flags>".
func parseMTTS(s string) (int, bool) {
	rest, ok := strings.CutPrefix(s, "MTTS ")
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(rest)
	if err != nil || n < 0 || n > 1<<20 {
		return 0, false
	}
	return n, true
}
