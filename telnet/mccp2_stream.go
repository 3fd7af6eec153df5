package telnet

import (
	"hash"
	"hash/adler32"
)

// Pieces of the MCCP2 stream around the compressed batches.
const (
	// mccp2Start precedes the stream: IAC SB MCCP2 IAC SE.
	mccp2Start = "\xff\xfa\x56\xff\xf0"
	// zlibHeader starts the zlib stream (RFC 1950): deflate, 32 KiB
	// window, no dictionary.
	zlibHeader = "\x78\x01"
	// finalBlock is an empty final deflate block with fixed codes: BFINAL
	// 1, BTYPE 01, end-of-block, padded to the byte.
	finalBlock = "\x03\x00"
)

// mccp2Stream is one connection's compressed stream: a zlib stream whose
// deflate data comes batch by batch from a deflater, each batch flushed.
// It exists only while the client has compression on.
type mccp2Stream struct {
	d   deflater
	sum hash.Hash32 // Adler-32 of everything compressed so far
}

// newMCCP2Stream starts a stream.
func newMCCP2Stream() *mccp2Stream {
	return &mccp2Stream{sum: adler32.New()}
}

// start appends what opens the stream.
func (s *mccp2Stream) start(dst []byte) []byte {
	return append(append(dst, mccp2Start...), zlibHeader...)
}

// compress appends p compressed and flushed.
func (s *mccp2Stream) compress(dst, p []byte) []byte {
	s.sum.Write(p) // a hash never fails
	return s.d.compress(dst, p)
}

// finish appends what ends the stream: an empty final block and the
// checksum of everything compressed.
func (s *mccp2Stream) finish(dst []byte) []byte {
	return s.sum.Sum(append(dst, finalBlock...)) // the sum is big-endian
}
