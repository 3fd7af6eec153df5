package admin

import (
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"

	"mythosd/world"
)

// ticksLines is the ticks panel in rows lines of width cells: counts, the
// percentiles over the minute and the last ten ticks, lateness, the flux
// pass, and a graph of recent ticks in the lines left.
func (m Model) ticksLines(width, rows int) []string {
	s, r, f := m.snap.Ticks, m.snap.RecentTicks, m.snap.Flux
	over := count(s.OverBudget)
	if s.OverBudget > 0 {
		over = m.st.bad.Render(over)
	}
	lines := []string{
		m.st.title.Render("Ticks") + m.st.label.Render("  count ") + count(s.Count) +
			m.st.label.Render("  every ") + dur(m.snap.TickEvery) + m.st.label.Render("  over budget ") + over,
		m.st.colHead.Render(fit("", 9) + right("p50", 8) + right("p95", 8) + right("p99", 8) + right("max", 8)),
		m.tickRow("minute", s),
		m.tickRow("last 10", r),
		m.st.label.Render("last ") + dur(s.Last) + m.st.label.Render("  late ") + dur(s.LastLate) +
			m.st.label.Render("  max late ") + dur(s.MaxLate),
		m.st.label.Render("flux ") + dur(f.Last) + m.st.label.Render(" for ") + count(f.Characters) +
			m.st.label.Render(" chars, ") + count(f.Changed) + m.st.label.Render(" changed, pass ") + count(f.Passes),
	}
	if npcs, items := m.npcLine(), m.itemsLine(); lipgloss.Width(npcs+"  "+items) <= width {
		lines = append(lines, npcs+"  "+items)
	} else {
		lines = append(lines, npcs, items)
	}
	return append(lines, m.graphLines(width, max(rows-len(lines), 1))...)
}

// npcLine is the NPC figures: population, the events the last tick ran
// with the time they took, and the fights in progress.
func (m Model) npcLine() string {
	n, l := m.snap.NPCs, m.st.label.Render
	return l("npcs ") + count(n.Population) + l("  due/tick ") + count(n.Due) +
		l("  work ") + dur(n.Work) + l("  queued ") + count(n.Scheduled) + l("  fights ") + count(n.Fights)
}

// itemsLine is the item instances the world holds, with moves a second.
func (m Model) itemsLine() string {
	l := m.st.label.Render
	return l("items ") + count(m.snap.Items.Instances) + l("  moves/s ") + rate(m.hist.moveRate())
}

// tickRow is one line of the percentile table.
func (m Model) tickRow(label string, s world.TickStats) string {
	return m.st.label.Render(fit(label, 9)) + right(dur(s.P50), 8) + right(dur(s.P95), 8) +
		right(dur(s.P99), 8) + right(dur(s.Max), 8) + m.st.dim.Render(" ("+count(s.Window)+")")
}

// graphLines draws the slowest of the last ten ticks at each snapshot as
// bars rows lines high, the peak written after the top line.
func (m Model) graphLines(width, rows int) []string {
	const legend = 12
	bars, peak := barChart(m.snap.TickDurations, width-legend, rows)
	for i := range bars {
		bars[i] = m.st.graph.Render(bars[i])
	}
	bars[0] += m.st.label.Render(" peak ") + dur(peak)
	return bars
}

// cacheLines is the room cache panel, items in cols columns.
func (m Model) cacheLines(width, cols int) []string {
	c := m.snap.Cache
	return m.kvPanel("Room cache", []kv{
		{"rooms held", count(c.Rooms)}, {"hit rate", percent(c.HitRate())},
		{"hits", count(c.Hits)}, {"misses", count(c.Misses)},
		{"in flight", count(c.InFlight)}, {"load avg", dur(c.AvgLoad)},
		{"loads", count(c.Loads)}, {"load errors", m.alarm(c.LoadErrors)},
		{"expirations", count(c.Expirations)},
	}, width, cols)
}

// storeLines is the store writer panel, items in cols columns: its
// figures and its health (failing since when, with the last error, or
// saving; the last good commit).
func (m Model) storeLines(width, cols int) []string {
	w := m.snap.Store
	commits, rows := m.hist.rates()
	errs := m.alarm(w.Errors)
	if w.LastError != "" {
		errs += m.st.dim.Render(" " + w.LastError)
	}
	return m.kvPanel("Store writer", []kv{
		{"queue depth", count(w.QueueDepth)}, {"last commit", dur(w.LastCommit)},
		{"commits/s", rate(commits)}, {"rows/s", rate(rows)},
		{"commits", count(w.Commits)}, {"rows written", count(w.RowsWritten)},
		{"health", m.storeHealth(w.Failing, w.FailingSince)}, {"last good", clock(w.LastGood)},
		{"errors", errs},
	}, width, cols)
}

// storeHealth is "saving", or "failing since" in red.
func (m Model) storeHealth(failing bool, since time.Time) string {
	if failing {
		return m.st.bad.Render("failing since " + clock(since))
	}
	return m.st.good.Render("saving")
}

// clock shows a time of day, "never" for the zero time.
func clock(t time.Time) string {
	if t.IsZero() {
		return "never"
	}
	return t.Format("15:04:05")
}

// alarm shows a count that should stay zero, in red when it is not.
func (m Model) alarm(n uint64) string {
	if n > 0 {
		return m.st.bad.Render(count(n))
	}
	return count(n)
}

// kv is one labelled figure.
type kv struct{ label, value string }

// kvPanel lays figures out under a title in cols columns, each label on
// the left and value on the right of its column.
func (m Model) kvPanel(title string, items []kv, width, cols int) []string {
	lines := []string{m.st.title.Render(title)}
	colW := width / cols
	for i := 0; i < len(items); i += cols {
		var cells []string
		for _, it := range items[i:min(i+cols, len(items))] {
			val := right(it.value, colW-2-lipgloss.Width(it.label))
			cells = append(cells, m.st.label.Render(it.label)+val)
		}
		lines = append(lines, strings.Join(cells, "  "))
	}
	return lines
}
