package lucidity

// Liabilities are lasting conditions a mind takes from a great loss or a
// fall to a worse tier; they stack.
const (
	LiabilityShaken       = "shaken"        // a single great loss
	LiabilityJumpy        = "jumpy"         // fell to uneasy
	LiabilityNightTerrors = "night_terrors" // fell to fractured
	LiabilityParanoia     = "paranoia"      // fell to deranged
	LiabilityDissociation = "dissociation"  // fell to catatonic
	LiabilityCommitted    = "institutional_dread"
)

// LiabilityKey is the fact key that counts a liability's stacks.
func LiabilityKey(name string) string { return "liability." + name }

// Liability returns the liability a change of lucidity adds, if any: a
// fall to a worse tier adds that tier's liability; otherwise a single loss
// of BigLoss or more adds "shaken".
func (r *Rules) Liability(delta int, from, to Tier) (string, bool) {
	if to > from {
		switch to {
		case Uneasy:
			return LiabilityJumpy, true
		case Fractured:
			return LiabilityNightTerrors, true
		case Deranged:
			return LiabilityParanoia, true
		default:
			return LiabilityDissociation, true
		}
	}
	if -delta >= r.BigLoss {
		return LiabilityShaken, true
	}
	return "", false
}

// LiabilityText names a liability as players read it.
func LiabilityText(name string) string {
	switch name {
	case LiabilityShaken:
		return "shaken"
	case LiabilityJumpy:
		return "jumpy"
	case LiabilityNightTerrors:
		return "night terrors"
	case LiabilityParanoia:
		return "paranoia"
	case LiabilityDissociation:
		return "dissociation"
	case LiabilityCommitted:
		return "institutional dread"
	}
	return name
}
