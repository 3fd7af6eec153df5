package telnet

import (
	"bytes"
	"compress/flate"
	"compress/zlib"
	"errors"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
)

// errNeedMore is what feed returns when the inflater asks for bytes that
// have not been sent yet.
var errNeedMore = errors.New("the inflater wants more than was sent")

// feed hands an inflater what was sent so far, and no more.
type feed struct{ sent []byte }

func (f *feed) Read(p []byte) (int, error) {
	if len(f.sent) == 0 {
		return 0, errNeedMore
	}
	n := copy(p, f.sent)
	f.sent = f.sent[n:]
	return n, nil
}

// checkDeflate compresses batches with one deflater and checks that one
// inflater, as a client's, gets each batch back whole as soon as it is
// sent, without waiting for more.
func checkDeflate(tb testing.TB, batches [][]byte) (wire int) {
	tb.Helper()
	return checkDeflater(tb, &deflater{}, batches)
}

// checkDeflater is checkDeflate with a given deflater.
func checkDeflater(tb testing.TB, d *deflater, batches [][]byte) (wire int) {
	tb.Helper()
	in := &feed{}
	zr := flate.NewReader(in)
	for i, b := range batches {
		out := d.compress(nil, b)
		wire += len(out)
		in.sent = append(in.sent, out...)
		got := make([]byte, len(b))
		if _, err := io.ReadFull(zr, got); err != nil || !bytes.Equal(got, b) {
			tb.Fatalf("batch %d of %d bytes: read %v, equal %v", i, len(b), err, bytes.Equal(got, b))
		}
	}
	if cap(d.hist) > 2*deflateHistory || len(d.hist) > deflateHistory {
		tb.Fatalf("history of %d bytes (capacity %d) kept", len(d.hist), cap(d.hist))
	}
	return wire
}

func TestDeflate(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 2))
	random := func(n int) []byte {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(rng.IntN(256))
		}
		return b
	}
	room := []byte("Derby Street [Northside]\r\nGaslamps hiss along the cobbles; the fog has come up again.\r\nExits: north, south.\r\n> \xff\xef")
	tests := []struct {
		name    string
		batches [][]byte
		maxWire int // the compressed stream must not be longer
	}{
		{"empty batches", [][]byte{{}, nil, {}}, 0},
		{"one byte", [][]byte{{'x'}}, 8},
		{"every byte value", [][]byte{random(256), bytes.Repeat([]byte{0xff}, 300)}, 600},
		{"a repeated room", [][]byte{room, room, room, room}, len(room) + 3*16},
		{"long repeats", [][]byte{bytes.Repeat([]byte("ab"), 5000)}, 400},
		{"maximum match lengths", [][]byte{bytes.Repeat([]byte{'z'}, 258*3+7)}, 40},
		{"random data goes stored", [][]byte{random(1000), random(70000)}, 71100},
		{"beyond a chunk", [][]byte{bytes.Repeat(room, 1000)}, len(room) * 40},
		{"history slides", [][]byte{random(3000), room, random(3000), room, random(5000), room}, 16000},
		{"a match across batches", [][]byte{[]byte("Hello, Armitage"), []byte("Hello, Armitage")}, 40},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if wire := checkDeflate(t, tt.batches); wire > tt.maxWire && tt.maxWire > 0 {
				t.Fatalf("%d bytes on the wire, want at most %d", wire, tt.maxWire)
			}
		})
	}
}

// TestDeflatePositionsStartOver runs a deflater past the largest position
// it keeps: the table starts over and the stream stays right.
func TestDeflatePositionsStartOver(t *testing.T) {
	d := &deflater{base: maxDeflatePosition - 1000}
	room := bytes.Repeat([]byte("Exits: north, south, east, west. "), 40)
	batches := [][]byte{room, room, room, room, room, room, room, room}
	if wire := checkDeflater(t, d, batches); wire > 2*len(room) {
		t.Fatalf("%d bytes on the wire for %d repeated", wire, len(batches)*len(room))
	}
	if d.base > len(batches)*len(room) {
		t.Fatalf("base %d did not start over", d.base)
	}
}

// FuzzDeflate checks that whatever is sent, batch by batch, inflates back.
func FuzzDeflate(f *testing.F) {
	f.Add([]byte("look\r\n> look\r\n> "), uint8(3))
	f.Add(bytes.Repeat([]byte("\xff\x00abc"), 200), uint8(17))
	f.Fuzz(func(t *testing.T, data []byte, cuts uint8) {
		var batches [][]byte
		step := max(len(data)/(int(cuts)%16+1), 1)
		for len(data) > 0 {
			n := min(step, len(data))
			batches = append(batches, data[:n], data[:n]) // repeats find matches
			data = data[n:]
		}
		checkDeflate(t, batches)
	})
}

// TestDeflateCodes checks the length and distance codes against the
// tables of RFC 1951, 3.2.5.
func TestDeflateCodes(t *testing.T) {
	lengthBase := []int{3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115,
		131, 163, 195, 227, 258}
	lengthExtra := []uint{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0}
	for length := 3; length <= 258; length++ {
		sym, eb, extra := lengthCode(length)
		k := sym - 257
		if k < 0 || k >= len(lengthBase) || eb != lengthExtra[k] || lengthBase[k]+extra != length || extra >= 1<<eb && eb > 0 {
			t.Fatalf("length %d: symbol %d, %d extra bits = %d", length, sym, eb, extra)
		}
	}
	distBase := []int{1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
		2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577}
	for dist := 1; dist <= maxDistance; dist++ {
		code, eb, extra := distanceCode(dist)
		wantEB := uint(max(code/2-1, 0))
		if code < 0 || code >= len(distBase) || eb != wantEB || distBase[code]+extra != dist || (eb > 0 && extra >= 1<<eb) {
			t.Fatalf("distance %d: code %d, %d extra bits = %d", dist, code, eb, extra)
		}
	}
}

// TestMCCP2StreamEnds checks the zlib framing: the header, the final block
// and the checksum, as a zlib reader verifies them.
func TestMCCP2StreamEnds(t *testing.T) {
	s := newMCCP2Stream()
	wire := s.start(nil)
	if got := string(wire); got != mccp2Start+zlibHeader {
		t.Fatalf("start %q", got)
	}
	wire = wire[len(mccp2Start):]
	text := strings.Repeat("The stars are right. ", 50)
	for range 3 {
		wire = s.compress(wire, []byte(text))
	}
	zr, err := zlib.NewReader(bytes.NewReader(s.finish(wire)))
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(zr)
	if err != nil {
		t.Fatalf("the stream does not end cleanly: %v", err)
	}
	if string(got) != strings.Repeat(text, 3) {
		t.Fatalf("got %d bytes back", len(got))
	}
}
