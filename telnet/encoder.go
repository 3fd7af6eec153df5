package telnet

import (
	"strings"

	"mythosd/world/ansi"
)

// encoder turns outbox messages into the bytes of one write: text
// rendered for the client, telnet escaping, and MCCP2 compression. It
// belongs to the write loop.
type encoder struct {
	c       *Conn
	out     []byte       // the bytes to write
	plain   []byte       // encoded bytes waiting to be compressed
	scratch [2][]byte    // rendering and transliteration
	z       *mccp2Stream // non-nil while compressing
	style   outputStyle  // taken at the start of each batch
}

// begin starts a batch.
func (e *encoder) begin() {
	e.out = e.out[:0]
	e.style = e.c.outputStyle()
}

// size is how many bytes the batch holds so far.
func (e *encoder) size() int { return len(e.out) + len(e.plain) }

// add encodes one message.
func (e *encoder) add(m message) {
	switch m.kind {
	case msgCompressOn:
		e.startCompression()
	case msgCompressOff:
		e.endCompression()
	default:
		if e.z == nil {
			e.out = e.encode(e.out, m)
		} else {
			e.plain = e.encode(e.plain, m)
		}
	}
}

// end finishes the batch, compressing and flushing what waits, and returns
// the bytes to write.
func (e *encoder) end() []byte {
	e.compressPlain()
	return e.out
}

// finish ends the compressed stream, if any, before the connection closes.
func (e *encoder) finish() []byte {
	e.endCompression()
	return e.out
}

// keepWriteCap is the largest encoder buffer kept while the outbox is idle.
const keepWriteCap = 512

// release lets go of buffers that grew large, so that an idle connection
// holds little memory.
func (e *encoder) release() {
	for _, b := range []*[]byte{&e.out, &e.plain, &e.scratch[0], &e.scratch[1]} {
		if cap(*b) > keepWriteCap {
			*b = nil
		}
	}
}

// encode appends the wire form of m, uncompressed.
func (e *encoder) encode(dst []byte, m message) []byte {
	switch m.kind {
	case msgRaw:
		return append(dst, m.text...)
	case msgGMCP:
		dst = append(dst, cmdIAC, cmdSB, OptGMCP)
		return append(appendEscaped(dst, m.text), cmdIAC, cmdSE)
	case msgPrompt:
		return append(e.appendText(dst, m.text), e.style.promptEnd...)
	default:
		return e.appendText(dst, m.text)
	}
}

// appendText appends text rendered for the client's colours and character
// set, with line ends translated and IAC doubled. Text that needs no
// rendering, the usual case, takes the short path.
func (e *encoder) appendText(dst []byte, s string) []byte {
	if strings.IndexByte(s, '\x1b') >= 0 || e.style.ascii && !ansi.IsASCII(s) {
		return appendText(dst, e.render(s))
	}
	return appendText(dst, s)
}

// render returns s with its colour rendered and, for an ASCII client,
// transliterated; the result is valid until the next call.
func (e *encoder) render(s string) []byte {
	text := append(e.scratch[0][:0], s...)
	if strings.IndexByte(s, '\x1b') >= 0 {
		text = ansi.Render(text[:0], s, e.style.mode)
	}
	e.scratch[0] = text
	if e.style.ascii {
		e.scratch[1] = ansi.AppendASCII(e.scratch[1][:0], string(text))
		return e.scratch[1]
	}
	return text
}

// startCompression starts MCCP2 here.
func (e *encoder) startCompression() {
	if e.z != nil {
		return
	}
	e.z = newMCCP2Stream()
	e.out = e.z.start(e.out)
	e.c.logger.Debug("MCCP2 compression started", "remote", e.c.nc.Remote())
}

// endCompression finishes the compressed stream; what follows is plain.
func (e *encoder) endCompression() {
	if e.z == nil {
		return
	}
	e.compressPlain()
	e.out = e.z.finish(e.out)
	e.z = nil
	e.c.logger.Debug("MCCP2 compression ended", "remote", e.c.nc.Remote())
}

// compressPlain compresses and flushes what waits.
func (e *encoder) compressPlain() {
	if e.z == nil || len(e.plain) == 0 {
		return
	}
	e.out = e.z.compress(e.out, e.plain)
	e.plain = e.plain[:0]
}
