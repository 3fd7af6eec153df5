package ansi

// Mode is how much colour a client can show.
type Mode uint8

// Colour modes, from none to 24-bit.
const (
	// None strips colour and attributes.
	None Mode = iota
	// Color16 keeps the 16 ANSI colours (30-37, 90-97 and backgrounds).
	Color16
	// Color256 keeps the xterm 256-colour palette.
	Color256
	// TrueColor keeps 24-bit colour.
	TrueColor
)

// String names the mode: "none", "16", "256" or "truecolor".
func (m Mode) String() string {
	switch m {
	case Color16:
		return "16"
	case Color256:
		return "256"
	case TrueColor:
		return "truecolor"
	default:
		return "none"
	}
}
