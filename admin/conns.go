package admin

import (
	"strconv"

	"mythosd/world/netcore"
)

// connsLine shows the admission figures of the players' listeners: open
// connections (logging in, in the world), refusals by reason and the ends
// an operator watches for.
func (m Model) connsLine(w int) string {
	title := m.st.title.Render("Conns") + "  "
	if m.cfg.Conns == nil {
		return fit(title+m.st.dim.Render("no player listeners"), w)
	}
	st := m.cfg.Conns()
	l := m.st.label.Render
	n := func(v int) string { return strconv.Itoa(v) }
	text := l("open ") + n(st.Open) + l("  logging in ") + n(st.LoggingIn) + l("  in world ") + n(st.LoggedIn) +
		l("  accepted ") + count(uint64(st.Accepted)) + l("  refused")
	for _, r := range netcore.Reasons() {
		text += l(" "+r.String()+" ") + count(uint64(st.Refused[r]))
	}
	text += l("  ended")
	for _, c := range []netcore.Cause{netcore.CauseLoginGrace, netcore.CauseLoginFailed, netcore.CauseDisplaced, netcore.CauseSlowClient} {
		text += l(" "+c.String()+" ") + m.alarm(uint64(st.Ended[c]))
	}
	return fit(title+text, w)
}
