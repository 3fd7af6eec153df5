package admin

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"
)

// form is an action being prepared: first what the admin types (if the
// action asks for anything), then the confirmation.
type form struct {
	spec   spec
	target string // the selected session's name, for actions on a player
	input  []rune
	ready  *action // set once the input is accepted: awaiting y or n
	err    string  // why the last input was refused
}

// open starts preparing an action; one on a player needs a selected session.
func (m Model) open(sp spec) Model {
	f := &form{spec: sp}
	if sp.needsTarget {
		f.target = m.target()
		if f.target == "" {
			m.status, m.failed = "no session selected", true
			return m
		}
	}
	m.form, m.status, m.failed = f, "", false
	if sp.prompt == "" {
		m.form.accept()
	}
	return m
}

// accept builds the action from the input, or notes why it cannot.
func (f *form) accept() {
	a, err := f.spec.build(f.target, strings.TrimSpace(string(f.input)))
	if err != nil {
		f.err = err.Error()
		return
	}
	f.ready, f.err = &a, ""
}

// formKey handles a key while an action is being prepared: Esc cancels,
// Enter accepts the input, y runs a confirmed action, anything else
// refuses it.
func (m Model) formKey(k tea.KeyMsg) (tea.Model, tea.Cmd) {
	f := *m.form
	m.form = &f
	switch {
	case k.Type == tea.KeyEsc:
		m.form, m.status, m.failed = nil, "cancelled", false
	case f.ready != nil && (k.String() == "y" || k.String() == "Y"):
		a := *f.ready
		m.form, m.status, m.failed = nil, a.name+"…", false
		return m, m.run(a)
	case f.ready != nil:
		m.form, m.status, m.failed = nil, "cancelled", false
	case k.Type == tea.KeyEnter:
		f.accept()
	default:
		f.input = edit(append([]rune(nil), f.input...), k)
	}
	return m, nil
}

// name is what the form prepares, as the prompt shows it: "kick Alice".
func (f *form) name() string {
	if f.target == "" {
		return f.spec.title
	}
	return f.spec.title + " " + f.target
}
