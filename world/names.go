package world

import (
	"fmt"
	"strings"
)

// Name length bounds.
const (
	minNameLen = 3
	maxNameLen = 20
)

// checkName reports why name cannot be a character's name, or nil. Names are
// letters only, 3 to 20 of them, and never a command word.
func (w *World) checkName(name string) error {
	if len(name) < minNameLen || len(name) > maxNameLen {
		return fmt.Errorf("a name has %d to %d letters", minNameLen, maxNameLen)
	}
	for _, r := range name {
		if (r < 'a' || r > 'z') && (r < 'A' || r > 'Z') {
			return fmt.Errorf("a name has letters only (A to Z)")
		}
	}
	if w.cmds.isWord(strings.ToLower(name)) {
		return fmt.Errorf("%q is a command word", strings.ToLower(name))
	}
	if reservedName(strings.ToLower(name)) {
		return fmt.Errorf("%q is reserved", strings.ToLower(name))
	}
	return nil
}

// reservedName reports names that transports give a meaning: "new" is the
// SSH user that creates a character.
func reservedName(lower string) bool { return lower == "new" }

// properName capitalises a name: "aLiCe" becomes "Alice".
func properName(name string) string {
	if name == "" {
		return name
	}
	return strings.ToUpper(name[:1]) + strings.ToLower(name[1:])
}
