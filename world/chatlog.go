package world

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"mythosd/store"
)

// Bounds of admin chatlog: the hours looked back by default and at most.
const (
	chatlogDefaultHours = 24
	chatlogMaxHours     = 24 * 366
)

// recordChat notes a line c said for the chat log; it leaves with the next
// hand-off. Loop only.
func (w *World) recordChat(c *Character, m chatMsg) {
	ch := m.Ch
	if m.To != "" {
		ch += " to " + m.To
	}
	w.chatLines = append(w.chatLines, store.ChatLine{At: w.cfg.Clock.Now(), Who: c.Name, Channel: ch,
		Text: m.Text, Room: c.RoomID})
}

// adminChatlog shows what name said in the last hours (default a day),
// read off the loop.
func (w *World) adminChatlog(c *Character, args string) {
	fields := strings.Fields(args)
	if len(fields) < 1 || len(fields) > 2 {
		c.send("Usage: admin chatlog <name> [hours]\n")
		return
	}
	hours := chatlogDefaultHours
	if len(fields) == 2 {
		n, err := strconv.Atoi(fields[1])
		if err != nil || n < 1 || n > chatlogMaxHours {
			c.send(fmt.Sprintf("Hours is a whole number from 1 to %d.\n", chatlogMaxHours))
			return
		}
		hours = n
	}
	name, st := fields[0], w.cfg.Store
	since := w.cfg.Clock.Now().Add(-time.Duration(hours) * time.Hour)
	w.async(c, storeTimeout, func(ctx context.Context) func() {
		lines, err := st.ChatLog(ctx, name, since)
		return func() {
			if err != nil {
				w.log.Error("read chat log", "name", name, "err", err)
				c.send(storeTroubleText)
				return
			}
			c.send(chatlogText(name, hours, lines))
		}
	})
}

// chatlogText lists chat lines, one a line, after a heading.
func chatlogText(name string, hours int, lines []store.ChatLine) string {
	if len(lines) == 0 {
		return fmt.Sprintf("Nothing said by %s in the last %d hours is on record.\n", name, hours)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "What %s said in the last %d hours (%d lines):\n", name, hours, len(lines))
	for _, l := range lines {
		where := l.Channel
		if l.Room != "" {
			where += " in " + l.Room
		}
		fmt.Fprintf(&b, "  %s [%s] %s\n", l.At.UTC().Format("2006-01-02 15:04"), where, l.Text)
	}
	return b.String()
}
