package lucidity

import "math"

// Place is what the base rate of a room depends on. The world builds it once
// per room, when the room is loaded.
type Place struct {
	// Override is the room's own rate, when HasOverride.
	Override    Milli
	HasOverride bool
	// SubZone is the room's sub-zone name, for SubZoneRates.
	SubZone string
	// Drain is the world data's drain rate (sub-zone, else zone, else
	// plane), as a positive Milli, when HasDrain.
	Drain    Milli
	HasDrain bool
	// Environment is the room's effective environment.
	Environment string
}

// ToMilli converts a rate in points (as world data writes it) to Milli,
// rounding to the nearest thousandth; NaN and infinities give 0.
func ToMilli(points float64) Milli {
	if math.IsNaN(points) || math.IsInf(points, 0) {
		return 0
	}
	m := math.Round(points * float64(Point))
	return Milli(max(min(m, math.MaxInt32), math.MinInt32))
}

// BaseRates returns a place's base rate by day and by night: the first
// match of the room override, the sub-zone override, the world data's drain
// rate (capped), and the environment table.
func (r *Rules) BaseRates(p Place) DayNight {
	switch rate, ok := r.SubZoneRates[p.SubZone]; {
	case p.HasOverride:
		return DayNight{p.Override, p.Override}
	case ok:
		return DayNight{rate, rate}
	case p.HasDrain:
		drain := -min(p.Drain, r.DrainCap)
		return DayNight{drain, drain}
	}
	return r.Environments[p.Environment]
}

// Companions returns the companions modifier for a character who has
// steady other active characters (lucid or uneasy) in the room, and
// troubled ones (deranged or catatonic).
func (r *Rules) Companions(steady, troubled int) Milli {
	if troubled > 0 {
		return r.CompanionPenalty
	}
	return min(Milli(steady)*r.CompanionEach, r.CompanionMax)
}

// Resist applies adaptive resistance to a drain at the nth consecutive
// evaluation in the same room (1 for the first). With n the number of
// evaluations before this one, the multiplier is
// max(0.5, 1 - 0.25 * min((n-1)/10, 2)) with integer division: x0.75 from
// the 12th evaluation, x0.5 from the 22nd. Gains are returned unchanged.
func (r *Rules) Resist(rate Milli, nth int) Milli {
	if rate >= 0 || nth < 1 {
		return rate
	}
	before := nth - 1
	steps := min(max(before-1, 0)/10, 2)
	mult := max(500, 1000-250*steps)
	return rate * Milli(mult) / 1000
}

// Accumulate adds rate to the residual and returns the whole points to
// apply and the residual to keep: whole points leave at >= +1 (floor) and
// at <= -1 (ceil); the fraction stays.
func Accumulate(residual, rate Milli) (int, Milli) {
	sum := residual + rate
	if sum < Point && sum > -Point {
		return 0, sum
	}
	whole := sum / Point // truncation: floor for gains, ceil for losses
	return int(whole), sum - whole*Point
}

// Evaluate is one passive-flux evaluation of one character: base rate of
// the place (by day or night), plus companions, with adaptive resistance
// for the nth consecutive evaluation in that room, accumulated on the
// residual. It returns the whole points to apply and the new residual.
func (r *Rules) Evaluate(base Milli, steady, troubled, nth int, residual Milli) (int, Milli) {
	rate := r.Resist(base+r.Companions(steady, troubled), nth)
	return Accumulate(residual, rate)
}
