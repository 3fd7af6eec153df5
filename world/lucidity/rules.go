package lucidity

import "time"

// Milli is a thousandth of a lucidity point. Rates and the residual are
// kept in Milli so that flux is exact integer arithmetic: 0.1 is 100.
type Milli int32

// Point is one lucidity point in Milli.
const Point Milli = 1000

// Rules are the numbers of the lucidity rules. Every number is a default
// that configuration may change; DefaultRules gives GAME-RULES.md's.
type Rules struct {
	// Environments maps an environment to its rate by day and by night.
	Environments map[string]DayNight
	// SubZoneRates overrides the base rate of whole sub-zones, at all hours.
	SubZoneRates map[string]Milli
	// DrainCap caps a world-data drain rate.
	DrainCap Milli
	// CompanionEach is added per other steady (lucid or uneasy) active
	// character in the room, up to CompanionMax; CompanionPenalty replaces
	// it when any other is deranged or catatonic.
	CompanionEach, CompanionMax, CompanionPenalty Milli
	// ActiveWithin and NewFor decide who is active: a command within
	// ActiveWithin, or created within NewFor.
	ActiveWithin, NewFor time.Duration
	// BigLoss is the single loss that adds a liability by itself.
	BigLoss int
	// Encounters holds the losses per kind; AcclimatedAfter is how many
	// earlier encounters of a kind make a character acclimated to it.
	Encounters      map[EncounterKind]EncounterLoss
	AcclimatedAfter int
	// Rituals are the acts that restore lucidity.
	Rituals map[string]Ritual
	// Effects are the effects of each tier.
	Effects map[Tier]Effects
	// Delirium is the lucidity that starts delirium when crossed downward;
	// DeliriumWake is the lucidity one wakes with, after DeliriumDelay.
	Delirium, DeliriumWake int
	DeliriumDelay          time.Duration
	// Committed is the lucidity that has a character committed to the
	// sanitarium when reached; CommittedWake is the lucidity after.
	Committed, CommittedWake int
	// Grounded is the lucidity `ground` gives a catatonic character.
	Grounded int
}

// DayNight is a rate by day and by night.
type DayNight struct{ Day, Night Milli }

// DefaultRules returns the rules of GAME-RULES.md.
func DefaultRules() *Rules {
	return &Rules{
		Environments:     defaultEnvironments(),
		SubZoneRates:     map[string]Milli{"sanitarium": -500},
		DrainCap:         10 * Point,
		CompanionEach:    100,
		CompanionMax:     300,
		CompanionPenalty: -200,
		ActiveWithin:     5 * time.Minute,
		NewFor:           time.Hour,
		BigLoss:          15,
		Encounters:       defaultEncounters(),
		AcclimatedAfter:  6,
		Rituals:          defaultRituals(),
		Effects:          defaultEffects(),
		Delirium:         -10,
		DeliriumWake:     10,
		DeliriumDelay:    30 * time.Second,
		Committed:        -100,
		CommittedWake:    1,
		Grounded:         1,
	}
}

func defaultEnvironments() map[string]DayNight {
	sanctuary := DayNight{600, 300}
	haunted := DayNight{-400, -800}
	return map[string]DayNight{
		"sanctuary": sanctuary, "sun_sanctuary": sanctuary, "temple": sanctuary, "safehouse": sanctuary,
		"street_paved": {200, 0},
		"camp":         {200, 200},
		"graveyard":    haunted, "haunted": haunted,
		"eldritch": {-1200, -1500},
		"storm":    {-300, -300},
		"forsaken": {-500, -200},
	}
}
