package world

import (
	"context"
	"errors"
	"strings"

	"mythosd/store"
)

// menuDelete starts the confirmation of a delete from the character menu:
// the name again, then the account's password.
func (l *login) menuDelete(name string) {
	c, ok := l.menu.pick(name)
	if name == "" || !ok || nameKey(c.Name) != nameKey(name) {
		l.menuWrong("Type delete and the name of one of your characters, e.g. delete " + l.exampleName() + ".")
		return
	}
	l.menu.doomed = c
	l.step = deleteAgain
	l.say("Deleting " + c.Name + " ends it for ever, with everything it carries.")
	l.s.conn.Prompt("Type its name again to go on (anything else keeps it): ")
}

// exampleName is a name for the menu's examples: the first character's.
func (l *login) exampleName() string {
	if len(l.menu.chars) > 0 {
		return l.menu.chars[0].Name
	}
	return "Armitage"
}

// onDeleteAgain takes the name typed again: the same asks for the
// password, anything else keeps the character and counts as a wrong answer.
func (l *login) onDeleteAgain(answer string) {
	doomed := l.menu.doomed
	if nameKey(answer) != nameKey(doomed.Name) {
		l.step = inMenu
		l.menu.doomed = store.Character{}
		l.menuWrong(doomed.Name + " is kept.")
		return
	}
	l.askPassword("Your password, to delete "+doomed.Name+": ", deletePassword)
}

// onDeletePassword checks the account's password (a wrong one counts as at
// the login's prompt) and deletes the character.
func (l *login) onDeletePassword(pw string) {
	l.s.conn.Send("\n")
	doomed := l.menu.doomed
	l.menu.doomed = store.Character{}
	l.step = inMenu
	ok, refused := l.checkPassword(pw)
	l.s.conn.SetEcho(true)
	switch {
	case refused != "":
		l.menuWrong(refused + " " + doomed.Name + " is kept.")
		return
	case !ok:
		if l.wrongPassword() {
			l.say("Wrong password; " + doomed.Name + " is kept.")
			l.menuPrompt()
		}
		return
	}
	l.s.w.guard.succeeded(l.s.addr, l.account.Name)
	l.say(l.s.w.deleteCharacter(l.account, doomed))
	if l.readChars() {
		l.showMenu()
	}
}

// deleteCharacter deletes ch, of account acc, with its items, unless the
// world holds it (playing, just gone, loading); it returns what to tell
// the player. It runs on the connection's reader: the loop only reserves
// the name, so nobody enters the character while the store deletes it.
func (w *World) deleteCharacter(acc store.Account, ch store.Character) string {
	key := nameKey(ch.Name)
	free, ok := w.askLoop(func() bool { return w.reserveDelete(key) })
	if !ok {
		return "The world is stopping; " + ch.Name + " is kept."
	}
	if !free {
		return ch.Name + " is in the world just now; try again once it has left."
	}
	defer w.post(func() { delete(w.reserved, key) })
	ctx, cancel := context.WithTimeout(context.Background(), storeTimeout)
	defer cancel()
	items, err := w.cfg.Store.DeleteCharacter(ctx, ch.ID)
	if errors.Is(err, store.ErrNotFound) {
		return ch.Name + " is already gone."
	}
	if err != nil {
		w.log.Error("delete character", "account", acc.Name, "character", ch.Name, "err", err)
		return strings.TrimSuffix(storeTroubleText, "\n") + " " + ch.Name + " is kept."
	}
	w.audit.Info("character deleted", "account", acc.Name, "character", ch.Name, "items", items, "by", acc.Name)
	w.post(func() { w.mutes.releaseMuted(ch.Name) })
	return ch.Name + " is gone, and all it carried with it."
}

// reserveDelete marks key as being deleted unless the world plays that
// character or is loading it. A character that has just left but is still
// in memory is handed to the store at once (the tick's hand-off, early),
// so that nothing of it reaches the store after the delete. Loop only.
func (w *World) reserveDelete(key string) bool {
	if c, held := w.chars[key]; held {
		if c.online() {
			return false
		}
		w.handOff()
		if _, still := w.chars[key]; still {
			return false
		}
	}
	if _, loading := w.loads[key]; loading {
		return false
	}
	return w.reserve(key, "That character is being deleted.")
}

// reserve holds name key while a delete or rename runs off the loop; a
// login under it is told why and put out. It reports false when key is
// held already. Loop only.
func (w *World) reserve(key, why string) bool {
	if _, held := w.reserved[key]; held {
		return false
	}
	if w.reserved == nil {
		w.reserved = make(map[string]string)
	}
	w.reserved[key] = why
	return true
}

// askLoop runs fn on the loop and returns its answer; ok is false when the
// world stopped first. Never call it on the loop.
func (w *World) askLoop(fn func() bool) (answer, ok bool) {
	got := make(chan bool, 1)
	if !w.post(func() { got <- fn() }) {
		return false, false
	}
	select {
	case a := <-got:
		return a, true
	case <-w.done:
		return false, false
	}
}
