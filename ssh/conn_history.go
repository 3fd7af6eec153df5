package ssh

// History bounds: a player's recent lines, for the up and down arrows.
const (
	historyEntries = 32
	historyBytes   = 4 << 10
)

// history is the Terminal's line history, bounded in entries and in bytes
// so that long lines cannot pile up memory: a line longer than the whole
// budget is not kept, and the oldest lines go first.
type history struct {
	entries []string // oldest first
	bytes   int
}

// Add keeps entry as the most recent line, unless it is empty or repeats
// the most recent one.
func (h *history) Add(entry string) {
	if entry == "" || len(entry) > historyBytes {
		return
	}
	if n := len(h.entries); n > 0 && h.entries[n-1] == entry {
		return
	}
	h.entries = append(h.entries, entry)
	h.bytes += len(entry)
	for len(h.entries) > historyEntries || h.bytes > historyBytes {
		h.bytes -= len(h.entries[0])
		h.entries[0] = ""
		h.entries = h.entries[1:]
	}
}

// Len is the number of lines kept.
func (h *history) Len() int { return len(h.entries) }

// At returns a line: 0 is the most recent.
func (h *history) At(i int) string { return h.entries[len(h.entries)-1-i] }
