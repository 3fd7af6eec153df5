package main

import (
	"errors"
	"fmt"
	"strings"
)

// Login failures a bot can meet.
var (
	errNameRefused     = errors.New("name refused")
	errPasswordRefused = errors.New("password refused")
	errWrongPassword   = errors.New("wrong password")
	errUnexpected      = errors.New("unexpected prompt")
)

// Prompts of mythosd's login dialogue, as they begin.
const (
	promptName    = "By what name are you known?"
	promptChoose  = "Choose a password"
	promptRepeat  = "Repeat the password"
	promptPass    = "Password:"
	promptRetryYN = "Please answer y or n"
	promptKeep    = "Keep them"
	markYesNo     = "(y/n)"
)

// maxLastLine bounds the server line kept to explain a failure.
const maxLastLine = 120

// dialogue answers mythosd's login prompts for one character: it creates
// the character when the name is new and logs in when it exists. It is not
// safe for concurrent use.
type dialogue struct {
	name, password string

	sentName bool
	chose    bool // a new password was chosen once
	typedPw  bool // the password of an existing character was sent
	created  bool // the server asked to create the character
	last     string
}

// line remembers the last non-empty line, to explain a failure.
func (d *dialogue) line(text []byte) {
	if t := strings.TrimSpace(string(text)); t != "" {
		d.last = t[:min(len(t), maxLastLine)]
	}
}

// prompt returns the reply to a prompt of the dialogue and whether the
// character is in the world (the command prompt came).
func (d *dialogue) prompt(text []byte) (reply string, done bool, err error) {
	p := strings.TrimSpace(string(text))
	switch {
	case strings.HasSuffix(p, promptMark): // "> ", "<23/23dp 100lcd> ", a player's own
		return "", true, nil
	case strings.HasPrefix(p, promptName):
		return d.once(&d.sentName, d.name, errNameRefused)
	case strings.HasPrefix(p, promptRetryYN):
		return "", false, d.fail(errUnexpected, p)
	case strings.Contains(p, markYesNo):
		d.created = true
		return "y", false, nil
	case strings.HasPrefix(p, promptChoose):
		return d.once(&d.chose, d.password, errPasswordRefused)
	case strings.HasPrefix(p, promptRepeat):
		return d.password, false, nil
	case strings.HasPrefix(p, promptKeep):
		return "k", false, nil
	case strings.HasPrefix(p, promptPass):
		return d.once(&d.typedPw, d.password, errWrongPassword)
	}
	return "", false, d.fail(errUnexpected, p)
}

// once replies with answer the first time; a second time means the server
// did not take it, and the dialogue fails with err.
func (d *dialogue) once(asked *bool, answer string, err error) (string, bool, error) {
	if *asked {
		return "", false, d.fail(err, d.last)
	}
	*asked = true
	return answer, false, nil
}

// fail wraps err with what the server said. The name stays out of the
// message, so that the failures of many bots group by their cause.
func (d *dialogue) fail(err error, said string) error {
	return fmt.Errorf("log in: %w: %q", err, said)
}
