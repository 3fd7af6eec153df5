package world

import "strings"

// cleanText removes the control characters that must never travel from one
// player to another's terminal: C0 controls (ESC among them) but tab, DEL,
// and the C1 controls U+0080..U+009F (8-bit CSI, OSC, ... which terminals
// obey as ESC [ and ESC ]). Every line a player types passes through it
// before the world reads it, and so does chat arriving from other nodes.
func cleanText(s string) string {
	if !needsCleaning(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isControl(r) {
			return -1
		}
		return r
	}, s)
}

// needsCleaning reports whether s may hold a control character: a byte
// below space but tab, DEL, or 0xC2 (the lead byte of every C1 control in
// UTF-8).
func needsCleaning(s string) bool {
	for i := 0; i < len(s); i++ {
		if b := s[i]; (b < 0x20 && b != '\t') || b == 0x7f || b == 0xc2 {
			return true
		}
	}
	return false
}

// isControl reports whether r is a C0 control but tab, DEL or a C1 control.
func isControl(r rune) bool {
	return (r < 0x20 && r != '\t') || (r >= 0x7f && r <= 0x9f)
}
