package world

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"mythosd/store"
	"mythosd/world/netcore"
)

// idleText describes how long someone has been idle, "" when active.
func idleText(d time.Duration) string {
	if d < time.Minute {
		return ""
	}
	return fmt.Sprintf("(idle %dm)", int(d.Minutes()))
}

// infoCommands are who, status, help and quit.
func infoCommands() []*command {
	return []*command{
		{name: "who", summary: "who walks the waking world", run: (*World).cmdWho},
		{name: "status", aliases: []string{"score", "st", "sta"}, summary: "your name, place, lucidity, DP, level, attributes and money", run: (*World).cmdStatus},
		{name: "help", aliases: []string{"?"}, summary: "this list, or help <topic>", run: (*World).cmdHelp},
		{name: "quit", summary: "leave the game (you are saved)", run: (*World).cmdQuit, exact: true},
	}
}

// cmdStatus shows the character's name, room, lucidity and tier.
func (w *World) cmdStatus(c *Character, _ string) {
	w.withRoom(c, c.RoomID, func(r *Room, err error) {
		place := c.RoomID
		if err == nil {
			place = r.Name
			if r.Area != "" {
				place += " (" + r.Area + ")"
			}
		}
		c.send(fmt.Sprintf("Name:      %s\nRoom:      %s\n%sDP:        %d of %d\nLevel:     %d (%d XP)\nExplored:  %d rooms\n%s",
			c.Name, place, w.lucidityStatus(c), c.dp, c.maxDP(), level(c.xp), c.xp, len(c.visited), itemStatus(c)))
	})
}

// cmdHelp lists the commands, or shows a help topic.
func (w *World) cmdHelp(c *Character, args string) {
	topic := strings.ToLower(strings.TrimSpace(args))
	if topic == "" {
		c.send(w.helpList(c.may(store.RoleBuilder)))
		return
	}
	if w.staffTopic(topic) && !c.may(store.RoleBuilder) { // no such topic to a player
		c.send(noHelp(args))
		return
	}
	cmd := w.cmds.find(topic)
	if cmd != nil && !w.help.has(topic) {
		topic = cmd.name
		if cmd.topic != "" && !w.help.has(topic) {
			topic = cmd.topic
		}
	}
	if _, isDir := parseDirection(topic); isDir {
		topic = "directions"
	}
	switch text, ok := w.help.topic(topic); {
	case ok:
		c.send(text)
	case cmd != nil && cmd.summary != "":
		c.send(cmd.name + ": " + cmd.summary + "\n")
	default:
		c.send(noHelp(args))
	}
}

// noHelp answers a help topic that does not exist.
func noHelp(topic string) string {
	return "There is no help on \"" + topic + "\". Type \"help\" for the list.\n"
}

// helpList is the list of commands and topics.
func (w *World) helpList(admin bool) string {
	var b strings.Builder
	if w.help.index != "" {
		b.WriteString(w.help.index)
	}
	b.WriteString("Commands:\n")
	for _, cmd := range w.cmds.list {
		if cmd.summary != "" && (cmd.needs == "" || admin) {
			fmt.Fprintf(&b, "  %-8s %s\n", cmd.name, cmd.summary)
		}
	}
	b.WriteString("  Directions: north south east west northeast northwest southeast southwest up down\n")
	b.WriteString("              (or n s e w ne nw se sw u d)\n")
	topics := w.help.topics()
	if !admin {
		topics = slices.DeleteFunc(topics, w.staffTopic)
	}
	if len(topics) > 0 {
		b.WriteString(wrap("Topics: "+strings.Join(topics, ", "), defaultWidth) + "\n")
	}
	return b.String()
}

// adminTopic is the help topic only builders and admins see.
const adminTopic = "admin"

// staffTopic reports whether topic is for builders and admins only: the
// admin topic, or a staff command's.
func (w *World) staffTopic(topic string) bool {
	cmd := w.cmds.byWord[topic]
	return topic == adminTopic || (cmd != nil && cmd.needs != "")
}

// cmdQuit saves the character and ends the session.
func (w *World) cmdQuit(c *Character, _ string) {
	s := c.sess
	w.leave(s, "You close your eyes, and Arkham lets you go. Until next time.\n")
	s.conn.Close(netcore.CauseQuit)
}
