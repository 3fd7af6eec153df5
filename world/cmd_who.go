package world

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"
)

// whoWait bounds how long `who` waits for the other nodes.
const whoWait = 300 * time.Millisecond

// cmdWho lists the characters in the waking world: on every node when the
// bus is up (gathered off the loop), else on this node.
func (w *World) cmdWho(c *Character, _ string) {
	if !w.busUp() {
		c.send(w.whoText([]whoAnswer{w.whoHere()}))
		return
	}
	want := w.nodesSeen
	w.async(c, whoWait, func(ctx context.Context) func() {
		raw, _ := w.cfg.Bus.Gather(ctx, SubjectWho, nil, whoWait, want)
		answers := decodeWho(raw)
		return func() {
			w.nodesSeen = len(answers)
			c.send(w.whoText(withHere(answers, w.whoHere())))
		}
	})
}

// decodeWho reads the nodes' answers, skipping what cannot be read.
func decodeWho(raw [][]byte) []whoAnswer {
	out := make([]whoAnswer, 0, len(raw))
	for _, r := range raw {
		var a whoAnswer
		if json.Unmarshal(r, &a) == nil {
			out = append(out, a)
		}
	}
	return out
}

// withHere puts this node's own, current list in place of its answer.
func withHere(answers []whoAnswer, here whoAnswer) []whoAnswer {
	out := []whoAnswer{here}
	for _, a := range answers {
		if a.Node != here.Node {
			out = append(out, a)
		}
	}
	return out
}

// whoHere is this node's own list, from the loop's state.
func (w *World) whoHere() whoAnswer {
	now := w.cfg.Clock.Now()
	a := whoAnswer{Node: w.node()}
	for _, o := range w.chars {
		if !o.online() {
			continue
		}
		area := ""
		if p := w.places[o.RoomID]; p != nil && p.room != nil {
			area = p.room.Area
		}
		a.Players = append(a.Players, whoEntry{Name: o.Name, Area: area, Idle: int64(now.Sub(o.LastActive) / time.Second)})
	}
	return a
}

// whoText formats the players of every node, marking those of other nodes.
func (w *World) whoText(answers []whoAnswer) string {
	type row struct{ name, area, node string }
	var rows []row
	for _, a := range answers {
		for _, p := range a.Players {
			r := row{name: p.Name, area: p.Area}
			if a.Node != w.node() {
				r.node = "[" + a.Node + "] "
			}
			r.area += " " + idleText(time.Duration(p.Idle)*time.Second)
			rows = append(rows, r)
		}
	}
	slices.SortFunc(rows, func(a, b row) int { return strings.Compare(a.name, b.name) })
	var b strings.Builder
	fmt.Fprintf(&b, "Wanderers of the waking world (%d):\n", len(rows))
	for _, r := range rows {
		fmt.Fprintf(&b, "  %-20s %s%s\n", r.name, r.node, strings.TrimSpace(r.area))
	}
	return b.String()
}
