package world

import (
	"strconv"
	"strings"
)

// Fact keys of a player's display settings.
const (
	factColor        = "config.color"        // a ColorMode; absent: ColorAuto
	factScreenReader = "config.screenreader" // 1: on
)

// colorModes names the colour modes as players type them.
func colorModes() map[string]ColorMode {
	return map[string]ColorMode{"auto": ColorAuto, "off": ColorNone, "none": ColorNone,
		"16": Color16, "256": Color256, "truecolor": ColorTrue, "on": ColorTrue}
}

// colorName names a colour mode.
func colorName(m ColorMode) string {
	switch m {
	case ColorNone:
		return "off"
	case Color16:
		return "16"
	case Color256:
		return "256"
	case ColorTrue:
		return "truecolor"
	}
	return "auto"
}

// configCommands are config's.
func configCommands() []*command {
	return []*command{
		{name: "config", aliases: []string{"co", "con"}, summary: "colour, screen reader, prompt: config color off, config prompt %h/%Hdp", run: (*World).cmdConfig},
	}
}

// cmdConfig shows or changes how text reaches the player: `config color
// auto|off|16|256|truecolor` and `config screenreader on|off`. The choice
// is kept and applied at every login.
func (w *World) cmdConfig(c *Character, args string) {
	if word, rest, _ := strings.Cut(strings.TrimSpace(args), " "); strings.EqualFold(word, "prompt") {
		w.configPrompt(c, rest)
		return
	}
	styler, ok := c.sess.conn.(Styler)
	if !ok {
		c.send("This connection shows text as it is; there is nothing to configure.\n")
		return
	}
	fields := strings.Fields(strings.ToLower(args))
	switch {
	case len(fields) == 0:
	case len(fields) == 2 && fields[0] == "color":
		mode, known := colorModes()[fields[1]]
		if !known {
			c.send("Usage: config color auto|off|16|256|truecolor\n")
			return
		}
		w.setFact(c, factColor, int64(mode))
	case len(fields) == 2 && fields[0] == "screenreader" && (fields[1] == "on" || fields[1] == "off"):
		w.setFact(c, factScreenReader, boolFact(fields[1] == "on"))
	default:
		c.send("Usage: config [color auto|off|16|256|truecolor] [screenreader on|off]\n")
		return
	}
	applyStyle(c, styler)
	mode, reader := styler.Style()
	c.send("Colour: " + colorName(ColorMode(c.fact(factColor))) + " (now " + colorName(mode) + "); screen reader: " + onOff(reader) + ".\n")
}

// applyStyle gives the connection the player's kept display settings.
func applyStyle(c *Character, styler Styler) {
	styler.SetColorMode(ColorMode(c.fact(factColor)))
	styler.SetScreenReader(c.fact(factScreenReader) != 0)
}

// applyKeptStyle applies c's display settings to its connection, if it
// renders colour.
func applyKeptStyle(c *Character) {
	if styler, ok := c.sess.conn.(Styler); ok {
		applyStyle(c, styler)
	}
}

func boolFact(on bool) int64 {
	if on {
		return 1
	}
	return 0
}

// configPrompt shows or sets the prompt format: config prompt <format>,
// with %h DP, %H max DP, %l lucidity, %x XP; "default" restores the
// default.
func (w *World) configPrompt(c *Character, format string) {
	if format == "" {
		shown := c.promptFmt
		if shown == "" {
			shown = defaultPrompt + "(default)"
		}
		c.send("Prompt: " + shown + "\nUsage: config prompt <format>, with %h DP, %H max DP, %l lucidity, %x XP; config prompt default\n")
		return
	}
	if !w.setPrompt(c, format+" ") {
		c.send("A prompt is printable text of at most " + strconv.Itoa(maxPromptLen) + " characters.\n")
		return
	}
	c.send("Prompt set.\n")
}

func onOff(on bool) string {
	if on {
		return "on"
	}
	return "off"
}
