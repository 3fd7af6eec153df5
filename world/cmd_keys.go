package world

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"mythosd/store"
)

// keysUsage explains the keys command.
const keysUsage = "Usage: keys list | keys add <a line of your ~/.ssh/id_ed25519.pub> | keys remove <number or fingerprint>\n"

// keyCommands are the commands that manage a player's SSH keys.
func keyCommands() []*command {
	return []*command{
		{name: "keys", summary: "your SSH keys: keys list, keys add <key>, keys remove <n>", run: (*World).cmdKeys},
	}
}

// cmdKeys lists, adds or removes the SSH public keys that log the player in
// without a password. The store work runs off the loop.
func (w *World) cmdKeys(c *Character, args string) {
	sub, rest, _ := strings.Cut(strings.TrimSpace(args), " ")
	rest = strings.TrimSpace(rest)
	switch strings.ToLower(sub) {
	case "", "list":
		w.keysList(c)
	case "add":
		w.keysAdd(c, rest)
	case "remove", "rm", "delete":
		w.keysRemove(c, rest)
	default:
		c.send(keysUsage)
	}
}

// keysList shows the player's keys, numbered for keys remove.
func (w *World) keysList(c *Character) {
	name := c.Name
	w.offLoop(c, func(ctx context.Context) string {
		keys, err := w.cfg.Store.Keys(ctx, name)
		if err != nil {
			w.log.Error("list keys", "name", name, "err", err)
			return storeTroubleText
		}
		return keyListText(keys)
	})
}

// keyListText describes keys for their owner.
func keyListText(keys []store.PlayerKey) string {
	if len(keys) == 0 {
		return "You have registered no SSH keys. Add one with: keys add <a line of your ~/.ssh/id_ed25519.pub>\n"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Your SSH keys (%d):\n", len(keys))
	for i, k := range keys {
		kind, _, _ := strings.Cut(k.PublicKey, " ")
		fmt.Fprintf(&b, "  %d. %s %s", i+1, k.Fingerprint, kind)
		if k.Comment != "" {
			fmt.Fprintf(&b, " %s", k.Comment)
		}
		fmt.Fprintf(&b, " (added %s)\n", k.AddedAt.Format("2006-01-02"))
	}
	return b.String()
}

// keysAdd registers the key on an authorized_keys line.
func (w *World) keysAdd(c *Character, line string) {
	if line == "" {
		c.send(keysUsage)
		return
	}
	if w.cfg.KeyParser == nil {
		c.send("SSH keys cannot be registered on this server.\n")
		return
	}
	parsed, err := w.cfg.KeyParser(line)
	if err != nil {
		c.send("That key will not do: " + err.Error() + ".\n")
		return
	}
	key := store.PlayerKey{Fingerprint: parsed.Fingerprint, PublicKey: parsed.PublicKey,
		Comment: parsed.Comment, AddedAt: w.cfg.Clock.Now()}
	name := c.Name
	w.offLoop(c, func(ctx context.Context) string {
		return w.addKey(ctx, name, key)
	})
}

// addKey stores key for name and returns the answer. Off the loop.
func (w *World) addKey(ctx context.Context, name string, key store.PlayerKey) string {
	_, err := w.cfg.Store.AddKey(ctx, name, key)
	switch {
	case errors.Is(err, store.ErrExists):
		return "That key is registered already.\n"
	case errors.Is(err, store.ErrTooManyKeys):
		return fmt.Sprintf("You have %d keys already; remove one first (keys list, keys remove <number>).\n", store.MaxKeysPerAccount)
	case err != nil:
		w.log.Error("add key", "name", name, "err", err)
		return storeTroubleText
	}
	w.log.Info("ssh key added", "name", name, "fingerprint", key.Fingerprint)
	return "Key " + key.Fingerprint + " added. It now opens " + name + " over SSH without a password.\n"
}

// keysRemove removes a key, named by its number in keys list or its
// fingerprint.
func (w *World) keysRemove(c *Character, which string) {
	if which == "" {
		c.send(keysUsage)
		return
	}
	name := c.Name
	w.offLoop(c, func(ctx context.Context) string {
		return w.removeKey(ctx, name, which)
	})
}

// removeKey removes name's key which and returns the answer. Off the loop.
func (w *World) removeKey(ctx context.Context, name, which string) string {
	keys, err := w.cfg.Store.Keys(ctx, name)
	if err != nil {
		w.log.Error("list keys", "name", name, "err", err)
		return storeTroubleText
	}
	fp, ok := pickKey(keys, which)
	if !ok {
		return "You have no key " + which + "; see keys list.\n"
	}
	err = w.cfg.Store.RemoveKey(ctx, name, fp)
	if errors.Is(err, store.ErrNotFound) {
		return "You have no key " + which + "; see keys list.\n"
	}
	if err != nil {
		w.log.Error("remove key", "name", name, "err", err)
		return storeTroubleText
	}
	w.log.Info("ssh key removed", "name", name, "fingerprint", fp)
	return "Key " + fp + " removed; it opens nothing any more.\n"
}

// pickKey finds the fingerprint of the key which names: its number in the
// list (from 1) or its fingerprint, with or without "SHA256:".
func pickKey(keys []store.PlayerKey, which string) (string, bool) {
	if n, err := strconv.Atoi(which); err == nil {
		if n < 1 || n > len(keys) {
			return "", false
		}
		return keys[n-1].Fingerprint, true
	}
	for _, k := range keys {
		if k.Fingerprint == which || k.Fingerprint == "SHA256:"+which {
			return k.Fingerprint, true
		}
	}
	return "", false
}
