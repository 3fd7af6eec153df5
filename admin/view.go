package admin

import (
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"

	"mythosd/world"
)

// roomy reports whether the terminal has room for framed panels side by
// side (e.g. 120x40); smaller ones (down to 80x24) get a compact layout.
func (m Model) roomy() bool { return m.width >= 110 && m.height >= 32 }

// View draws the console to exactly the terminal's size.
func (m Model) View() string {
	w, h := m.width, m.height
	header := m.header(w)
	top := m.panels(w)
	status := m.statusLines(w)
	footer := m.footer(w)
	used := 1 + lipgloss.Height(top) + len(status) + lipgloss.Height(footer)
	lines := append([]string{header, top}, status...)
	body := strings.Join(append(lines, m.table(w, h-used), footer), "\n")
	return m.cfg.Renderer.NewStyle().MaxWidth(w).MaxHeight(h).Render(body)
}

// statusLines are the one-line panels: chat bus, connections, bans,
// backups, reloads and staff. A compact console leaves out those with
// nothing to tell and, when more than compactStatus remain, sets them side
// by side in pairs (the last ones first), so that the sessions keep some
// rows on an 80x24 terminal.
func (m Model) statusLines(w int) []string {
	all := []struct {
		draw  func(int) string
		empty bool
	}{
		{m.busLine, m.snap.Bus == world.BusStats{}},
		{m.connsLine, m.cfg.Conns == nil},
		{m.bansLine, len(m.snap.Bans) == 0 && len(m.snap.Mutes) == 0},
		{m.backupLine, m.noBackups()},
		{m.reloadLine, m.noReloads()},
		{m.staffLine, len(m.snap.Staff) == 0},
	}
	var shown []func(int) string
	for _, l := range all {
		if !l.empty || m.roomy() {
			shown = append(shown, l.draw)
		}
	}
	singles := len(shown)
	if !m.roomy() && len(shown) > compactStatus {
		singles = 2*compactStatus - len(shown)
	}
	out := make([]string, 0, len(shown))
	for _, draw := range shown[:singles] {
		out = append(out, draw(w))
	}
	half := (w - 2) / 2
	for i := singles; i+1 < len(shown); i += 2 {
		out = append(out, shown[i](half)+"  "+shown[i+1](w-half-2))
	}
	return out
}

// compactStatus is how many lines a compact console gives its one-line
// panels at most.
const compactStatus = 3

// header is the top line: what this is, the snapshot's time, who is in.
func (m Model) header(w int) string {
	when := "waiting for the first snapshot"
	if !m.snap.At.IsZero() {
		when = m.snap.At.Format("2006-01-02 15:04:05")
	}
	text := " mythosd admin console  │  " + when + "  │  admin " + m.cfg.By
	return m.st.header.Render(fit(text, w))
}

// panels draws ticks, room cache and store: side by side in frames when
// roomy, else ticks above cache and store.
func (m Model) panels(w int) string {
	if m.roomy() {
		side := (w - 58) / 2
		const rows = 10
		return lipgloss.JoinHorizontal(lipgloss.Top,
			m.frame(m.ticksLines(58-4, rows), 58, rows),
			m.frame(m.cacheLines(side-4, 1), side, rows),
			m.frame(m.storeLines(w-58-side-4, 1), w-58-side, rows))
	}
	half := w / 2
	return strings.Join([]string{
		m.flat(m.ticksLines(w, 7), w),
		lipgloss.JoinHorizontal(lipgloss.Top,
			m.flat(m.cacheLines(half-2, 2), half),
			m.flat(m.storeLines(w-half, 2), w-half)),
	}, "\n")
}

// frame draws lines in a rounded frame width cells wide with rows lines
// inside.
func (m Model) frame(lines []string, width, rows int) string {
	return m.st.box.Width(width - 2).Height(rows).Render(strings.Join(fitAll(lines, width-4), "\n"))
}

// flat draws lines without a frame, each cut or padded to width.
func (m Model) flat(lines []string, width int) string {
	return strings.Join(fitAll(lines, width), "\n")
}

func fitAll(lines []string, width int) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = fit(l, width)
	}
	return out
}

// busLine shows the chat bus (NATS): its state and messages in and out, or
// that there is none (chat stays in the process).
func (m Model) busLine(w int) string {
	b := m.snap.Bus
	text := m.st.dim.Render("chat bus: not connected")
	if b != (world.BusStats{}) {
		state, server := m.st.good.Render("connected"), b.Server
		if !b.Connected {
			state = m.st.bad.Render("disconnected")
		}
		if b.Embedded {
			server += " (embedded)"
		}
		text = "NATS " + state + m.st.label.Render("  node ") + b.Node + m.st.label.Render("  server ") + server +
			m.st.label.Render("  in ") + count(b.In) + m.st.label.Render("  out ") + count(b.Out) +
			m.st.label.Render("  dropped ") + m.alarm(b.Dropped) + m.st.label.Render("  reconnects ") + count(b.Reconnects)
	}
	return fit(m.st.title.Render("Bus")+"  "+text, w)
}

// bansLine lists the banned addresses and the globally muted players, as
// many as fit: moderation in one panel.
func (m Model) bansLine(w int) string {
	bans := m.snap.Bans
	text := m.st.title.Render("Bans") + "  " + m.st.dim.Render("none")
	if len(bans) > 0 {
		parts := make([]string, len(bans))
		for i, b := range bans {
			parts[i] = b.Target + m.st.dim.Render(" "+untilText(b.Expires))
		}
		text = m.st.title.Render("Bans") + m.st.label.Render(" ("+count(len(bans))+")  ") + strings.Join(parts, "  ")
	}
	if mutes := m.snap.Mutes; len(mutes) > 0 {
		parts := make([]string, len(mutes))
		for i, mu := range mutes {
			parts[i] = mu.Name + m.st.dim.Render(" "+untilText(mu.Expires)+" by "+mu.By)
		}
		text += "  " + m.st.title.Render("Muted") + m.st.label.Render(" ("+count(len(mutes))+")  ") + strings.Join(parts, "  ")
	}
	return fit(text, w)
}

// untilText is when a ban or mute ends: "forever" or "until MM-DD HH:MM" (UTC).
func untilText(t time.Time) string {
	if t.IsZero() {
		return "forever"
	}
	return "until " + t.UTC().Format("01-02 15:04")
}

// footer is the action being prepared or the last status, then the keys:
// on one line when the terminal is wide enough, else on two.
func (m Model) footer(w int) string {
	keys := []string{keyLine}
	if lipgloss.Width(keyLine) > w {
		keys = []string{compactKeys1, compactKeys2}
	}
	lines := []string{fit(m.statusLine(), w)}
	for _, k := range keys {
		lines = append(lines, m.st.dim.Render(fit(k, w)))
	}
	return strings.Join(lines, "\n")
}

// keyLine lists every key of the console; compactKeys1 and compactKeys2
// are the same on two lines of at most 80 cells.
const keyLine = "↑↓ select  / filter  s sort  r reverse  k kick  t teleport  l lucidity  b broadcast  f freeze  " +
	"R role  a ban  u unban  B backup  W reload world  x shutdown  c cancel it  q quit"

const (
	compactKeys1 = "↑↓ select  / filter  s sort  r reverse  k kick  t teleport  l lucidity  q quit"
	compactKeys2 = "f freeze b broadcast R role a ban u unban B backup W reload x shutdown c cancel"
)

// statusLine is the prompt or question of the action being prepared, or
// the last status.
func (m Model) statusLine() string {
	f := m.form
	switch {
	case f != nil && f.ready != nil:
		return m.st.prompt.Render(f.ready.question + " [y/N]")
	case f != nil:
		line := m.st.prompt.Render(f.name()+" · "+f.spec.prompt+": ") + string(f.input) + "█"
		if f.err != "" {
			line += "  " + m.st.bad.Render(f.err)
		}
		return line
	case m.failed:
		return m.st.bad.Render(m.status)
	}
	return m.st.good.Render(m.status)
}
