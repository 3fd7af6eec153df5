package telnet

import (
	"math/bits"
	"slices"
)

// Sizes of a deflater's state: what it remembers of the text it sent, and
// the table that finds repeats in it.
const (
	deflateHistory  = 4 << 10 // bytes of past output a match may refer to
	deflateHashBits = 9
	deflateChunk    = 32 << 10 // most bytes compressed as one block
)

// Deflate format limits (RFC 1951).
const (
	minMatch    = 4 // shortest repeat worth a length/distance pair here
	maxMatch    = 258
	maxDistance = 32768
)

// deflater is one connection's compressor for MCCP2: LZ77 over the last
// few KiB of output with the fixed Huffman codes of RFC 1951, one block
// per batch, each ended by a sync flush so that the client can show it at
// once. It holds some 6 KiB, where a compress/flate writer holds 800 KiB;
// fixed codes give up the entropy coding of text, and keep the repeats
// (prompts, room descriptions, lists of names) that make MUD output
// compressible.
type deflater struct {
	hist  []byte                       // recent output, ending with what is being compressed
	base  int                          // position in the whole output of hist[0]
	table [1 << deflateHashBits]uint32 // position + 1 in the whole output of the last sequence with each hash
	out   bitWriter
}

// maxDeflatePosition bounds positions in the table; past it the table
// starts over, which costs a few matches once every gigabyte.
const maxDeflatePosition = 1 << 30

// compress appends p as deflate blocks, flushed to a byte boundary.
func (d *deflater) compress(dst, p []byte) []byte {
	d.out.dst = dst
	for len(p) > 0 {
		n := min(len(p), deflateChunk)
		d.block(p[:n])
		p = p[n:]
	}
	dst, d.out.dst = d.out.dst, nil
	return dst
}

// block compresses p as one block, with fixed codes or stored when those
// would take more room than p itself, then flushes: an empty stored block
// (the sync marker) makes inflaters hand over all they have.
func (d *deflater) block(p []byte) {
	start := len(d.hist)
	d.hist = append(d.hist, p...)
	// Room for the worst case (9 bits a byte, the markers), so that the
	// bit writer never grows the buffer deep in its calls.
	d.out.dst = slices.Grow(d.out.dst, len(p)+len(p)/8+2*storedOverhead+8)
	mark := len(d.out.dst)
	d.out.writeBits(0b010, 3) // BFINAL 0, BTYPE 01: fixed codes
	d.encode(start)
	d.out.writeSymbol(256) // end of block
	if len(d.out.dst)-mark >= len(p)+storedOverhead {
		d.out.dst, d.out.acc, d.out.nbits = d.out.dst[:mark], 0, 0
		d.out.stored(p)
	}
	d.out.stored(nil)
	d.forget()
}

// encode emits d.hist[start:] as literals and matches.
func (d *deflater) encode(start int) {
	h := d.hist
	for i := start; i < len(h); {
		if n, dist := d.match(i); n > 0 {
			d.out.writeMatch(n, dist)
			for j := i + 1; j < i+n && j+minMatch <= len(h); j++ {
				d.table[hash4(h[j:])] = uint32(d.base + j + 1)
			}
			i += n
			continue
		}
		d.out.writeSymbol(int(h[i]))
		i++
	}
}

// match finds a repeat of the text at i and records i in the table. It
// returns the length and distance of the repeat, or 0.
func (d *deflater) match(i int) (length, distance int) {
	h := d.hist
	if i+minMatch > len(h) {
		return 0, 0
	}
	key := hash4(h[i:])
	cand := int(d.table[key]) - 1 - d.base // negative: empty, or slid out of hist
	d.table[key] = uint32(d.base + i + 1)
	if cand < 0 || i-cand > maxDistance || [minMatch]byte(h[cand:]) != [minMatch]byte(h[i:]) {
		return 0, 0
	}
	n := minMatch
	for limit := min(len(h)-i, maxMatch); n < limit && h[cand+n] == h[i+n]; n++ {
	}
	return n, i - cand
}

// forget keeps only the last deflateHistory bytes of history. The table
// holds positions in the whole output, so it stays as it is.
func (d *deflater) forget() {
	drop := len(d.hist) - deflateHistory
	if drop <= 0 {
		return
	}
	if cap(d.hist) > 2*deflateHistory {
		d.hist = append(make([]byte, 0, deflateHistory), d.hist[drop:]...)
	} else {
		d.hist = d.hist[:copy(d.hist, d.hist[drop:])]
	}
	d.base += drop
	if d.base > maxDeflatePosition {
		d.base = 0
		clear(d.table[:])
	}
}

// hash4 hashes the 4 bytes at the start of b.
func hash4(b []byte) uint32 {
	v := uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
	return (v * 0x9e3779b1) >> (32 - deflateHashBits)
}

// bitWriter packs deflate's bit stream, least significant bit first.
type bitWriter struct {
	dst   []byte
	acc   uint64
	nbits uint
}

// writeBits appends the n low bits of v.
func (w *bitWriter) writeBits(v uint64, n uint) {
	w.acc |= v << w.nbits
	w.nbits += n
	for w.nbits >= 8 {
		w.dst = append(w.dst, byte(w.acc))
		w.acc >>= 8
		w.nbits -= 8
	}
}

// writeCode appends a Huffman code of n bits, which goes most significant
// bit first.
func (w *bitWriter) writeCode(code uint16, n uint) {
	w.writeBits(uint64(bits.Reverse16(code)>>(16-n)), n)
}

// align pads with zero bits to the byte.
func (w *bitWriter) align() {
	if w.nbits > 0 {
		w.writeBits(0, 8-w.nbits)
	}
}

// writeSymbol appends literal/length symbol s (0-287) in the fixed code.
func (w *bitWriter) writeSymbol(s int) {
	switch {
	case s < 144:
		w.writeCode(uint16(0x30+s), 8)
	case s < 256:
		w.writeCode(uint16(0x190+s-144), 9)
	case s < 280:
		w.writeCode(uint16(s-256), 7)
	default:
		w.writeCode(uint16(0xc0+s-280), 8)
	}
}

// writeMatch appends a length (3-258) and a distance (1-32768).
func (w *bitWriter) writeMatch(length, distance int) {
	sym, extraBits, extra := lengthCode(length)
	w.writeSymbol(sym)
	w.writeBits(uint64(extra), extraBits)
	code, extraBits, extra := distanceCode(distance)
	w.writeCode(uint16(code), 5)
	w.writeBits(uint64(extra), extraBits)
}

// storedOverhead is what a stored block adds to its data: its header,
// padded to the byte, and LEN and NLEN.
const storedOverhead = 5

// stored appends p as a stored block (p is at most 65535 bytes), which
// ends at a byte boundary.
func (w *bitWriter) stored(p []byte) {
	w.writeBits(0, 3) // BFINAL 0, BTYPE 00
	w.align()
	n := uint16(len(p))
	w.dst = append(w.dst, byte(n), byte(n>>8), byte(^n), byte(^n>>8))
	w.dst = append(w.dst, p...)
}

// lengthCode returns the symbol of a match length (3-258) and its extra
// bits (RFC 1951, 3.2.5).
func lengthCode(length int) (sym int, extraBits uint, extra int) {
	if length == maxMatch {
		return 285, 0, 0
	}
	n := length - 3
	if n < 8 {
		return 257 + n, 0, 0
	}
	eb := bits.Len(uint(n)) - 3
	return 257 + 4*eb + 4 + (n>>eb)&3, uint(eb), n & (1<<eb - 1)
}

// distanceCode returns the code of a distance (1-32768) and its extra
// bits.
func distanceCode(distance int) (code int, extraBits uint, extra int) {
	d := distance - 1
	if d < 4 {
		return d, 0, 0
	}
	eb := bits.Len(uint(d)) - 2
	return 2*eb + 2 + (d>>eb)&1, uint(eb), d & (1<<eb - 1)
}
