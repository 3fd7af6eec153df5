package telnet

import (
	"slices"
	"strings"
)

// Bounds on what a client may ask for with Core.Supports.
const (
	maxGMCPModules    = 64
	maxGMCPModuleName = 64
)

// gmcpModules is the set of GMCP packages a client supports, lower-case
// and without versions ("room", "char.vitals"). It stays nil until the
// client names one, so that an idle connection pays nothing for it.
type gmcpModules []string

// set replaces the set with the modules of items ("Room 1", "Char 1").
func (m *gmcpModules) set(items []string) {
	*m = (*m)[:0]
	m.add(items)
}

// add adds the modules of items, up to maxGMCPModules.
func (m *gmcpModules) add(items []string) {
	for _, it := range items {
		name, ok := moduleName(it)
		if ok && !slices.Contains(*m, name) && len(*m) < maxGMCPModules {
			*m = append(*m, name)
		}
	}
}

// remove removes the modules of items; a version, if given, is ignored.
func (m *gmcpModules) remove(items []string) {
	for _, it := range items {
		if name, ok := moduleName(it); ok {
			*m = slices.DeleteFunc(*m, func(s string) bool { return s == name })
		}
	}
}

// supports reports whether pkg ("Room.Info") or a module above it
// ("Room") is in the set. Package names are case-insensitive.
func (m gmcpModules) supports(pkg string) bool {
	if len(m) == 0 {
		return false
	}
	pkg = strings.ToLower(pkg)
	for {
		if slices.Contains(m, pkg) {
			return true
		}
		i := strings.LastIndexByte(pkg, '.')
		if i < 0 {
			return false
		}
		pkg = pkg[:i]
	}
}

// moduleName returns the lower-case module of a Core.Supports item: the
// text before the version, "Char.Vitals 1" -> "char.vitals".
func moduleName(item string) (string, bool) {
	name, _, _ := strings.Cut(strings.TrimSpace(item), " ")
	if name == "" || len(name) > maxGMCPModuleName {
		return "", false
	}
	return strings.ToLower(name), true
}
