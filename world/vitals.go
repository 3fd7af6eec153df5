package world

import (
	"strconv"
	"strings"
	"time"
)

// Rules of determination points (GAME-RULES.md, Characters).
const (
	regenEvery   = 30 * time.Second // one DP back out of combat
	bleedEvery   = 10 * time.Second // one DP lost while mortally wounded
	deadAt       = -10              // DP at which a character dies
	dpPerLevel   = 2                // max DP a level adds
	xpPerLevelSq = 50               // level = 1 + floor(sqrt(XP / 50))
)

// level is the level XP makes: 1 + floor(sqrt(xp / 50)).
func level(xp int64) int {
	q := xp / xpPerLevelSq
	n := int64(0)
	for (n+1)*(n+1) <= q {
		n++
	}
	return 1 + int(n)
}

// maxDP is c's most DP: (CON + SIZ) / 5, plus 2 for each level above the
// first. A character not yet rolled counts as 50 and 50.
func (c *Character) maxDP() int {
	con, siz := c.attrs[attrCON], c.attrs[attrSIZ]
	if con == 0 && siz == 0 {
		con, siz = 50, 50
	}
	return (con+siz)/5 + dpPerLevel*(level(c.xp)-1)
}

// mortal reports whether c is mortally wounded or dead.
func (c *Character) mortal() bool { return c.dp <= 0 }

// setDP sets c's DP, keeps the store and the player's gauges up to date,
// and starts regaining or bleeding as the new value asks. Loop only.
func (w *World) setDP(c *Character, dp int) {
	if dp == c.dp {
		return
	}
	if (dp <= 0) != c.mortal() { // bleeding starts or stops: a new cadence
		c.vitalsSeq++
		c.vitalsDue = false
	}
	c.dp = min(dp, c.maxDP())
	w.markDirty(c)
	w.sendVitals(c)
	w.scheduleVitals(c)
}

// scheduleVitals schedules c's next regain or bleed, unless one is waiting.
func (w *World) scheduleVitals(c *Character) {
	if c.vitalsDue || c.limbo || c.dp >= c.maxDP() {
		return
	}
	every := regenEvery
	if c.mortal() {
		every = bleedEvery
	}
	c.vitalsDue = true
	w.npcQueue.push(npcEvent{at: w.cfg.Clock.Now().Add(every).UnixNano(), kind: evVitals, char: c, seq: c.vitalsSeq})
}

// vitalsStep regains or bleeds one step for c: a mortally wounded
// character loses 1 DP (dying at -10); another out of combat regains 1 DP,
// 2 while resting. A character who went offline keeps their DP as stored.
func (w *World) vitalsStep(c *Character, seq uint32, now time.Time) {
	if seq != c.vitalsSeq {
		return // its cadence was replaced
	}
	c.vitalsDue = false
	if !c.online() || c.limbo {
		return
	}
	switch {
	case c.mortal():
		w.bleed(c, now)
	case c.fight != nil:
	case c.resting:
		w.setDP(c, c.dp+2)
	default:
		w.setDP(c, c.dp+1)
	}
	w.scheduleVitals(c)
}

// bleed takes one DP from a mortally wounded c.
func (w *World) bleed(c *Character, now time.Time) {
	c.dp--
	w.markDirty(c)
	w.sendVitals(c)
	if c.dp <= deadAt {
		w.die(c, now)
		return
	}
	c.notify(paint(styleHorror, "Your blood runs out onto the floor. You are dying."))
}

// defaultPrompt is the prompt format of a player who chose none.
const defaultPrompt = "<%h/%Hdp %llcd> "

// maxPromptLen caps a prompt format.
const maxPromptLen = 80

// promptText renders c's prompt: %h DP, %H max DP, %l lucidity, %x XP,
// %% a percent sign. The text is kept until a value in it changes.
func (c *Character) promptText() string {
	format := c.promptFmt
	if format == "" {
		format = defaultPrompt
	}
	key := [3]int{c.dp, c.maxDP(), c.Lucidity}
	if c.promptCache != "" && key == c.promptKey {
		return c.promptCache
	}
	var b strings.Builder
	for i := 0; i < len(format); i++ {
		if format[i] != '%' || i+1 == len(format) {
			b.WriteByte(format[i])
			continue
		}
		i++
		switch format[i] {
		case 'h':
			b.WriteString(strconv.Itoa(c.dp))
		case 'H':
			b.WriteString(strconv.Itoa(key[1]))
		case 'l':
			b.WriteString(strconv.Itoa(c.Lucidity))
		case 'x':
			b.WriteString(strconv.FormatInt(c.xp, 10))
		case '%':
			b.WriteByte('%')
		default:
			b.WriteByte('%')
			b.WriteByte(format[i])
		}
	}
	c.promptCache, c.promptKey = b.String(), key
	return c.promptCache
}

// setPrompt sets c's prompt format: printable text, at most 80 bytes.
func (w *World) setPrompt(c *Character, format string) bool {
	if len(format) > maxPromptLen || !printable(format) {
		return false
	}
	if strings.TrimSpace(format) == "default" {
		format = ""
	}
	c.promptFmt, c.promptCache = format, ""
	w.markDirty(c)
	return true
}

// printable reports whether s is valid UTF-8 without control characters.
func printable(s string) bool {
	for _, r := range s {
		if r < 0x20 || r == 0x7f || r == 0xfffd || (r >= 0x80 && r < 0xa0) {
			return false
		}
	}
	return true
}

// cmdRest, cmdSit and cmdStand set whether c rests: resting doubles the
// DP regained out of combat.
func (w *World) cmdRest(c *Character, _ string) { w.setResting(c, true, "You settle down to rest.") }
func (w *World) cmdSit(c *Character, _ string) {
	w.setResting(c, true, "You sit down and catch your breath.")
}
func (w *World) cmdStand(c *Character, _ string) {
	w.setResting(c, false, "You get to your feet.")
}

// setResting starts or ends c's rest.
func (w *World) setResting(c *Character, on bool, text string) {
	if on && c.fight != nil {
		c.send("Not in the middle of a fight!\n")
		return
	}
	if c.resting == on {
		if on {
			c.send("You are already resting.\n")
		} else {
			c.send("You are already standing.\n")
		}
		return
	}
	c.resting = on
	c.send(text + "\n")
	verb := " stands up."
	if on {
		verb = " sits down to rest."
	}
	w.tellRoom(c.RoomID, c, c.Name+verb)
}

// vitalsCommands are the commands of rest and posture.
func vitalsCommands() []*command {
	return []*command{
		{name: "rest", summary: "rest, regaining DP twice as fast", run: (*World).cmdRest},
		{name: "sit", summary: "sit down (rests)", run: (*World).cmdSit, topic: "rest"},
		{name: "stand", summary: "get up from rest", run: (*World).cmdStand, topic: "rest"},
	}
}
