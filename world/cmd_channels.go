package world

import (
	"fmt"
	"strings"
)

// channelNames lists the channels a player can turn off.
func channelNames() []string {
	return []string{chSay, chEmote, chPose, chLocal, chGlobal, chWhisper}
}

// channelOffKey is the fact that says a channel is off for a character.
func channelOffKey(ch string) string { return "channel_off." + ch }

// cmdChannels lists the channels, or turns one off or on.
func (w *World) cmdChannels(c *Character, args string) {
	fields := strings.Fields(strings.ToLower(args))
	if len(fields) == 0 {
		var b strings.Builder
		for _, ch := range channelNames() {
			state := "on"
			if c.fact(channelOffKey(ch)) != 0 {
				state = "off"
			}
			fmt.Fprintf(&b, "  %-8s %s\n", ch, state)
		}
		b.WriteString("  system   on (always)\n")
		c.send("Channels:\n" + b.String())
		return
	}
	if len(fields) != 2 || (fields[0] != "on" && fields[0] != "off") || !isChannel(fields[1]) {
		c.send("Usage: channels [on|off <channel>]; channels: " + strings.Join(channelNames(), ", ") + "\n")
		return
	}
	off := int64(0)
	if fields[0] == "off" {
		off = 1
	}
	w.setFact(c, channelOffKey(fields[1]), off)
	c.send("Channel " + fields[1] + " is now " + fields[0] + ".\n")
}

func isChannel(name string) bool {
	for _, ch := range channelNames() {
		if ch == name {
			return true
		}
	}
	return false
}
