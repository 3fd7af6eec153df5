package world

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"mythosd/store"
	"mythosd/world/lucidity"
	"mythosd/world/netcore"
)

// defaultMaxChars is how many characters an account may hold unless
// Config.MaxChars says otherwise.
const defaultMaxChars = 5

// The character menu's steps in the login dialogue.
const (
	inMenu loginStep = 200 + iota
	deleteAgain
	deletePassword
)

// charMenu is what the character menu knows: the account's characters as
// last read, and the one a delete is confirming.
type charMenu struct {
	chars  []store.Character
	doomed store.Character
}

// pick finds the character answer names: its number in the list or its name.
func (m *charMenu) pick(answer string) (store.Character, bool) {
	if n, err := strconv.Atoi(answer); err == nil {
		if n >= 1 && n <= len(m.chars) {
			return m.chars[n-1], true
		}
		return store.Character{}, false
	}
	for _, c := range m.chars {
		if nameKey(c.Name) == nameKey(answer) {
			return c, true
		}
	}
	return store.Character{}, false
}

// afterPassword goes on once the account's password is right: into the
// character named at the prompt, into the account's only character, or
// to the character menu.
func (l *login) afterPassword() bool {
	if l.char != "" {
		return l.enter(l.account, l.char)
	}
	if !l.readChars() {
		return false
	}
	if len(l.menu.chars) == 1 {
		return l.enter(l.account, l.menu.chars[0].Name)
	}
	l.showMenu()
	return false
}

// readChars reads the account's characters for the menu; on failure it
// says so and starts the login over.
func (l *login) readChars() bool {
	ctx, cancel := context.WithTimeout(context.Background(), storeTimeout)
	defer cancel()
	chars, err := l.s.w.cfg.Store.CharactersOf(ctx, l.account.ID)
	if err != nil {
		l.storeTrouble("list characters", err)
		return false
	}
	l.menu.chars = chars
	return true
}

// showMenu lists the characters, with their level and where they are, and
// asks for a choice.
func (l *login) showMenu() {
	l.step = inMenu
	ctx, cancel := context.WithTimeout(context.Background(), storeTimeout)
	defer cancel()
	var b strings.Builder
	if len(l.menu.chars) == 0 {
		b.WriteString("Your account holds no characters yet.\n")
	} else {
		b.WriteString("Your characters:\n")
	}
	for i, c := range l.menu.chars {
		fmt.Fprintf(&b, "  %d. %-*s level %d, %s\n", i+1, maxNameLen, c.Name, level(c.XP), l.whereIs(ctx, c.RoomID))
	}
	fmt.Fprintf(&b, "Type a number or a name to play, new <name> for another character (%d of %d), delete <name>, or quit.\n",
		len(l.menu.chars), l.s.w.cfg.MaxChars)
	l.s.conn.Send(b.String())
	l.menuPrompt()
}

func (l *login) menuPrompt() { l.s.conn.Prompt("Your choice: ") }

// whereIs names room id for the menu; read on the connection's reader.
func (l *login) whereIs(ctx context.Context, id string) string {
	r, err := l.s.w.cfg.Store.Room(ctx, id)
	if err != nil || r.Name == "" {
		return "somewhere unknown"
	}
	return r.Name
}

// menuLine takes one line at one of the menu's steps.
func (l *login) menuLine(text string) bool {
	switch l.step {
	case inMenu:
		return l.onMenu(strings.TrimSpace(text))
	case deleteAgain:
		l.onDeleteAgain(strings.TrimSpace(text))
	case deletePassword:
		l.onDeletePassword(text)
	}
	return false
}

// onMenu takes a choice: a character, new, delete or quit.
func (l *login) onMenu(answer string) bool {
	verb, rest, _ := strings.Cut(answer, " ")
	rest = strings.TrimSpace(rest)
	switch strings.ToLower(verb) {
	case "quit":
		l.say("Arkham will wait for you.")
		l.ended = true
		l.s.conn.Close(netcore.CauseQuit)
		return false
	case "new":
		return l.menuNew(rest)
	case "delete":
		l.menuDelete(rest)
		return false
	}
	if c, ok := l.menu.pick(answer); ok {
		return l.enter(l.account, c.Name)
	}
	l.menuWrong("There is no such character; type a number or a name from the list, new <name>, delete <name> or quit.")
	return false
}

// menuWrong counts an answer that will not do, says why and asks again.
func (l *login) menuWrong(why string) {
	if l.wrongAnswer() {
		l.say(why)
		l.menuPrompt()
	}
}

// menuNew makes another character for the account and offers it its
// attributes, as to a new player.
func (l *login) menuNew(name string) bool {
	if name == "" {
		l.menuWrong("Type new and the name of the character to make, e.g. new Armitage.")
		return false
	}
	w := l.s.w
	if err := w.checkName(name); err != nil {
		l.menuWrong("That name will not do: " + err.Error() + ".")
		return false
	}
	ctx, cancel := context.WithTimeout(context.Background(), storeTimeout)
	defer cancel()
	ch, err := w.cfg.Store.AddCharacter(ctx, l.account.ID, properName(name), w.cfg.StartRoom, lucidity.Start,
		w.cfg.MaxChars, w.cfg.Clock.Now())
	if why := addRefusal(err, w.cfg.MaxChars); why != "" {
		l.menuWrong(why)
		return false
	}
	if err != nil {
		l.s.log.Error("add character", "account", l.account.Name, "err", err)
		l.say(strings.TrimSuffix(storeTroubleText, "\n"))
		l.menuPrompt()
		return false
	}
	w.audit.Info("character created", "account", l.account.Name, "character", ch.Name, "by", l.account.Name)
	return l.offerAttributes(l.account, ch)
}

// addRefusal says why a store refused a new character or a new name, or ""
// when it did not refuse it for a reason the player can fix.
func addRefusal(err error, limit int) string {
	switch {
	case errors.Is(err, store.ErrExists):
		return "That name is taken; choose another."
	case errors.Is(err, store.ErrLimit):
		return fmt.Sprintf("An account holds at most %d characters; delete one first.", limit)
	}
	return ""
}

// menuShown reports whether the dialogue waits at the character menu.
func (l *login) menuShown() bool { return !l.ended && l.step == inMenu }
