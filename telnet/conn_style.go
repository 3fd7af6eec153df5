package telnet

import (
	"mythosd/world"
	"mythosd/world/ansi"
)

// styleOverride is what the player chose with `config color` and `config
// screenreader`, over what the client reported.
type styleOverride struct {
	color     world.ColorMode // ColorAuto: as the client reports
	readerSet bool            // the player chose screen-reader mode
	reader    bool
}

// outputStyle is how the write loop renders text at a given moment.
type outputStyle struct {
	mode      ansi.Mode
	ascii     bool   // transliterate to ASCII
	promptEnd []byte // what follows a prompt
}

// SetColorMode sets how colour is rendered; ColorAuto returns to what the
// client reported (TTYPE, MTTS).
func (c *Conn) SetColorMode(m world.ColorMode) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.style.color = m
}

// SetScreenReader turns screen-reader mode on or off, over what the
// client's MTTS flags said: on strips all colour and attributes.
func (c *Conn) SetScreenReader(on bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.style.readerSet, c.style.reader = true, on
}

// Style reports the colour mode in force (the player's choice, else what
// the client reported; never ColorAuto) and whether screen-reader mode is
// on, which mutes colour whatever the mode.
func (c *Conn) Style() (world.ColorMode, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.styleLocked()
}

// styleLocked is Style with mu held.
func (c *Conn) styleLocked() (world.ColorMode, bool) {
	cl := &c.neg.client
	reader := cl.screenReader()
	if c.style.readerSet {
		reader = c.style.reader
	}
	mode := c.style.color
	if mode == world.ColorAuto {
		mode = world.ColorModeOf(cl.colorMode())
	}
	return mode, reader
}

// outputStyle returns how to render text now.
func (c *Conn) outputStyle() outputStyle {
	c.mu.Lock()
	defer c.mu.Unlock()
	mode, reader := c.styleLocked()
	st := outputStyle{mode: mode.Render(), ascii: c.neg.client.ascii(), promptEnd: c.neg.promptEnd()}
	if reader {
		st.mode = ansi.None
	}
	return st
}
