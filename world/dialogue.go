package world

// dialogue is a conversation a command hands to the session's read loop:
// every line the player types goes to it, not to the command table, until
// it reports that it is over. It runs on the read loop, so it may hash or
// read the store; what it changes in the world it posts to the loop.
type dialogue interface {
	// line takes one line and reports whether the dialogue is over. A
	// dialogue that is over has told the player so and had the loop show
	// the prompt (see endDialogue).
	line(text string) bool
}

// endDialogue has the loop show the player's prompt once a dialogue is
// over. Read loop only.
func (s *Session) endDialogue() {
	s.w.post(func() {
		if s.char != nil {
			s.conn.Prompt(s.char.promptText())
		}
	})
}
