package world

// The world writes colour as ANSI SGR sequences in 24-bit colour; each
// transport renders them down to what its client shows (world/ansi), or
// strips them. Text that is wrapped (descriptions) carries no colour, so
// wrapping counts only visible characters.
const (
	styleReset  = "\x1b[0m"
	styleRoom   = "\x1b[1;38;2;230;190;120m" // bold lamplight amber: room names
	styleExits  = "\x1b[38;2;110;170;150m"   // verdigris: exits
	stylePeople = "\x1b[38;2;200;200;215m"   // pale: who is here
	styleChat   = "\x1b[38;2;150;180;230m"   // cold blue: channel tags
	styleMind   = "\x1b[38;2;190;120;210m"   // violet: the mind changing
	styleHorror = "\x1b[38;2;200;70;70m"     // dried blood: horrors and hallucinations
	styleSystem = "\x1b[1;38;2;240;230;140m" // bold pale gold: the keepers
)

// paint wraps text in a style.
func paint(style, text string) string { return style + text + styleReset }
