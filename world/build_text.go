package world

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Limits of what builders type.
const (
	maxRoomName   = 80   // runes
	maxExitDesc   = 240  // runes
	maxRoomID     = 160  // bytes
	maxDescBytes  = 4096 // a room description, as stored
	maxDescLines  = 60   // lines in the description editor
	maxSlugLength = 40   // the name part of a dug room's id
)

// buildText checks a name or a line of text a builder typed: valid UTF-8,
// no control characters, not blank, at most limit runes. It returns the
// text trimmed.
func buildText(what, s string, limit int) (string, error) {
	s = strings.TrimSpace(s)
	switch {
	case !utf8.ValidString(s):
		return "", fmt.Errorf("the %s is not valid UTF-8 text", what)
	case strings.ContainsFunc(s, isControl) || strings.ContainsRune(s, '\t'):
		return "", fmt.Errorf("the %s may not hold control characters", what)
	case s == "":
		return "", fmt.Errorf("the %s may not be empty", what)
	case utf8.RuneCountInString(s) > limit:
		return "", fmt.Errorf("the %s may be at most %d characters long", what, limit)
	}
	return s, nil
}

// errBadRoomID answers a room id that cannot be one.
var errBadRoomID = errors.New("a room id is lowercase letters, digits and _")

// tellErr answers c with err as a sentence.
func tellErr(c *Character, err error) {
	msg := err.Error()
	if msg != "" {
		r, n := utf8.DecodeRuneInString(msg)
		msg = strings.ToUpper(string(r)) + msg[n:]
	}
	c.send(msg + ".\n")
}

// checkRoomID checks that s can be a room id.
func checkRoomID(s string) error {
	if s == "" || len(s) > maxRoomID {
		return errBadRoomID
	}
	for i := 0; i < len(s); i++ {
		if b := s[i]; !(b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b == '_') {
			return errBadRoomID
		}
	}
	return nil
}

// slug is the id part made of a room's name: lowercase ASCII letters and
// digits, other runs as one _, at most maxSlugLength; "room" when nothing
// is left.
func slug(name string) string {
	var b strings.Builder
	gap := false
	for _, r := range strings.ToLower(name) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if gap && b.Len() > 0 {
				b.WriteByte('_')
			}
			gap = false
			b.WriteRune(r)
			if b.Len() >= maxSlugLength {
				break
			}
			continue
		}
		gap = true
	}
	s := strings.Trim(b.String(), "_")
	if s == "" {
		return "room"
	}
	return s
}
