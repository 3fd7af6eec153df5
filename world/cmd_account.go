package world

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"mythosd/store"
	"mythosd/world/lucidity"
)

// accountCommands are characters (list, new) and rename. Deleting a
// character is done from the character menu at login only.
func accountCommands() []*command {
	return []*command{
		{name: "characters", summary: "list your account's characters; characters new <name> makes another",
			run: (*World).cmdCharacters, exact: true, topic: "account"},
		{name: "rename", summary: "rename the character you play: rename <new name> (asks your password)",
			run: (*World).cmdRename, exact: true, topic: "account"},
	}
}

// cmdCharacters lists the account's characters, or makes another one.
func (w *World) cmdCharacters(c *Character, args string) {
	verb, name, _ := strings.Cut(strings.TrimSpace(args), " ")
	switch {
	case verb == "":
		w.offLoop(c, func(ctx context.Context) string { return w.listCharacters(ctx, c.AccountID, c.Name) })
	case strings.EqualFold(verb, "new"):
		w.newCharacter(c, strings.TrimSpace(name))
	default:
		c.send("Type characters to list yours, or characters new <name> to make another.\n")
	}
}

// listCharacters lists the characters of account accountID, marking the
// one called playing. Off the loop.
func (w *World) listCharacters(ctx context.Context, accountID int64, playing string) string {
	chars, err := w.cfg.Store.CharactersOf(ctx, accountID)
	if err != nil {
		w.log.Error("list characters", "account", accountID, "err", err)
		return storeTroubleText
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Your characters (%d of %d):\n", len(chars), w.cfg.MaxChars)
	for _, ch := range chars {
		mark := ""
		if nameKey(ch.Name) == nameKey(playing) {
			mark = "  (playing)"
		}
		fmt.Fprintf(&b, "  %-*s level %d%s\n", maxNameLen, ch.Name, level(ch.XP), mark)
	}
	b.WriteString("To play another, log in with your account's name and choose it from the menu.\n")
	return b.String()
}

// newCharacter makes another character of c's account, its attributes
// rolled now; it is played by choosing it at the next login.
func (w *World) newCharacter(c *Character, name string) {
	if name == "" {
		c.send("Type characters new and the name, e.g. characters new Armitage.\n")
		return
	}
	if err := w.checkName(name); err != nil {
		c.send("That name will not do: " + err.Error() + ".\n")
		return
	}
	name = properName(name)
	attrs := rollAttributes(w.rng)
	account, by, room, limit, now := c.AccountID, c.Name, w.cfg.StartRoom, w.cfg.MaxChars, w.cfg.Clock.Now()
	w.offLoop(c, func(ctx context.Context) string {
		ch, err := w.cfg.Store.AddCharacter(ctx, account, name, room, lucidity.Start, limit, now)
		if why := addRefusal(err, limit); why != "" {
			return why + "\n"
		}
		if err == nil {
			err = w.cfg.Store.SetAttributes(ctx, ch.ID, attrs)
		}
		if err != nil {
			w.log.Error("add character", "account", account, "name", name, "err", err)
			return storeTroubleText
		}
		w.audit.Info("character created", "account", account, "character", name, "by", by)
		return name + " wakes in the sanitarium, measured: " + formatAttributes(attrs) + ".\n" +
			"Log in with your account's name and choose " + name + " from the menu to play.\n"
	})
}

// cmdRename checks the new name and asks for the password, on the
// session's read loop as password does; the rename happens there.
func (w *World) cmdRename(c *Character, args string) {
	name := strings.TrimSpace(args)
	if name == "" {
		c.send("Type rename and the new name, e.g. rename Armitage.\n")
		return
	}
	if err := w.checkName(name); err != nil {
		c.send("That name will not do: " + err.Error() + ".\n")
		return
	}
	name = properName(name)
	if name == c.Name {
		c.send("You are called " + c.Name + " already.\n")
		return
	}
	s := c.sess
	s.dialog = &renameDialog{s: s, c: c, old: c.Name, name: name}
	s.conn.SetEcho(false)
	s.conn.Prompt("Your password, to become " + name + " (an empty line gives up): ")
}

// renameDialog asks the password for a rename, then renames in the store
// and the world. It runs on the session's read loop.
type renameDialog struct {
	s         *Session
	c         *Character // loop-owned: only named, never touched here
	old, name string
}

// line takes the password and reports that the dialogue is over.
func (r *renameDialog) line(pw string) bool {
	s := r.s
	s.conn.Send("\n")
	s.conn.SetEcho(true)
	s.conn.Send(r.answer(pw) + "\n")
	s.endDialogue()
	return true
}

// answer checks the password and renames; it returns what to tell.
func (r *renameDialog) answer(pw string) string {
	if pw == "" {
		return "You keep your name."
	}
	w, s := r.s.w, r.s
	ok, why := w.checkOwnPassword(s, r.old, pw)
	if !ok {
		return why + " You keep your name."
	}
	key := nameKey(r.name)
	free, alive := w.askLoop(func() bool { return w.reserve(key, "That name is being taken just now; try again in a moment.") })
	switch {
	case !alive:
		return "The world is stopping; you keep your name."
	case !free:
		return "Someone is taking that name just now; choose another."
	}
	ctx, cancel := context.WithTimeout(context.Background(), storeTimeout)
	defer cancel()
	_, err := w.cfg.Store.RenameCharacter(ctx, r.c.ID, r.name)
	if err != nil {
		w.post(func() { delete(w.reserved, key) })
	}
	if why := addRefusal(err, 0); why != "" {
		return why
	}
	if err != nil {
		s.log.Error("rename character", "name", r.old, "to", r.name, "err", err)
		return strings.TrimSuffix(storeTroubleText, "\n") + " You keep your name."
	}
	w.audit.Info("character renamed", "from", r.old, "to", r.name, "by", r.old)
	// The new name stays held until the loop knows the character by it, so
	// a login under it meanwhile cannot load a second copy.
	w.post(func() { w.renamed(r.c, r.old, r.name); delete(w.reserved, key) })
	return "You are " + r.name + " now. Other players' mutes of " + r.old + " follow you; " +
		"the chat log keeps what was said under the old name."
}

// checkOwnPassword checks pw against the account of the character called
// name, through the guard as at login; why says what went wrong. Read loop.
func (w *World) checkOwnPassword(s *Session, name, pw string) (ok bool, why string) {
	ctx, cancel := context.WithTimeout(context.Background(), storeTimeout)
	defer cancel()
	acc, err := w.cfg.Store.AccountByName(ctx, name)
	if err != nil {
		s.log.Error("read account", "name", name, "err", err)
		return false, strings.TrimSuffix(storeTroubleText, "\n")
	}
	if wait := w.guard.wait(s.addr, acc.Name); wait > 0 {
		return false, "Too many wrong passwords of late; wait " + waitText(wait) + " and try again."
	}
	ok, err = w.cfg.Hasher.CheckFrom(ctx, s.addr, acc.PasswordHash, pw)
	switch {
	case err != nil:
		s.log.Error("check password", "name", name, "err", err)
		return false, "Your password cannot be checked just now."
	case !ok:
		w.guard.failed(s.addr, acc.Name)
		return false, "That is not your password."
	}
	w.guard.succeeded(s.addr, acc.Name)
	return true, ""
}

// renamed makes the world call c by its new name: the key it is found
// under, and the mute lists, which are read anew. Loop only.
func (w *World) renamed(c *Character, old, name string) {
	w.mutes.renameMuted(old, name)
	if w.chars[nameKey(old)] != c { // gone and handed to the store already
		return
	}
	delete(w.chars, nameKey(old))
	c.Name = name
	w.chars[nameKey(name)] = c
	if c.sess != nil {
		w.tellRoom(c.RoomID, c, old+" is known as "+name+" now.")
	}
}

// renameMuted points the cached mutes of name old at name new, as the
// store's rename did. Loop only.
func (mc *muteCache) renameMuted(old, new string) {
	mc.rewriteMuted(old, func(m store.Mute) (store.Mute, bool) { m.Name = new; return m, true })
}

// releaseMuted frees the name of a deleted character in the cached mute
// lists, as the store's delete did (store.releaseMutes): a mute that holds
// its account is kept as Gone, one without an account goes, and an admin's
// global mute stays. Loop only.
func (mc *muteCache) releaseMuted(name string) {
	mc.rewriteMuted(name, func(m store.Mute) (store.Mute, bool) {
		switch {
		case m.Owner == store.GlobalMuteOwner:
			return m, true
		case m.Account != 0:
			m.Gone = true
			return m, true
		}
		return m, false
	})
}

// rewriteMuted passes every cached mute of name (not yet Gone) through
// change, which returns it changed and whether it stays. Loop only.
func (mc *muteCache) rewriteMuted(name string, change func(store.Mute) (store.Mute, bool)) {
	isName := func(m store.Mute) bool { return !m.Gone && strings.EqualFold(m.Name, name) }
	for key, item := range mc.items.Items() {
		list, ok := item.Object.([]store.Mute)
		if !ok || !slices.ContainsFunc(list, isName) {
			continue
		}
		out := make([]store.Mute, 0, len(list))
		for _, m := range list {
			keep := true
			if isName(m) {
				m, keep = change(m)
			}
			if keep {
				out = append(out, m)
			}
		}
		mc.items.SetDefault(key, out)
	}
}

// accountChars returns the characters in memory of the account that name
// opens (its own name or one of its characters'), so that a freeze or a
// role reaches every character of the account being played. Loop only; it
// scans every loaded character, which suits rare admin actions.
func (w *World) accountChars(name string) []*Character {
	key := nameKey(name)
	id := int64(-1)
	if c := w.chars[key]; c != nil {
		id = c.AccountID
	}
	for _, c := range w.chars {
		if id < 0 && c.accountKey == key {
			id = c.AccountID
		}
	}
	var out []*Character
	for _, c := range w.chars {
		if c.AccountID == id {
			out = append(out, c)
		}
	}
	return out
}
