// Package lucidity holds the rules of a character's sanity, called lucidity:
// its bounds and tiers. It does no I/O and keeps no state.
package lucidity

// Bounds and the starting value of lucidity.
const (
	Min   = -100
	Max   = 100
	Start = 100
)

// Tier is a band of lucidity with its own effects.
type Tier int

// The tiers, from sound to lost.
const (
	Lucid Tier = iota
	Uneasy
	Fractured
	Deranged
	Catatonic
)

// TierOf returns the tier of a lucidity value: lucid >= 70, uneasy 40..69,
// fractured 20..39, deranged 1..19, catatonic <= 0.
func TierOf(lcd int) Tier {
	switch {
	case lcd >= 70:
		return Lucid
	case lcd >= 40:
		return Uneasy
	case lcd >= 20:
		return Fractured
	case lcd >= 1:
		return Deranged
	default:
		return Catatonic
	}
}

// String returns the tier's name as players read it.
func (t Tier) String() string {
	switch t {
	case Lucid:
		return "lucid"
	case Uneasy:
		return "uneasy"
	case Fractured:
		return "fractured"
	case Deranged:
		return "deranged"
	default:
		return "catatonic"
	}
}

// Clamp bounds a lucidity value to [Min, Max].
func Clamp(lcd int) int {
	return max(Min, min(Max, lcd))
}
