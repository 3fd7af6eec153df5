package world

import (
	"time"

	"mythosd/world/lucidity"
)

// timedEffects runs what the tiers do with time: hallucination checks at
// their interval, and waking from delirium. It visits only characters in
// occupied places. Loop only.
func (w *World) timedEffects(now time.Time) {
	for _, p := range w.places {
		for _, c := range p.chars {
			w.timedEffectsOf(c, now)
		}
	}
}

func (w *World) timedEffectsOf(c *Character, now time.Time) {
	if !c.wakeAt.IsZero() {
		if !now.Before(c.wakeAt) {
			w.wakeFromDelirium(c)
		}
		return
	}
	fx := w.rules.EffectsOf(c.Lucidity)
	if fx.HallucinationEvery <= 0 {
		return
	}
	if c.nextCheck.IsZero() {
		c.nextCheck = now.Add(fx.HallucinationEvery)
		return
	}
	if now.Before(c.nextCheck) {
		return
	}
	c.nextCheck = now.Add(fx.HallucinationEvery)
	if lucidity.Roll(w.rng, fx.HallucinationChance) {
		w.hallucinate(c)
	}
}

// hallucinate shows c something that is not there.
func (w *World) hallucinate(c *Character) {
	h := lucidity.Hallucinate(w.rng)
	if h.Whisper != "" {
		c.notify(paint(styleHorror, "Someone whispers close to your ear: \""+h.Whisper+"\""))
		return
	}
	w.conjurePhantom(c, h.Figure, w.cfg.Clock.Now())
}

// phantomOnEntry returns a phantom figure to show among who is here when
// an uneasy mind enters a room, or "".
func (w *World) phantomOnEntry(c *Character) string {
	fx := w.rules.EffectsOf(c.Lucidity)
	if !lucidity.Roll(w.rng, fx.EnterHallucination) {
		return ""
	}
	return lucidity.PhantomFigure(w.rng)
}

// encounter has c meet a horror of kind: the loss depends on how often c has
// met that kind before. NPCs will call it; rooms with an encounter call it
// on entry.
func (w *World) encounter(c *Character, kind lucidity.EncounterKind) {
	key := "encounters." + string(kind)
	seen := int(c.fact(key))
	delta := w.rules.EncounterDelta(kind, seen)
	w.addFact(c, key, 1)
	c.notify(paint(styleHorror, encounterText(kind, seen)))
	w.changeLucidity(c, delta, "encounter_"+string(kind))
}

// encounterText describes meeting a horror, first time or again.
func encounterText(kind lucidity.EncounterKind, seen int) string {
	again := seen > 0
	switch kind {
	case lucidity.Cosmic:
		if again {
			return "Again the sky opens behind the sky, and again you cannot look away."
		}
		return "For one endless moment you see how small everything is, and what waits beyond it."
	case lucidity.Horrific:
		if again {
			return "The horror is no less for being known. Your stomach turns."
		}
		return "What you see here has no right to exist. Your mind recoils."
	default:
		if again {
			return "That wrongness again; you steel yourself, a little."
		}
		return "Something here is deeply wrong, and your skin crawls."
	}
}
