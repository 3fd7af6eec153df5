package world

import (
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"mythosd/data"
)

var updateAbbrev = flag.Bool("update-abbreviations", false, "rewrite testdata/abbreviations.golden")

// abbreviationsGolden pins what every prefix of every command word calls.
const abbreviationsGolden = "testdata/abbreviations.golden"

// abbreviations lists every prefix of every command's name and aliases
// with what it calls: the command, "ambiguous: a b", or nothing.
func abbreviations(t commandTable) string {
	seen := map[string]bool{}
	var words []string
	for _, cmd := range t.list {
		for _, w := range cmd.words() {
			for i := 1; i <= len(w); i++ {
				if p := w[:i]; !seen[p] {
					seen[p] = true
					words = append(words, p)
				}
			}
		}
	}
	slices.Sort(words)
	var b strings.Builder
	for _, w := range words {
		cmd, amb := t.lookup(w)
		switch {
		case cmd != nil:
			fmt.Fprintf(&b, "%s -> %s\n", w, cmd.name)
		case len(amb) > 1:
			fmt.Fprintf(&b, "%s -> ambiguous: %s\n", w, strings.Join(amb, " "))
		default:
			fmt.Fprintf(&b, "%s -> none\n", w)
		}
	}
	return b.String()
}

// TestAbbreviationsArePinned fails when any short form changes meaning:
// adding a command shows up here as a diff to review
// (go test ./world -run Abbrev -update-abbreviations rewrites it).
func TestAbbreviationsArePinned(t *testing.T) {
	got := abbreviations(newCommandTable())
	if *updateAbbrev {
		if err := os.WriteFile(abbreviationsGolden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(abbreviationsGolden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("abbreviations changed; review and rerun with -update-abbreviations:\n%s", lineDiff(string(want), got))
	}
}

// TestExplicitShortForms pins the short forms players type.
func TestExplicitShortForms(t *testing.T) {
	table := newCommandTable()
	for word, want := range map[string]string{
		"i": "inventory", "l": "look", "n": "north", "s": "south", "e": "east", "w": "west", "u": "up", "d": "down",
		"eq": "equipment", "'": "say", ":": "emote", "x": "examine", "take": "get", "wield": "wear", "equip": "wear",
		"unequip": "remove", "inv": "inventory", "?": "help", "lo": "look",
	} {
		if cmd := table.find(word); cmd == nil || cmd.name != want {
			t.Errorf("%q calls %v, want %s", word, cmd, want)
		}
	}
}

// TestCommandWordsAreUnique checks that no word is claimed twice.
func TestCommandWordsAreUnique(t *testing.T) {
	owner := map[string]string{}
	for _, cmd := range allCommands() {
		for _, w := range cmd.words() {
			if prev, dup := owner[w]; dup {
				t.Errorf("%q is claimed by %s and %s", w, prev, cmd.name)
			}
			owner[w] = cmd.name
		}
	}
}

// TestEveryCommandHasHelp checks that help finds a shipped topic for every
// command players see.
func TestEveryCommandHasHelp(t *testing.T) {
	help, err := loadHelp(data.Help())
	if err != nil {
		t.Fatal(err)
	}
	for _, cmd := range allCommands() {
		if cmd.summary == "" {
			continue // hidden: admin, system
		}
		if _, isDir := parseDirection(cmd.name); isDir {
			continue // "help directions"
		}
		if !help.has(cmd.name) && !help.has(cmd.topic) {
			t.Errorf("command %s has no help topic (name it or set topic)", cmd.name)
		}
	}
}

// lineDiff shows lines only in want (-) and only in got (+).
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for _, l := range w {
		if !slices.Contains(g, l) {
			b.WriteString("- " + l + "\n")
		}
	}
	for _, l := range g {
		if !slices.Contains(w, l) {
			b.WriteString("+ " + l + "\n")
		}
	}
	return b.String()
}

// FuzzDispatch types arbitrary lines at a playing character: never a
// panic, always an answer.
func FuzzDispatch(f *testing.F) {
	for _, s := range []string{"look", "get 99999999999.lamp", "get -3 tonic", "put satchel in satchel",
		"give $1.50 to bob", "give 2.x to", "all.", "\xff", "i", "get all from all", "unlock n", "'", "wear 0.0"} {
		f.Add(s)
	}
	tw := newTestWorld(f, "")
	p := tw.create(f, "Fuzzy")
	tw.giveItems(f, "Fuzzy", "satchel", 1)
	prev := ""
	f.Fuzz(func(t *testing.T, line string) {
		defer func() { prev = line }()
		if strings.EqualFold(strings.TrimSpace(line), "quit") || strings.HasPrefix(strings.ToLower(strings.TrimSpace(line)), "quit ") {
			return
		}
		p.t = t
		got := p.do(line)
		if p.conn.isClosed() {
			t.Fatalf("%q closed the session (%v): %q", line, p.conn.cause, got)
		}
		if !strings.HasSuffix(got, "> ") {
			t.Fatalf("no prompt after %q (the line before: %q, closed %v): %q", line, prev, p.conn.isClosed(), got)
		}
	})
}
