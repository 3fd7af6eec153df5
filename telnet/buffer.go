package telnet

// minBufferCap is the capacity a parser buffer starts with.
const minBufferCap = 64

// keepBufferCap is the largest capacity a parser buffer keeps between uses;
// a larger one is released so that an idle connection holds little memory.
const keepBufferCap = 256

// growCapped makes room for n more bytes in buf without letting its capacity
// go over limit. The caller has checked that len(buf)+n <= limit.
func growCapped(buf []byte, n, limit int) []byte {
	need := len(buf) + n
	if need <= cap(buf) {
		return buf
	}
	size := min(max(2*cap(buf), minBufferCap, need), limit)
	grown := make([]byte, len(buf), size)
	copy(grown, buf)
	return grown
}

// recycle empties buf for its next use, releasing it when it grew large.
func recycle(buf []byte) []byte {
	if cap(buf) > keepBufferCap {
		return nil
	}
	return buf[:0]
}
