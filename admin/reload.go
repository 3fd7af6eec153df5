package admin

import (
	"context"
	"errors"
	"fmt"
	"strings"
)

// errNoReload answers W when the console's actions cannot reload the world.
var errNoReload = errors.New("this console cannot reload the world")

// Reloader is what Actions also are when the console can reload the world
// (*world.World is one).
type Reloader interface {
	// StartReload reloads the server's world folder and returns once the
	// reload is under way; force drops builders' changes the folder would
	// undo. The snapshot tells how it ended.
	StartReload(ctx context.Context, force bool, by string) error
}

// reload is the action that reloads the world: Enter for a reload that
// refuses to undo builders' changes, "force" for one that does.
func reload(_, input string) (action, error) {
	input = strings.TrimSpace(input)
	if input != "" && input != "force" {
		return action{}, fmt.Errorf("%q: press Enter, or type force", input)
	}
	force := input == "force"
	question := "Reload the world from its folder, players staying connected?"
	if force {
		question = "Reload the world from its folder, undoing builders' changes since the last import?"
	}
	return action{
		name: "reload world", question: question, done: "world reload started", args: []any{"force", force},
		run: func(ctx context.Context, a Actions, by string) error {
			r, ok := a.(Reloader)
			if !ok {
				return errNoReload
			}
			return r.StartReload(ctx, force, by)
		},
	}, nil
}

// reloadLine shows the last world reload (when, who, from where, what it
// did, or why it was refused) and whether one runs now.
func (m Model) reloadLine(w int) string {
	r := m.snap.Reload
	text := m.st.dim.Render("none since the start")
	if last := r.Last; !last.At.IsZero() {
		when := m.st.label.Render(" at ") + last.At.Local().Format("2006-01-02 15:04:05") + m.st.label.Render(" by ") + last.By
		if last.OK {
			text = m.st.good.Render("ok") + when + m.st.label.Render("  from ") + last.Source +
				m.st.label.Render("  rooms ") + count(last.Rooms) + m.st.label.Render(" (+") + count(last.Added) +
				m.st.label.Render(" ~") + count(last.Updated) + m.st.label.Render(" -") + count(last.Removed) +
				m.st.label.Render(")  moved ") + count(last.CharsMoved) + m.st.label.Render(" chars ") +
				count(last.ItemsMoved) + m.st.label.Render(" items")
		} else {
			text = m.st.bad.Render("refused") + when + "  " + m.st.bad.Render(last.Err)
		}
	}
	if r.Running {
		text += "  " + m.st.prompt.Render("running now")
	}
	return fit(m.st.title.Render("Reload")+"  "+text, w)
}

// noReloads reports whether no reload ran or runs since the start.
func (m Model) noReloads() bool {
	r := m.snap.Reload
	return r.Last.At.IsZero() && !r.Running
}
