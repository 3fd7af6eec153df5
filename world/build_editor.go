package world

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"mythosd/store"
)

// editorWidth is the width the editor shows a description at.
const editorWidth = 72

// editorPrompt asks for the editor's next line.
const editorPrompt = "] "

// editorHelp is what .h shows.
const editorHelp = `Type the description line by line; lines run together into one
paragraph, and an empty line starts a new one.
  .        save and leave          .q     leave, changing nothing
  .p       show the text, numbered  .c     clear the text
  .d N     delete line N           .h     this help
`

// editorOp is what one line typed into the editor asks for.
type editorOp int

const (
	edText   editorOp = iota // a line of text
	edSave                   // .
	edQuit                   // .q
	edClear                  // .c
	edPrint                  // .p
	edDelete                 // .d N
	edHelp                   // .h
	edBad                    // a dot command the editor does not know, or .d without a line
)

// parseEditorLine reads one line typed into the editor: its op, and for
// .d the line number (1 and up).
func parseEditorLine(line string) (editorOp, int) {
	cmd := strings.TrimSpace(line)
	if !strings.HasPrefix(cmd, ".") || strings.Contains(cmd, "..") {
		return edText, 0
	}
	switch cmd {
	case ".":
		return edSave, 0
	case ".q":
		return edQuit, 0
	case ".c":
		return edClear, 0
	case ".p":
		return edPrint, 0
	case ".h":
		return edHelp, 0
	}
	if rest, ok := strings.CutPrefix(cmd, ".d"); ok {
		n, err := strconv.Atoi(strings.TrimSpace(rest))
		if err != nil || n < 1 {
			return edBad, 0
		}
		return edDelete, n
	}
	if len(cmd) <= 3 {
		return edBad, 0
	}
	return edText, 0 // ".and so it goes": text that starts with a dot
}

// descLines are the editor's lines of a description: each paragraph
// wrapped, an empty line between paragraphs.
func descLines(desc string) []string {
	var lines []string
	for _, para := range strings.Split(desc, "\n") {
		if strings.TrimSpace(para) == "" {
			continue
		}
		if len(lines) > 0 {
			lines = append(lines, "")
		}
		lines = append(lines, strings.Split(wrap(para, editorWidth), "\n")...)
	}
	return lines
}

// joinDesc is the description the editor's lines make, as the world
// format stores it: the lines of a paragraph joined by a space, paragraphs
// by a newline, runs of spaces as one.
func joinDesc(lines []string) string {
	var paras []string
	var para []string
	flush := func() {
		if len(para) > 0 {
			paras = append(paras, strings.Join(para, " "))
			para = para[:0]
		}
	}
	for _, l := range lines {
		words := strings.Fields(l)
		if len(words) == 0 {
			flush()
			continue
		}
		para = append(para, strings.Join(words, " "))
	}
	flush()
	return strings.Join(paras, "\n")
}

// descEditor is the line editor redit desc opens: a dialogue on the
// session's read loop over a copy of the description, which it posts to
// the loop when saved.
type descEditor struct {
	s      *Session
	c      *Character
	room   string // the id of the room being described
	lines  []string
	nbytes int // bytes of text in lines
}

// openEditor hands c's session a description editor for room r.
func (w *World) openEditor(c *Character, r *Room, args string) {
	if strings.TrimSpace(args) != "" {
		c.send("Type redit desc alone; it opens the line editor on the description.\n")
		return
	}
	e := &descEditor{s: c.sess, c: c, room: r.ID, lines: descLines(r.Description)}
	for _, l := range e.lines {
		e.nbytes += len(l)
	}
	c.sess.dialog = e
	c.send("Editing the description of " + r.Name + ". A line with . alone saves, .q leaves, .h helps.\n" + e.numbered())
	c.sess.conn.Prompt(editorPrompt)
}

// numbered is the text with line numbers.
func (e *descEditor) numbered() string {
	if len(e.lines) == 0 {
		return "(the text is empty)\n"
	}
	var b strings.Builder
	for i, l := range e.lines {
		b.WriteString(strconv.Itoa(i+1) + ": " + l + "\n")
	}
	return b.String()
}

// line takes one line typed into the editor. Read loop only.
func (e *descEditor) line(text string) bool {
	op, n := parseEditorLine(text)
	switch op {
	case edSave:
		return e.save()
	case edQuit:
		return e.end("The description is unchanged.")
	case edClear:
		e.lines, e.nbytes = nil, 0
		e.say("The text is cleared.\n")
	case edPrint:
		e.say(e.numbered())
	case edHelp:
		e.say(editorHelp)
	case edDelete:
		e.deleteLine(n)
	case edBad:
		e.say("The editor knows ., .q, .c, .p, .d N and .h.\n")
	default:
		e.add(text)
	}
	return false
}

// say shows text and asks for the next line.
func (e *descEditor) say(text string) {
	e.s.conn.Send(text)
	e.s.conn.Prompt(editorPrompt)
}

// add takes a line of text, within the editor's limits.
func (e *descEditor) add(text string) {
	text = strings.TrimRight(text, " \t")
	switch {
	case !utf8.ValidString(text) || strings.ContainsFunc(text, isControl):
		e.say("That line is not plain UTF-8 text; it was not taken.\n")
	case len(e.lines) >= maxDescLines:
		e.say("A description holds at most " + strconv.Itoa(maxDescLines) + " lines; that one was not taken. Save with . or delete lines with .d N.\n")
	case e.nbytes+len(text)+len(e.lines) > maxDescBytes:
		e.say("A description holds at most " + strconv.Itoa(maxDescBytes) + " bytes; that line was not taken. Save with . or delete lines with .d N.\n")
	default:
		e.lines = append(e.lines, text)
		e.nbytes += len(text)
		e.s.conn.Prompt(editorPrompt)
	}
}

// deleteLine deletes line n (1 and up).
func (e *descEditor) deleteLine(n int) {
	if n > len(e.lines) {
		e.say("There is no line " + strconv.Itoa(n) + "; .p shows them.\n")
		return
	}
	e.nbytes -= len(e.lines[n-1])
	e.lines = append(e.lines[:n-1], e.lines[n:]...)
	e.say("Line " + strconv.Itoa(n) + " is deleted.\n")
}

// save posts the description to the loop, unless it is empty.
func (e *descEditor) save() bool {
	desc := joinDesc(e.lines)
	if desc == "" {
		e.say("A room needs a description; write a line, or leave with .q.\n")
		return false
	}
	w, c, id := e.s.w, e.c, e.room
	w.post(func() {
		if w.reload.Running {
			c.send(reloadBusyText + "Your description was not saved; here it is, to write again:\n" + desc + "\n")
			return
		}
		w.withRoom(c, id, func(r *Room, err error) {
			if err != nil {
				c.send("The room is gone; the description was not saved.\n")
				return
			}
			w.editRoom(c, r, "the description of "+r.Name, "The description of "+r.Name+" is saved.",
				func(sr *store.Room) error { sr.Description = desc; return nil })
		})
	})
	e.s.endDialogue()
	return true
}

// end leaves the editor with a last line.
func (e *descEditor) end(text string) bool {
	e.s.conn.Send(text + "\n")
	e.s.endDialogue()
	return true
}
