package worldfile

import (
	"errors"
	"fmt"
	"strings"
)

// ErrInvalidWorld is what Report.Err wraps when a world has Error problems.
var ErrInvalidWorld = errors.New("invalid world")

// maxErrorsShown caps how many problems Report.Err spells out.
const maxErrorsShown = 5

// Severity tells whether a problem stops a world from shipping.
type Severity int

// Severities of a Problem.
const (
	// Warning marks a problem the loader worked around; the world is playable.
	Warning Severity = iota + 1
	// Error marks a problem that makes the world unfit to ship.
	Error
)

// String returns "warning" or "error".
func (s Severity) String() string {
	switch s {
	case Warning:
		return "warning"
	case Error:
		return "error"
	default:
		return fmt.Sprintf("severity(%d)", int(s))
	}
}

// Problem is one thing wrong with one file of a world.
type Problem struct {
	// File is the file's path inside the world tree, slash-separated.
	File string
	// Field is the JSON key at fault ("exits.north", "id"), or "" for the
	// file as a whole.
	Field    string
	Severity Severity
	Message  string
}

// String formats the problem as "file: field: message".
func (p Problem) String() string {
	if p.Field == "" {
		return p.File + ": " + p.Message
	}
	return p.File + ": " + p.Field + ": " + p.Message
}

// Resolution records an exit target that named no room and that the
// resolution rule rewrote to the one room it matches.
type Resolution struct {
	File      string // the file of the room that has the exit
	Room      string // the id of that room
	Direction string
	From      string // the target as written
	To        string // the room id it was rewritten to
}

// String formats the resolution as `file: exits.dir: "from" -> "to"`.
func (r Resolution) String() string {
	return fmt.Sprintf("%s: exits.%s: %q -> %q", r.File, r.Direction, r.From, r.To)
}

// Report is everything Load found wrong with a world, and the exit targets
// it rewrote.
type Report struct {
	Problems []Problem
	Resolved []Resolution
}

// Count returns how many problems have severity s.
func (r *Report) Count(s Severity) int {
	n := 0
	for _, p := range r.Problems {
		if p.Severity == s {
			n++
		}
	}
	return n
}

// Err returns nil when no problem has severity Error, else an error wrapping
// ErrInvalidWorld that names the first few.
func (r *Report) Err() error {
	var msgs []string
	n := 0
	for _, p := range r.Problems {
		if p.Severity != Error {
			continue
		}
		n++
		if len(msgs) < maxErrorsShown {
			msgs = append(msgs, p.String())
		}
	}
	if n == 0 {
		return nil
	}
	text := strings.Join(msgs, "; ")
	if n > len(msgs) {
		text += fmt.Sprintf("; and %d more", n-len(msgs))
	}
	return fmt.Errorf("%w: %d error(s): %s", ErrInvalidWorld, n, text)
}

// add records a problem.
func (r *Report) add(file, field string, sev Severity, format string, args ...any) {
	r.Problems = append(r.Problems, Problem{
		File: file, Field: field, Severity: sev, Message: fmt.Sprintf(format, args...),
	})
}
