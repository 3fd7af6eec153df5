package world

import (
	"strconv"
	"strings"
	"testing"
)

// TestDescriptionEditor: the line editor shows the text numbered, takes
// lines, prints, deletes, clears, caps the text, gives up with .q and
// saves with . into paragraphs, which the next look shows.
func TestDescriptionEditor(t *testing.T) {
	tw, bea, wilbur := buildWorld(t)
	wantContains(t, bea.do("redit desc"), "Editing the description of Ward.", "1: The Ward is quiet. Something watches.", editorPrompt)
	wantContains(t, bea.do(".c"), "The text is cleared.")
	wantContains(t, bea.do(".p"), "(the text is empty)")
	wantContains(t, bea.do("."), "A room needs a description")
	for _, l := range []string{"Iron beds stand in rows", "under a flickering bulb.", "", "A draught", "smells of the sea.", "a typo"} {
		bea.do(l)
	}
	wantContains(t, bea.do(".p"), "1: Iron beds stand in rows", "3: ", "6: a typo")
	wantContains(t, bea.do(".d 6"), "Line 6 is deleted.")
	wantContains(t, bea.do(".d 6"), "There is no line 6")
	wantContains(t, bea.do(".d 99999999999999999999999"), "The editor knows")
	wantContains(t, bea.do(".x"), "The editor knows")
	wantContains(t, bea.do(".h"), "an empty line starts a new one")
	wantContains(t, wilbur.do("look"), "The Ward is quiet.") // nothing changes until saved
	saved := bea.do(".")
	tw.sync() // the save runs on the loop
	wantContains(t, saved+bea.conn.take(), "The description of Ward is saved.")
	wantContains(t, wilbur.do("look"), "Iron beds stand in rows under a flickering bulb.\nA draught smells of the sea.")
	if r, _ := tw.liveRoom(t, "ward"); r.Description != "Iron beds stand in rows under a flickering bulb.\nA draught smells of the sea." {
		t.Errorf("description = %q", r.Description)
	}
	if got := bea.do("look"); !strings.Contains(got, "Iron beds") {
		t.Errorf("the builder is still in the editor: %q", got)
	}

	bea.do("redit desc")
	bea.do("nothing of this is kept")
	wantContains(t, bea.do(".q"), "The description is unchanged.")
	wantContains(t, bea.do("undo"), "Undone: the description of Ward.")
	wantContains(t, wilbur.do("look"), "The Ward is quiet.")
}

// TestDescriptionEditorLimits: lines beyond the caps are refused with a
// clear answer; bad text is refused.
func TestDescriptionEditorLimits(t *testing.T) {
	_, bea, _ := buildWorld(t)
	bea.do("redit desc")
	bea.do(".c")
	for i := range maxDescLines {
		bea.do("line " + strconv.Itoa(i))
	}
	wantContains(t, bea.do("one too many"), "at most 60 lines")
	bea.do(".c")
	for range maxDescBytes / 1000 {
		bea.do(strings.Repeat("x", 999))
	}
	wantContains(t, bea.do(strings.Repeat("y", 200)), "at most 4096 bytes")
	wantContains(t, bea.do("bad \xff bytes"), "not plain UTF-8")
	bea.do(".q")
}

// TestDescLinesRoundTrip: a description split into editor lines and
// joined again is itself, paragraphs kept.
func TestDescLinesRoundTrip(t *testing.T) {
	for _, d := range []string{
		"One line.",
		"First paragraph, long enough to be wrapped over more than one line of the editor, which is seventy-two wide.\nSecond.",
		"",
	} {
		if got := joinDesc(descLines(d)); got != d {
			t.Errorf("round trip of %q = %q", d, got)
		}
	}
}

// FuzzEditorLine: any line is read as one editor op without panic; a line
// number is positive; text survives the trip through descLines.
func FuzzEditorLine(f *testing.F) {
	for _, s := range []string{".", ".q", ".c", ".p", ".h", ".d 3", ".d -1", ".d 99999999999999999999", "...", ".and", "text", " . ", "a\nb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		op, n := parseEditorLine(line)
		if op == edDelete && n < 1 {
			t.Fatalf("parseEditorLine(%q) = delete %d", line, n)
		}
		if op != edText && strings.TrimSpace(line) == "" {
			t.Fatalf("parseEditorLine(%q) = %d for a blank line", line, op)
		}
		d := joinDesc([]string{line})
		if again := joinDesc(descLines(d)); again != d {
			t.Fatalf("descLines round trip of %q: %q", d, again)
		}
	})
}
