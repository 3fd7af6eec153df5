package world

import (
	"strings"
	"time"

	"mythosd/store"
)

// maxUndo is how many of a builder's changes undo can take back.
const maxUndo = 20

// buildEdit is one change a builder made to the world, which undo can take
// back.
type buildEdit struct {
	// what names the change as the builder is told when it is undone:
	// "dig north to The Attic".
	what string
	// undo runs on the loop: it restores what the change replaced, in the
	// live world and through the write-behind batch. An error says why it
	// cannot (someone changed the thing since, say), and nothing changes.
	undo func() error
}

// buildEdits are the builders' changes that undo can take back, newest
// last, by character id. Loop-owned.
type buildEdits struct {
	byChar   map[int64][]buildEdit
	editedAt time.Time // the last change since the hand-off; zero when none
}

// recordEdit notes a change c made to the world: it is logged with who made
// it, undo can take it back, and the store learns that its world has
// changes no world folder holds yet (store.MetaWorldEdited). Loop only.
func (w *World) recordEdit(c *Character, what string, undo func() error) {
	if w.edits.byChar == nil {
		w.edits.byChar = make(map[int64][]buildEdit)
	}
	stack := append(w.edits.byChar[c.ID], buildEdit{what: what, undo: undo})
	if len(stack) > maxUndo {
		stack = stack[len(stack)-maxUndo:]
	}
	w.edits.byChar[c.ID] = stack
	w.edits.editedAt = w.cfg.Clock.Now()
	w.audit.Info("build", "change", what, "by", c.Name)
}

// undoCommands is the undo command, which only builders and admins see.
func undoCommands() []*command {
	return []*command{{name: "undo", summary: "take back your last change to the world (up to 20)",
		run: (*World).cmdUndo, exact: true, needs: store.RoleBuilder, edits: true}}
}

// cmdUndo takes back c's last change to the world.
func (w *World) cmdUndo(c *Character, args string) {
	if strings.TrimSpace(args) != "" {
		c.send("Type undo alone; it takes back your last change to the world.\n")
		return
	}
	stack := w.edits.byChar[c.ID]
	if len(stack) == 0 {
		c.send("You have changed nothing that undo can take back.\n")
		return
	}
	last := stack[len(stack)-1]
	if err := last.undo(); err != nil {
		c.send("You cannot undo " + last.what + ": " + err.Error() + ".\n")
		return
	}
	w.edits.byChar[c.ID] = stack[:len(stack)-1]
	w.edits.editedAt = w.cfg.Clock.Now()
	w.audit.Info("build undo", "change", last.what, "by", c.Name)
	c.send("Undone: " + last.what + ".\n")
}

// takeEditedAt returns the time of the last change since the previous
// hand-off, if any, for the batch's meta, and forgets it.
func (w *World) takeEditedAt() (time.Time, bool) {
	at := w.edits.editedAt
	w.edits.editedAt = time.Time{}
	return at, !at.IsZero()
}
