package telnet

import (
	"compress/flate"
	"fmt"
	"hash"
	"hash/adler32"
	"sync"
)

// DefaultCompressionLevel is the deflate level of MCCP2 when
// Server.CompressionLevel is 0: the fastest, whose reset between batches
// costs nothing (levels 2 to 9 clear a 512 KiB table at each batch).
const DefaultCompressionLevel = flate.BestSpeed

// Pieces of the MCCP2 stream around the compressed batches.
const (
	// mccp2Start precedes the stream: IAC SB MCCP2 IAC SE.
	mccp2Start = "\xff\xfa\x56\xff\xf0"
	// zlibHeader starts the zlib stream (RFC 1950): deflate, 32 KiB
	// window, no dictionary, fastest.
	zlibHeader = "\x78\x01"
	// finalBlock is an empty final deflate block with fixed codes: BFINAL
	// 1, BTYPE 01, end-of-block, padded to the byte.
	finalBlock = "\x03\x00"
)

// compressors lends deflate writers to the connections' write loops.
// A deflate writer holds some 800 KiB, so connections do not keep one: each
// batch of output is compressed by a borrowed writer, so an idle
// compressing connection holds only its checksum.
type compressors struct {
	level int
	pool  sync.Pool // of *flate.Writer
}

// newCompressors returns a pool of writers at level.
func newCompressors(level int) *compressors {
	return &compressors{level: level}
}

// get borrows a writer; it fails when level is not a deflate level.
func (p *compressors) get() (*flate.Writer, error) {
	if w, ok := p.pool.Get().(*flate.Writer); ok {
		return w, nil
	}
	w, err := flate.NewWriter(nil, p.level)
	if err != nil {
		return nil, fmt.Errorf("make deflate writer: %w", err)
	}
	return w, nil
}

// put returns a writer.
func (p *compressors) put(w *flate.Writer) { p.pool.Put(w) }

// mccp2Stream is one connection's compressed stream: a zlib stream whose
// deflate data is a series of batches, each compressed on its own by a
// borrowed writer and ended by a sync flush, so that the client can show
// each at once. A batch refers only to itself, which costs some ratio but
// no memory between batches.
type mccp2Stream struct {
	pool *compressors
	sum  hash.Hash32 // Adler-32 of everything compressed so far
	buf  wireBuffer  // where the borrowed writer writes
}

// newMCCP2Stream checks that the pool can lend a writer and starts a
// stream.
func newMCCP2Stream(pool *compressors) (*mccp2Stream, error) {
	w, err := pool.get()
	if err != nil {
		return nil, err
	}
	pool.put(w)
	return &mccp2Stream{pool: pool, sum: adler32.New()}, nil
}

// start appends what opens the stream.
func (s *mccp2Stream) start(dst []byte) []byte {
	return append(append(dst, mccp2Start...), zlibHeader...)
}

// compress appends p compressed and flushed.
func (s *mccp2Stream) compress(dst, p []byte) ([]byte, error) {
	w, err := s.pool.get()
	if err != nil {
		return dst, err
	}
	defer s.pool.put(w)
	s.buf.b = dst
	w.Reset(&s.buf)
	if _, err := w.Write(p); err != nil {
		return dst, fmt.Errorf("compress: %w", err)
	}
	if err := w.Flush(); err != nil {
		return dst, fmt.Errorf("compress: %w", err)
	}
	s.sum.Write(p) // a hash never fails
	dst, s.buf.b = s.buf.b, nil
	return dst, nil
}

// finish appends what ends the stream: an empty final block and the
// checksum of everything compressed.
func (s *mccp2Stream) finish(dst []byte) []byte {
	return s.sum.Sum(append(dst, finalBlock...)) // the sum is big-endian
}
