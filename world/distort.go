package world

import "mythosd/world/lucidity"

// distortOutgoing is what a speaker's tier does to what they say.
func (w *World) distortOutgoing(c *Character, msg string) string {
	if lucidity.Roll(w.rng, w.rules.EffectsOf(c.Lucidity).Glyphs) {
		return lucidity.AddGlyphs(msg, w.rng)
	}
	return msg
}

// distortIncoming is what a listener's tier does to what they hear.
func (w *World) distortIncoming(listener *Character, msg string) string {
	fx := w.rules.EffectsOf(listener.Lucidity)
	if lucidity.Roll(w.rng, fx.Scramble) {
		msg = lucidity.Scramble(msg, w.rng)
	}
	if lucidity.Roll(w.rng, fx.LosePunctuation) {
		msg = lucidity.StripPunctuation(msg)
	}
	return msg
}
