package world

import "mythosd/world/ansi"

// Render is the rendering mode of a colour mode; ColorAuto, which a
// transport resolves from what its client reports, renders as none.
func (m ColorMode) Render() ansi.Mode {
	switch m {
	case ColorTrue:
		return ansi.TrueColor
	case Color256:
		return ansi.Color256
	case Color16:
		return ansi.Color16
	}
	return ansi.None
}

// ColorModeOf is the colour mode that renders as m.
func ColorModeOf(m ansi.Mode) ColorMode {
	switch m {
	case ansi.TrueColor:
		return ColorTrue
	case ansi.Color256:
		return Color256
	case ansi.Color16:
		return Color16
	}
	return ColorNone
}
