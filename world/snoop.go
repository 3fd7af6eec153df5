package world

import (
	"strings"
)

// snoopPrefix starts each line a snooper sees of another's screen.
const snoopPrefix = "% "

// adminSnoop starts c watching what name sees ("off" stops it). The
// snooped player is not told; the audit log is.
func (w *World) adminSnoop(c *Character, args string) {
	name := strings.TrimSpace(args)
	switch {
	case name == "":
		c.send("Usage: admin snoop <name> | admin snoop off\n")
	case name == "off":
		w.stopSnoop(c)
		c.send("You stop watching.\n")
	case nameKey(name) == nameKey(c.Name):
		c.send("You cannot watch yourself.\n")
	default:
		target, err := w.playing(name)
		if err != nil {
			c.send(capitalize(err.Error()) + ".\n")
			return
		}
		w.stopSnoop(c)
		c.snooping = target
		target.snoopers = append(target.snoopers, c)
		w.audit.Info("admin snoop", "name", target.Name, "by", c.Name)
		c.send("You watch " + target.Name + " unseen; lines starting with % are theirs. admin snoop off stops it.\n")
	}
}

// stopSnoop ends c's snooping, if any. Loop only.
func (w *World) stopSnoop(c *Character) {
	t := c.snooping
	if t == nil {
		return
	}
	c.snooping = nil
	t.snoopers = removeChar(t.snoopers, c)
	w.audit.Info("admin snoop off", "name", t.Name, "by", c.Name)
}

// endSnoops ends every snoop c takes part in, as c leaves. Loop only.
func (w *World) endSnoops(c *Character) {
	w.stopSnoop(c)
	for _, o := range c.snoopers {
		o.snooping = nil
		o.send("You stop watching " + c.Name + ": they have left.\n")
	}
	c.snoopers = nil
}

// removeChar returns list without c.
func removeChar(list []*Character, c *Character) []*Character {
	for i, o := range list {
		if o == c {
			return append(list[:i], list[i+1:]...)
		}
	}
	return list
}

// echoSnoop shows text, sent to c, to whoever snoops c, each line prefixed.
// It writes to their connections directly, so a snoop never chains.
func (c *Character) echoSnoop(text string) {
	text = strings.Trim(text, "\n")
	if text == "" {
		return
	}
	out := snoopPrefix + strings.ReplaceAll(text, "\n", "\n"+snoopPrefix) + "\n"
	for _, o := range c.snoopers {
		if o.sess != nil {
			o.sess.conn.Send(out)
		}
	}
}
