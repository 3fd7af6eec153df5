package admin

import (
	"strconv"
	"strings"

	"mythosd/world"
)

// column is one column of the session table.
type column struct {
	head  string
	width int // 0: takes the width left over
	right bool
	cell  func(world.SessionInfo) string
}

// minRoomWidth is the narrowest the room column gets before other columns
// are dropped.
const minRoomWidth = 14

// columns are the session table's columns, most important first; the last
// ones are dropped when the terminal is narrow.
func columns() []column {
	return []column{
		{head: "NAME", width: 14, cell: func(s world.SessionInfo) string { return s.Name }},
		{head: "ROOM", cell: roomOf},
		{head: "LCD", width: 4, right: true, cell: func(s world.SessionInfo) string { return strconv.Itoa(s.Lucidity) }},
		{head: "TIER", width: 9, cell: func(s world.SessionInfo) string { return s.Tier }},
		{head: "IDLE", width: 6, right: true, cell: func(s world.SessionInfo) string { return idle(s.Idle) }},
		{head: "TRANSPORT", width: 10, cell: func(s world.SessionInfo) string { return s.Transport }},
		{head: "CLIENT", width: 14, cell: func(s world.SessionInfo) string { return s.Client }},
		{head: "ADDRESS", width: 21, cell: func(s world.SessionInfo) string { return s.Addr }},
	}
}

// layout picks the columns that fit in width, with the room column taking
// what is left.
func layout(width int) []column {
	cols := columns()
	for len(cols) > 2 && fixedWidth(cols)+minRoomWidth > width {
		cols = cols[:len(cols)-1]
	}
	for i := range cols {
		if cols[i].width == 0 {
			cols[i].width = max(width-fixedWidth(cols), 1)
		}
	}
	return cols
}

// fixedWidth is what the columns of set width take, with the selection
// marker and a space after each column.
func fixedWidth(cols []column) int {
	n := 2
	for _, c := range cols {
		n += c.width + 1
	}
	return n
}

// table draws the session table in height lines: a title, the column
// heads, and the rows that fit, scrolled to keep the selection in sight.
func (m Model) table(width, height int) string {
	list := m.shown()
	lines := []string{m.tableTitle(width, len(list))}
	cols := layout(width)
	lines = append(lines, m.st.colHead.Render(fit(row(cols, "  ", func(c column) string { return c.head }, nil), width)))
	rows := height - len(lines)
	cur := m.cursor(list)
	from := max(cur-rows+1, 0)
	for i := from; i < min(len(list), from+rows); i++ {
		lines = append(lines, m.sessionRow(cols, list[i], i == cur, width))
	}
	if len(list) == 0 {
		lines = append(lines, m.st.dim.Render(m.emptyText()))
	}
	for len(lines) < height {
		lines = append(lines, "")
	}
	return strings.Join(lines[:max(height, 0)], "\n")
}

// tableTitle counts the sessions and shows the sort and the filter.
func (m Model) tableTitle(width, shown int) string {
	arrow := "↑"
	if m.sessions.desc {
		arrow = "↓"
	}
	filter := m.sessions.filter
	if m.filtOn {
		filter += "█"
	}
	if filter == "" {
		filter = m.st.dim.Render("none")
	}
	return fit(m.st.title.Render("Sessions")+"  "+strconv.Itoa(shown)+" of "+strconv.Itoa(len(m.snap.Sessions))+
		m.st.label.Render("  sort ")+m.sessions.key.String()+" "+arrow+m.st.label.Render("  filter ")+filter, width)
}

// emptyText says why the table has no rows.
func (m Model) emptyText() string {
	if len(m.snap.Sessions) == 0 {
		return "  no one is playing"
	}
	return "  no session matches the filter"
}

// sessionRow draws one session, marked and highlighted when selected, its
// tier coloured otherwise.
func (m Model) sessionRow(cols []column, s world.SessionInfo, selected bool, width int) string {
	cell := func(c column) string { return c.cell(s) }
	if selected {
		return m.st.selected.Render(fit(row(cols, "▸ ", cell, nil), width))
	}
	paint := func(c column, text string) string {
		if c.head == "TIER" {
			return m.st.tiers[s.Tier].Render(text)
		}
		return text
	}
	return fit(row(cols, "  ", cell, paint), width)
}

// row lays out one line of the table: marker, then each column's text
// from cell, fitted, then painted when paint is set.
func row(cols []column, marker string, cell func(column) string, paint func(column, string) string) string {
	var b strings.Builder
	b.WriteString(marker)
	for _, c := range cols {
		text := cell(c)
		if c.right {
			text = right(text, c.width)
		}
		text = fit(text, c.width)
		if paint != nil {
			text = paint(c, text)
		}
		b.WriteString(text + " ")
	}
	return b.String()
}
