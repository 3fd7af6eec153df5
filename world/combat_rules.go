package world

import "math/rand/v2"

// Numbers of the combat rules (GAME-RULES.md, Combat).
const (
	unarmedMin, unarmedMax = 1, 3
	hitBase                = 50 // per cent
	hitMin, hitMax         = 5, 95
	fleeMin, fleeMax       = 0.10, 0.95
	panicChance            = 0.20 // a deranged character's flight after a heavy blow
	panicShare             = 15   // per cent of max DP one blow must exceed
)

// hitChance is the chance in per cent that a blow lands: 50 + (attacker
// DEX - defender DEX) / 4, clamped to 5..95.
func hitChance(attDEX, defDEX int) int {
	return min(max(hitBase+(attDEX-defDEX)/4, hitMin), hitMax)
}

// blow is what one strike is made of.
type blow struct {
	min, max, modifier int // the weapon's roll; unarmed 1..3
	str                int // the striker's STR
}

// damage is the DP a blow takes for a roll of the weapon: roll plus
// modifier, plus max(0, (STR - 50) / 10), minus protection, at least 1.
func damage(b blow, roll, protection int) int {
	return max(roll+b.modifier+max(0, (b.str-50)/10)-protection, 1)
}

// roll rolls the blow's weapon: min..max inclusive.
func (b blow) roll(rng *rand.Rand) int {
	if b.max <= b.min {
		return b.min
	}
	return b.min + rng.IntN(b.max-b.min+1)
}

// fleeChance is the chance of getting away: 0.5 + 0.1 per exit - 0.1 per
// opponent, clamped to 0.10..0.95.
func fleeChance(exits, opponents int) float64 {
	return min(max(0.5+0.1*float64(exits)-0.1*float64(opponents), fleeMin), fleeMax)
}

// heavyBlow reports whether a blow of dmg against a character of maxDP is
// heavy enough to make a deranged character bolt (the roll decides then).
func heavyBlow(dmg, maxDP int) bool { return dmg*100 > maxDP*panicShare }
