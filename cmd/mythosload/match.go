package main

import (
	"bytes"
	"time"
)

// exitsMark starts the line that every answer to `look` holds; promptMark
// is the command prompt that ends it, without its trailing space.
const (
	exitsMark  = "Exits:"
	promptMark = ">"
)

// lookMatcher pairs the answers to `look` with the moments the commands
// were written. The server answers one command at a time, in order, so the
// answers come in the order of the sends. An answer is a run of lines with
// an "Exits:" line, ended by the command prompt (it ends in "> "); other prompts (arrivals,
// departures, speech) end lines that belong to no answer and are skipped.
// It is not safe for concurrent use.
type lookMatcher struct {
	timeout  time.Duration // an answer slower than this is late
	pending  []time.Time   // send times; pending[head:] are unanswered, oldest first
	head     int
	sawExits bool            // the lines since the last prompt held "Exits:"
	rtts     []time.Duration // round trips of the answered looks
	sentAt   []time.Time     // when each of them was sent
	sent     int
	answered int // answered within timeout
	late     int // answered after timeout
	stray    int // room descriptions that no look asked for
}

// send records a look written at the moment at.
func (m *lookMatcher) send(at time.Time) {
	m.pending = append(m.pending, at)
	m.sent++
}

// line notes whether a line is the exits line of a room description.
func (m *lookMatcher) line(text []byte) {
	if hasPrefix(bytes.TrimLeft(text, " "), exitsMark) {
		m.sawExits = true
	}
}

// prompt takes a prompt seen at the moment now and reports whether it
// answered a look.
func (m *lookMatcher) prompt(text []byte, now time.Time) bool {
	answer := m.sawExits && bytes.HasSuffix(bytes.TrimRight(text, " "), []byte(promptMark))
	m.sawExits = false
	if !answer {
		return false
	}
	if m.outstanding() == 0 {
		m.stray++
		return false
	}
	at := m.pending[m.head]
	rtt := now.Sub(at)
	m.head++
	if m.head == len(m.pending) {
		m.pending, m.head = m.pending[:0], 0
	}
	m.rtts = append(m.rtts, rtt)
	m.sentAt = append(m.sentAt, at)
	if rtt <= m.timeout {
		m.answered++
	} else {
		m.late++
	}
	return true
}

// outstanding is how many looks wait for their answer.
func (m *lookMatcher) outstanding() int { return len(m.pending) - m.head }

// hasPrefix reports whether b begins with p, without allocating.
func hasPrefix(b []byte, p string) bool {
	return len(b) >= len(p) && string(b[:len(p)]) == p
}
