package admin

import (
	"slices"

	tea "github.com/charmbracelet/bubbletea"

	"mythosd/world"
)

// maxInput caps what may be typed into a prompt or the filter, in runes.
const maxInput = 300

// key handles a key press in whatever mode the console is in. Runes typed
// faster than the terminal is read arrive together; each is its own key.
// Pasted text only goes into a prompt or the filter: it never acts.
func (m Model) key(k tea.KeyMsg) (tea.Model, tea.Cmd) {
	typing := m.filtOn || (m.form != nil && m.form.ready == nil)
	switch {
	case k.Paste && !typing:
		return m, nil
	case k.Type == tea.KeyRunes && len(k.Runes) > 1 && !typing:
		return m.keys(k)
	case k.Type == tea.KeyCtrlC:
		return m, tea.Quit
	case m.form != nil:
		return m.formKey(k)
	case m.filtOn:
		return m.filterKey(k), nil
	}
	return m.browseKey(k)
}

// keys handles the runes of k one at a time.
func (m Model) keys(k tea.KeyMsg) (tea.Model, tea.Cmd) {
	var cmds []tea.Cmd
	for _, r := range k.Runes {
		next, cmd := m.key(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: k.Alt})
		m, cmds = next.(Model), append(cmds, cmd)
	}
	return m, tea.Batch(cmds...)
}

// browseKey handles a key while no prompt is open.
func (m Model) browseKey(k tea.KeyMsg) (tea.Model, tea.Cmd) {
	switch k.String() {
	case "q":
		return m, tea.Quit
	case "up":
		m.move(-1)
	case "down":
		m.move(1)
	case "pgup":
		m.move(-10)
	case "pgdown":
		m.move(10)
	case "home":
		m.move(-1 << 20)
	case "end":
		m.move(1 << 20)
	case "/":
		m.filtOn = true
	case "esc":
		m.sessions.filter = ""
	case "s":
		m.sessions.key = (m.sessions.key + 1) % sortKeys
	case "r":
		m.sessions.desc = !m.sessions.desc
	default:
		if sp, ok := specFor(k.String()); ok {
			return m.open(sp), nil
		}
	}
	return m, nil
}

// filterKey edits the session filter; Enter keeps it, Esc clears it.
func (m Model) filterKey(k tea.KeyMsg) Model {
	switch k.Type {
	case tea.KeyEnter:
		m.filtOn = false
	case tea.KeyEsc:
		m.filtOn, m.sessions.filter = false, ""
	default:
		m.sessions.filter = string(edit([]rune(m.sessions.filter), k))
	}
	return m
}

// edit applies a key to a line being typed: runes and spaces add,
// Backspace removes the last rune, Ctrl-U clears.
func edit(line []rune, k tea.KeyMsg) []rune {
	switch k.Type {
	case tea.KeyRunes, tea.KeySpace:
		for _, r := range k.Runes {
			if len(line) < maxInput && r >= ' ' && r != 0x7f {
				line = append(line, r)
			}
		}
	case tea.KeyBackspace:
		if len(line) > 0 {
			line = line[:len(line)-1]
		}
	case tea.KeyCtrlU:
		line = line[:0]
	}
	return line
}

// shown returns the sessions as the table shows them: filtered and sorted.
func (m Model) shown() []world.SessionInfo {
	return m.sessions.apply(m.snap.Sessions)
}

// cursor is the index of the selected session among those shown: the
// first when the selected one is gone; -1 when none is shown.
func (m Model) cursor(list []world.SessionInfo) int {
	if len(list) == 0 {
		return -1
	}
	return max(slices.IndexFunc(list, func(s world.SessionInfo) bool { return s.Name == m.selected }), 0)
}

// target is the name of the selected session, "" when none is shown.
func (m Model) target() string {
	list := m.shown()
	if i := m.cursor(list); i >= 0 {
		return list[i].Name
	}
	return ""
}

// move moves the selection by delta rows, within the table.
func (m *Model) move(delta int) {
	list := m.shown()
	if len(list) == 0 {
		return
	}
	i := min(max(m.cursor(list)+delta, 0), len(list)-1)
	m.selected = list[i].Name
}
