package world

import (
	"fmt"
	"time"

	"mythosd/world/lucidity"
)

// ritualCommands are the acts that restore lucidity, one command each.
func ritualCommands() []*command {
	return []*command{
		{name: "pray", summary: "pray for strength (+8 lucidity, every 15 minutes)", run: func(w *World, c *Character, _ string) { w.liftCurses(c); w.doRitual(c, "pray") }, topic: "rituals"},
		{name: "meditate", summary: "still your mind (+6, every 10 minutes)", run: ritual("meditate"), topic: "rituals"},
		{name: "group_solace", aliases: []string{"solace"}, summary: "take comfort in company (+4, every 20 minutes)", run: ritual("group_solace"), topic: "rituals"},
		{name: "therapy", summary: "a session with the sanitarium's doctors (+15, every 12 hours)", run: ritual("therapy"), topic: "rituals"},
		{name: "folk_tonic", aliases: []string{"tonic", "f"}, summary: "a swallow of bitter folk tonic (+3, every 30 minutes)", run: ritual("folk_tonic"), topic: "rituals"},
	}
}

// ritual returns the command handler of the named ritual.
func ritual(name string) func(*World, *Character, string) {
	return func(w *World, c *Character, _ string) { w.doRitual(c, name) }
}

// doRitual performs a ritual if its cooldown has passed and what it needs
// is at hand.
func (w *World) doRitual(c *Character, name string) {
	r := w.rules.Rituals[name]
	now := w.cfg.Clock.Now()
	key := lucidity.CooldownKey(name)
	if ok, left := lucidity.Ready(now, c.cooldownEnd(name)); !ok {
		c.send(fmt.Sprintf("You cannot %s again so soon; wait %s.\n", ritualVerb(name), roundDuration(left)))
		return
	}
	if r.Needs == "company" && len(w.others(c)) == 0 {
		c.send("There is no one here to share solace with.\n")
		return
	}
	w.setFact(c, key, now.Add(r.Cooldown).UnixNano())
	c.send(ritualText(name) + "\n")
	if name == "group_solace" {
		w.tellRoom(c.RoomID, c, c.Name+" reaches out, and for a moment the room feels less cold.")
	}
	w.changeLucidity(c, r.Gain, name)
}

// cooldownEnd is when c may do the ritual again; the zero time when it has
// no cooldown running.
func (c *Character) cooldownEnd(ritual string) time.Time {
	v := c.fact(lucidity.CooldownKey(ritual))
	if v == 0 {
		return time.Time{}
	}
	return time.Unix(0, v)
}

// ritualVerb is how a ritual reads in a sentence.
func ritualVerb(name string) string {
	switch name {
	case "group_solace":
		return "seek solace"
	case "therapy":
		return "have therapy"
	case "folk_tonic":
		return "take the tonic"
	}
	return name
}

// ritualText describes doing a ritual.
func ritualText(name string) string {
	switch name {
	case "pray":
		return "You bow your head and pray. The words are old, and they hold."
	case "meditate":
		return "You breathe slowly and let the whispering thoughts pass like fog."
	case "group_solace":
		return "You share a few quiet words with those around you, and feel less alone."
	case "therapy":
		return "A long talk with a patient doctor. Some of the shadows lose their teeth."
	default:
		return "The tonic is bitter as gall. Warmth spreads behind your eyes."
	}
}

// roundDuration shows a wait as players read it: "4m", "11h 20m", "30s".
func roundDuration(d time.Duration) string {
	switch {
	case d >= time.Hour:
		d = d.Round(time.Minute)
		return fmt.Sprintf("%dh %dm", int(d.Hours()), int(d.Minutes())%60)
	case d >= time.Minute:
		return fmt.Sprintf("%dm", int(d.Round(time.Minute).Minutes()))
	}
	return fmt.Sprintf("%ds", max(int(d.Round(time.Second).Seconds()), 1))
}
