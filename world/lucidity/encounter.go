package lucidity

import "fmt"

// EncounterKind is how bad a horror is.
type EncounterKind string

// The kinds of encounter.
const (
	Disturbing EncounterKind = "disturbing"
	Horrific   EncounterKind = "horrific"
	Cosmic     EncounterKind = "cosmic"
)

// EncounterLoss is the lucidity a kind of encounter costs the first time
// and every time after.
type EncounterLoss struct{ First, Repeat int }

func defaultEncounters() map[EncounterKind]EncounterLoss {
	return map[EncounterKind]EncounterLoss{
		Disturbing: {First: 6, Repeat: 2},
		Horrific:   {First: 12, Repeat: 5},
		Cosmic:     {First: 20, Repeat: 10},
	}
}

// ParseEncounter reads an encounter kind from world data.
func ParseEncounter(s string) (EncounterKind, error) {
	switch k := EncounterKind(s); k {
	case Disturbing, Horrific, Cosmic:
		return k, nil
	}
	return "", fmt.Errorf("unknown encounter kind %q (want disturbing, horrific or cosmic)", s)
}

// EncounterDelta returns the (negative) change of lucidity for an encounter
// of kind by a character who has met that kind seen times before: the
// first loss, the repeat loss, or once acclimated (AcclimatedAfter earlier
// encounters) half the repeat loss, at least 1.
func (r *Rules) EncounterDelta(kind EncounterKind, seen int) int {
	loss := r.Encounters[kind]
	switch {
	case seen <= 0:
		return -loss.First
	case seen >= r.AcclimatedAfter:
		return -max(loss.Repeat/2, 1)
	default:
		return -loss.Repeat
	}
}
