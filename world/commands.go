package world

import (
	"strings"

	"mythosd/store"
	"mythosd/world/lucidity"
)

// command is one thing a player can type.
type command struct {
	name    string
	aliases []string
	summary string // one line for the help list
	run     func(w *World, c *Character, args string)
	exact   bool   // only the full name or an alias calls it, never a prefix
	topic   string // the help topic that tells of it, when not its name
	// needs is the role a character must have to see the command at all
	// ("" for everyone): it is never offered as a guess to anyone else.
	needs store.Role
	// edits marks a builder's command that changes the world: refused
	// while a world reload runs, whose import it could overwrite.
	edits bool
}

// words returns the command's name and its aliases.
func (cmd *command) words() []string { return append([]string{cmd.name}, cmd.aliases...) }

// commandTable finds commands by name, explicit short form (alias) or a
// prefix that only one command's name starts with. The order of the list
// decides nothing but the order of the help list: a prefix shared by two
// commands is ambiguous unless one of them claims it as an alias, so that
// adding a command never silently changes what an old short form does.
type commandTable struct {
	list   []*command
	byWord map[string]*command
}

func newCommandTable() commandTable {
	t := commandTable{byWord: make(map[string]*command)}
	for _, cmd := range allCommands() {
		t.list = append(t.list, cmd)
		for _, word := range cmd.words() { // words claimed twice: TestCommandWordsAreUnique
			t.byWord[word] = cmd
		}
	}
	return t
}

// allCommands lists every command: each command file registers its group
// (a func in that file returning its commands), in the order help lists
// them. Which command a word calls does not depend on this order.
func allCommands() []*command {
	groups := []func() []*command{
		lookCommands, moveCommands, sayCommands, infoCommands, configCommands, passwordCommands, accountCommands, adminCommands,
		lucidityCommands, chatCommands, muteCommands, ritualCommands, keyCommands, itemCommands,
		combatCommands, vitalsCommands, shopCommands, undoCommands, buildCommands, protoCommands, npcCommands,
		placeCommands, directionCommands,
	}
	var cmds []*command
	for _, group := range groups {
		cmds = append(cmds, group()...)
	}
	return cmds
}

// adminCommands is the admin command, which only builders and admins see.
func adminCommands() []*command {
	return []*command{{name: "admin", run: (*World).cmdAdmin, exact: true, needs: store.RoleBuilder}}
}

// mayUse reports whether c may use cmd: staff commands do not exist to
// anyone else.
func (c *Character) mayUse(cmd *command) bool { return cmd.needs == "" || c.may(cmd.needs) }

// find returns the command a word calls, or nil.
func (t commandTable) find(word string) *command {
	cmd, _ := t.lookup(word)
	return cmd
}

// lookup returns the command a word calls; when it calls none, the
// commands it is a prefix of (more than one: ambiguous).
func (t commandTable) lookup(word string) (*command, []string) { return t.lookupAs(word, nil) }

// lookupAs is lookup among the commands c may use (all when c is nil): to
// a player, "medit" is a prefix of meditate, as if the builders' command
// did not exist.
func (t commandTable) lookupAs(word string, c *Character) (*command, []string) {
	ok := func(cmd *command) bool { return c == nil || c.mayUse(cmd) }
	if cmd := t.byWord[word]; cmd != nil && ok(cmd) {
		return cmd, nil
	}
	if word == "" {
		return nil, nil
	}
	var found *command
	var names []string
	for _, cmd := range t.list {
		if !cmd.exact && ok(cmd) && strings.HasPrefix(cmd.name, word) {
			found = cmd
			names = append(names, cmd.name)
		}
	}
	if len(names) == 1 {
		return found, nil
	}
	return nil, names
}

// isWord reports whether word is a command's name or alias.
func (t commandTable) isWord(word string) bool { return t.byWord[word] != nil }

// dispatch runs one line typed by c's player.
func (w *World) dispatch(c *Character, line string) {
	w.touch(c, w.cfg.Clock.Now())
	w.markDirty(c)
	word, args := splitCommand(line)
	if word == "" {
		return
	}
	cmd, ambiguous := w.cmds.lookupAs(word, c)
	if len(ambiguous) > 1 {
		c.send("\"" + word + "\" could mean " + joinOr(ambiguous) + ". Type more of it.\n")
		return
	}
	if cmd == nil || (cmd.needs != "" && !c.may(cmd.needs)) { // staff commands do not exist for others
		c.send(w.unknown(c, word))
		return
	}
	if cmd.edits && w.reload.Running {
		c.send(reloadBusyText)
		return
	}
	fx := w.rules.EffectsOf(c.Lucidity)
	switch {
	case alwaysAllowed(cmd):
	case c.frozen:
		c.send(frozenText)
		return
	case c.limbo:
		c.send("You drift in limbo, without a body to move. Only \"quit\" and \"help\" reach you now.\n")
		return
	case c.mortal() && cmd.name != "say":
		c.send("You are mortally wounded. Only \"help\", \"quit\" and \"say\" reach you now.\n")
		return
	case fx.Stupor:
		c.send("You cannot make your body answer. Only \"quit\" and \"help\" reach you now.\n")
		return
	case lucidity.Roll(w.rng, fx.Misfire):
		w.misfire(c, cmd)
		return
	}
	cmd.run(w, c, args)
}

// alwaysAllowed reports whether a command works in any state of mind.
func alwaysAllowed(cmd *command) bool { return cmd.name == "quit" || cmd.name == "help" }

// misfire does something other than what c meant: a walk goes a random
// way, anything else slips away.
func (w *World) misfire(c *Character, cmd *command) {
	if _, isDir := parseDirection(cmd.name); !isDir && cmd.name != "go" {
		c.send("You reach for the thought, but it skitters away like a beetle. Nothing happens.\n")
		return
	}
	w.withRoom(c, c.RoomID, func(r *Room, err error) {
		var exits []string
		for i := 0; err == nil && i < len(r.Exits); i++ {
			if e := r.Exits[i]; !e.Has(store.ExitLocked) {
				exits = append(exits, e.Direction)
			}
		}
		if len(exits) == 0 {
			c.send("Your feet will not obey you.\n")
			return
		}
		dir := exits[w.rng.IntN(len(exits))]
		c.send("Your feet carry you " + departureTo(dir) + " instead, without asking you.\n")
		w.move(c, dir)
	})
}

// splitCommand splits a line into its lower-case command word and the rest.
// A leading ' or : stands for say or emote, as in most MUDs.
func splitCommand(line string) (string, string) {
	line = strings.TrimSpace(line)
	if line == "" {
		return "", ""
	}
	if line[0] == '\'' || line[0] == ':' {
		return line[:1], strings.TrimSpace(line[1:])
	}
	word, args, _ := strings.Cut(line, " ")
	return strings.ToLower(word), strings.TrimSpace(args)
}

// unknown answers a word that is no command, suggesting the nearest one.
// Commands for staff are never suggested to anyone else: to them they do
// not exist.
func (w *World) unknown(c *Character, word string) string {
	msg := "You grope for the meaning of \"" + word + "\", but it slips away. Type \"help\" for the commands."
	best, bestDist := "", 3
	for _, cmd := range w.cmds.list {
		if cmd.needs != "" && !c.may(cmd.needs) {
			continue
		}
		if d := editDistance(word, cmd.name); d < bestDist {
			best, bestDist = cmd.name, d
		}
	}
	if best != "" {
		msg += " Did you mean \"" + best + "\"?"
	}
	return msg + "\n"
}

// joinOr joins words as "a, b or c".
func joinOr(words []string) string {
	if len(words) <= 1 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

// editDistance is the Levenshtein distance between two short words.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
