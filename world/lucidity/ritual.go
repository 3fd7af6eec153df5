package lucidity

import (
	"slices"
	"time"
)

// Ritual is an act that restores lucidity, with its cooldown.
type Ritual struct {
	Name     string
	Gain     int
	Cooldown time.Duration
	// Needs tells what the ritual asks of the place or company:
	// "" (anywhere), "company" (another character in the room).
	Needs string
}

func defaultRituals() map[string]Ritual {
	return map[string]Ritual{
		"pray":         {Name: "pray", Gain: 8, Cooldown: 15 * time.Minute},
		"meditate":     {Name: "meditate", Gain: 6, Cooldown: 10 * time.Minute},
		"group_solace": {Name: "group_solace", Gain: 4, Cooldown: 20 * time.Minute, Needs: "company"},
		"therapy":      {Name: "therapy", Gain: 15, Cooldown: 12 * time.Hour},
		"folk_tonic":   {Name: "folk_tonic", Gain: 3, Cooldown: 30 * time.Minute},
	}
}

// RitualNames returns the rituals' names, sorted.
func (r *Rules) RitualNames() []string {
	names := make([]string, 0, len(r.Rituals))
	for n := range r.Rituals {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// CooldownKey is the fact key that holds when a ritual is ready again.
func CooldownKey(ritual string) string { return "cooldown." + ritual }

// Ready reports whether a ritual whose cooldown ends at readyAt may be done
// at now, and if not, how long is left.
func Ready(now, readyAt time.Time) (bool, time.Duration) {
	if !now.Before(readyAt) {
		return true, 0
	}
	return false, readyAt.Sub(now)
}
