package lucidity

import (
	"math/rand/v2"
	"time"
)

// Effects are what a tier does to a character. Chances are percentages.
type Effects struct {
	// EnterHallucination is the chance of a hallucination on entering a room.
	EnterHallucination int
	// HallucinationChance is the chance per check, one check every
	// HallucinationEvery (0: no timed checks).
	HallucinationChance int
	HallucinationEvery  time.Duration
	// Misfire is the chance that a command does something else.
	Misfire int
	// Glyphs is the chance that outgoing chat gets glyphs.
	Glyphs int
	// LosePunctuation and Scramble are the chances that incoming chat loses
	// its punctuation, or gets its words scrambled.
	LosePunctuation, Scramble int
	// Strained tags outgoing whispers "[strained]".
	Strained bool
	// NoShout forbids global chat.
	NoShout bool
	// Stupor refuses every command but quit and help.
	Stupor bool
}

func defaultEffects() map[Tier]Effects {
	return map[Tier]Effects{
		Lucid:  {},
		Uneasy: {EnterHallucination: 10, Strained: true},
		Fractured: {HallucinationChance: 25, HallucinationEvery: 30 * time.Second,
			Misfire: 10, Glyphs: 20, LosePunctuation: 30},
		Deranged: {HallucinationChance: 45, HallucinationEvery: 20 * time.Second,
			Misfire: 25, NoShout: true, Scramble: 10},
		Catatonic: {Stupor: true},
	}
}

// EffectsOf returns the effects of the tier of lcd.
func (r *Rules) EffectsOf(lcd int) Effects { return r.Effects[TierOf(lcd)] }

// Roll reports whether a chance of pct percent comes up, drawing on rng.
func Roll(rng *rand.Rand, pct int) bool {
	return pct > 0 && rng.IntN(100) < pct
}
