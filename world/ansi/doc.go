// Package ansi renders the colour the world writes for what a client can
// show, and text for clients that cannot take UTF-8. Both transports use it.
//
// The world writes colour as ANSI SGR sequences (ESC [ ... m): 24-bit
// colour (38;2;r;g;b and 48;2;r;g;b), 256-colour indexes (38;5;n), the 16
// basic colours and the plain attributes (bold, underline, ...). Render
// turns them into what a Mode allows: truecolour as written, the nearest of
// the xterm 256 colours, the nearest of the 16 ANSI colours, or nothing.
// Any other escape sequence is removed, so the world cannot move a cursor
// or retitle a window by accident.
//
// AppendASCII transliterates text to plain ASCII: curly quotes become
// straight ones, accented letters lose their accents, dashes and ellipses
// become "--" and "...", and anything else outside ASCII becomes "?".
//
// Everything here is pure: no state, safe for concurrent use.
package ansi
