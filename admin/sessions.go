package admin

import (
	"cmp"
	"slices"
	"strings"

	"mythosd/world"
)

// sortKey is a column the session table can be sorted by.
type sortKey int

// The sortable columns, in the order the sort key cycles through them.
const (
	byName sortKey = iota
	byTransport
	byClient
	byRoom
	byLucidity
	byIdle
	byAddr
	sortKeys // how many there are
)

// String names the column.
func (k sortKey) String() string {
	return [...]string{"name", "transport", "client", "room", "lucidity", "idle", "address"}[k]
}

// compare orders two sessions by the key, then by name.
func (k sortKey) compare(a, b world.SessionInfo) int {
	var c int
	switch k {
	case byTransport:
		c = cmp.Compare(a.Transport, b.Transport)
	case byClient:
		c = cmp.Compare(strings.ToLower(a.Client), strings.ToLower(b.Client))
	case byRoom:
		c = cmp.Compare(roomOf(a), roomOf(b))
	case byLucidity:
		c = cmp.Compare(a.Lucidity, b.Lucidity)
	case byIdle:
		c = cmp.Compare(a.Idle, b.Idle)
	case byAddr:
		c = cmp.Compare(a.Addr, b.Addr)
	}
	if c != 0 {
		return c
	}
	return cmp.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name))
}

// roomOf is how the table shows a session's room: its name, else its id.
func roomOf(s world.SessionInfo) string {
	if s.RoomName != "" {
		return s.RoomName
	}
	return s.RoomID
}

// view is how the session table is filtered and sorted.
type view struct {
	key    sortKey
	desc   bool
	filter string
}

// apply returns the sessions that match the filter, sorted; all is not
// changed.
func (v view) apply(all []world.SessionInfo) []world.SessionInfo {
	out := make([]world.SessionInfo, 0, len(all))
	for _, s := range all {
		if matches(s, v.filter) {
			out = append(out, s)
		}
	}
	slices.SortStableFunc(out, func(a, b world.SessionInfo) int {
		if v.desc {
			return v.key.compare(b, a)
		}
		return v.key.compare(a, b)
	})
	return out
}

// matches reports whether any shown field of s contains filter, ignoring
// case. Every session matches an empty filter.
func matches(s world.SessionInfo, filter string) bool {
	if filter == "" {
		return true
	}
	f := strings.ToLower(filter)
	for _, field := range []string{s.Name, s.Transport, s.Client, s.RoomName, s.RoomID, s.Tier, s.Addr} {
		if strings.Contains(strings.ToLower(field), f) {
			return true
		}
	}
	return false
}
