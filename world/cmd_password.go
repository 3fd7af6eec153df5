package world

import (
	"context"
	"errors"
	"strings"
)

// passwordStep is where the password dialogue stands.
type passwordStep int

const (
	askOldPassword passwordStep = iota
	askNewPassword
	repeatNewPassword
)

// passwordChange is the `password` dialogue: the old password, then the
// new one twice, with echo off. The command hands it to the session's read
// loop, which runs it as it runs the login dialogue, so that hashing and
// the store are never touched on the world loop. A wrong old password
// counts toward the guard's back-off like a wrong password at login.
type passwordChange struct {
	s      *Session
	name   string // the account's name
	step   passwordStep
	chosen string
}

// passwordCommands is the password command.
func passwordCommands() []*command {
	return []*command{{name: "password", summary: "change your password: asks the old one, then the new one twice",
		run: (*World).cmdPassword, exact: true}}
}

// cmdPassword starts the password dialogue on c's session. Loop only: the
// session's reader waits for this command, and takes the dialogue over when
// it is done.
func (w *World) cmdPassword(c *Character, args string) {
	if strings.TrimSpace(args) != "" {
		c.send("Type password alone; it asks for the old password and the new one, unseen.\n")
		return
	}
	s := c.sess
	s.dialog = &passwordChange{s: s, name: c.Name}
	s.conn.SetEcho(false)
	s.conn.Prompt("Current password (an empty line gives up): ")
}

// line takes one line of the dialogue and reports whether it is over.
// Read loop only.
func (p *passwordChange) line(text string) bool {
	p.s.conn.Send("\n")
	if text == "" {
		return p.end("Your password is unchanged.")
	}
	switch p.step {
	case askOldPassword:
		return p.onOld(text)
	case askNewPassword:
		if len(text) < minPasswordLen || len(text) > maxPasswordLen {
			return p.end("A password has 6 to 256 characters; your password is unchanged.")
		}
		p.chosen, p.step = text, repeatNewPassword
		p.s.conn.Prompt("Repeat the new password: ")
		return false
	default:
		chosen := p.chosen
		p.chosen = ""
		if text != chosen {
			return p.end("The passwords differ; your password is unchanged.")
		}
		return p.end(p.change(chosen))
	}
}

// onOld checks the old password, unless the address or account is backed off.
func (p *passwordChange) onOld(pw string) bool {
	w, s := p.s.w, p.s
	if wait := w.guard.wait(s.addr, p.name); wait > 0 {
		return p.end("Too many wrong passwords of late; wait " + waitText(wait) + " and try again.")
	}
	ctx, cancel := context.WithTimeout(context.Background(), storeTimeout)
	defer cancel()
	acc, err := w.cfg.Store.AccountByName(ctx, p.name)
	if err != nil {
		s.log.Error("read account for password change", "name", p.name, "err", err)
		return p.end(strings.TrimSuffix(storeTroubleText, "\n"))
	}
	ok, err := w.cfg.Hasher.CheckFrom(ctx, s.addr, acc.PasswordHash, pw)
	switch {
	case errors.Is(err, ErrHasherBusy):
		return p.end("Too many password checks from your address at once; try again in a moment.")
	case err != nil:
		s.log.Error("check password", "name", p.name, "err", err)
		return p.end(strings.TrimSuffix(storeTroubleText, "\n"))
	case !ok:
		w.guard.failed(s.addr, p.name)
		s.log.Info("password change: wrong old password", "name", p.name)
		return p.end("That is not your password; it is unchanged.")
	}
	w.guard.succeeded(s.addr, p.name)
	p.step = askNewPassword
	s.conn.Prompt("New password (at least 6 characters): ")
	return false
}

// change hashes pw and stores it; it returns what to tell the player.
func (p *passwordChange) change(pw string) string {
	w, s := p.s.w, p.s
	ctx, cancel := context.WithTimeout(context.Background(), storeTimeout)
	defer cancel()
	hash, err := w.cfg.Hasher.HashFrom(ctx, s.addr, pw)
	if err == nil {
		err = w.cfg.Store.SetPassword(ctx, p.name, hash)
	}
	if err != nil {
		s.log.Error("change password", "name", p.name, "err", err)
		return "The records office cannot be reached just now; your password is unchanged."
	}
	s.log.Info("password changed", "name", p.name)
	return "Your password is changed."
}

// end closes the dialogue with a last line, turns echo back on and has the
// loop show the prompt. It reports true (the dialogue is over).
func (p *passwordChange) end(text string) bool {
	p.chosen = ""
	s := p.s
	s.conn.SetEcho(true)
	s.conn.Send(text + "\n")
	s.endDialogue()
	return true
}
