package world

import (
	"time"

	"mythosd/world/lucidity"
)

// companyCount is who, among the active characters of a room, is steady
// (lucid or uneasy) and who is troubled (deranged or catatonic).
type companyCount struct{ steady, troubled int }

// count returns the steady and troubled active characters of p.
func (w *World) count(p *place, now int64) companyCount {
	var n companyCount
	for _, c := range p.chars {
		if !w.active(c, now) {
			continue
		}
		switch c.Tier() {
		case lucidity.Lucid, lucidity.Uneasy:
			n.steady++
		case lucidity.Deranged, lucidity.Catatonic:
			n.troubled++
		}
	}
	return n
}

// without returns the count as seen by c: everyone but c.
func (n companyCount) without(c *Character) companyCount {
	switch c.Tier() {
	case lucidity.Lucid, lucidity.Uneasy:
		n.steady--
	case lucidity.Deranged, lucidity.Catatonic:
		n.troubled--
	}
	return n
}

// active reports whether c takes part in passive flux: online, with a
// command within the last ActiveWithin or created within NewFor.
func (w *World) active(c *Character, now int64) bool {
	return c.sess != nil && now < c.activeUntil
}

// touch records that c acted at now, which keeps c active in passive flux.
func (w *World) touch(c *Character, now time.Time) {
	c.LastActive = now
	c.activeUntil = max(now.Add(w.rules.ActiveWithin).UnixNano(), c.CreatedAt.Add(w.rules.NewFor).UnixNano())
}

// fluxPass is one passive-flux evaluation of every active character. The
// room's base rate comes from the room the place holds (from the room
// cache); the pass does no I/O, and its changes leave with the tick's
// hand-off, in one batch. Loop only.
func (w *World) fluxPass(now time.Time) {
	start := w.cfg.Clock.Now()
	day := isDay(w.clock.at(now))
	nowNs := now.UnixNano()
	evaluated, changed := 0, 0
	for _, p := range w.places {
		if p.room == nil {
			continue
		}
		rates := w.rules.BaseRates(p.room.Flux)
		base := rates.Night
		if day {
			base = rates.Day
		}
		company := w.count(p, nowNs)
		for _, c := range p.chars {
			if !w.active(c, nowNs) {
				continue
			}
			evaluated++
			if w.evaluate(c, base, company.without(c)) {
				changed++
			}
		}
	}
	w.flux = FluxStats{Passes: w.flux.Passes + 1, Last: w.cfg.Clock.Now().Sub(start), Characters: evaluated, Changed: changed}
}

// evaluate applies one flux evaluation to c and reports whether its
// lucidity changed.
func (w *World) evaluate(c *Character, base lucidity.Milli, company companyCount) bool {
	c.roomEvals++
	whole, residual := w.rules.Evaluate(base, company.steady, company.troubled, int(c.roomEvals), c.residual)
	if residual != c.residual {
		c.residual = residual
		w.markDirty(c)
	}
	if whole == 0 {
		return false
	}
	before := c.Lucidity
	w.changeLucidity(c, whole, reasonFlux)
	return c.Lucidity != before
}
