package telnet

import (
	"compress/zlib"
	"fmt"
	"log/slog"
	"net"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"

	"mythosd/world/netcore"
)

// mudInput is typical client input: commands with CR LF, some chat with
// UTF-8, a window resize and a few negotiations.
func mudInput() []byte {
	var b strings.Builder
	for i := range 64 {
		b.WriteString("look\r\nn\r\nget lantern from chest\r\n")
		b.WriteString("say The stars are nearly right, Professor Armitage…\r\n")
		b.WriteString("cast 'elder sign' at shoggoth\r\n")
		if i%8 == 0 {
			b.WriteString("\xff\xfa\x1f\x00\x78\x00\x28\xff\xf0\xff\xfd\x03\xff\xfb\x18")
		}
		b.WriteString("whisper Wilmarth Ça ne va pas\bs finir ainsi.\r\n")
	}
	return []byte(b.String())
}

// countingEvents counts parser events and does nothing else.
type countingEvents struct{ n int }

func (e *countingEvents) line(string)                 { e.n++ }
func (e *countingEvents) lineTooLong()                { e.n++ }
func (e *countingEvents) command(byte, byte)          { e.n++ }
func (e *countingEvents) subnegotiation(byte, []byte) { e.n++ }

func BenchmarkParser(b *testing.B) {
	in := mudInput()
	var p parser
	var ev countingEvents
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		for off := 0; off < len(in); off += readBufferSize {
			p.feed(in[off:min(off+readBufferSize, len(in))], &ev)
		}
	}
}

// BenchmarkConnSend sends room descriptions to a client that reads them as
// fast as it can, through the whole path: outbox, translation, socket.
func BenchmarkConnSend(b *testing.B) {
	c, conn, _ := connect(b, &Server{})
	text := "The Miskatonic library, restricted section. Dust lies thick on the\n" +
		"shelves; a copy of the Necronomicon rests, chained, on a lectern.\n"
	wire := int64(len(text) + strings.Count(text, "\n"))
	var received atomic.Int64
	progress := make(chan struct{}, 1)
	go func() {
		buf := make([]byte, 64<<10)
		for {
			n, err := c.nc.Read(buf)
			received.Add(int64(n))
			select {
			case progress <- struct{}{}:
			default:
			}
			if err != nil {
				return
			}
		}
	}()
	const window = DefaultOutboxSize / 2
	b.SetBytes(wire)
	b.ReportAllocs()
	var sent int64
	for b.Loop() {
		for sent-received.Load()/wire >= window {
			<-progress
		}
		if !conn.Send(text) {
			b.Fatal("the connection was dropped")
		}
		sent++
	}
	for received.Load() < sent*wire {
		<-progress
	}
}

// BenchmarkIdleConnMemory reports the memory that idle logged-in
// connections hold (both ends of each, since the clients run in the same
// process), after each has sent a line and got its answer: with a client
// that answers no option (plain), one that negotiates like TinTin++ but
// refuses compression (negotiated), one that takes MCCP2, and one that
// takes MCCP2 and has read enough to fill the compression history
// (mccp2-busy). The MCCP2 clients do not inflate what they read, so that
// only the server's compression state is counted.
func BenchmarkIdleConnMemory(b *testing.B) {
	negotiated := "\xff\xfb\x1f\xff\xfa\x1f\x00\x50\x00\x18\xff\xf0" + mtts("TINTIN++", "271") +
		"\xff\xfd\x2a\xff\xfa\x2a\x02UTF-8\xff\xf0\xff\xfd\x19" + dontMCCP2
	busy := strings.Repeat("The fog thickens on Derby Street. ", 110) // under MaxLineBytes
	tests := []struct {
		name, answers, line string
		mccp2               bool
	}{
		{"plain", "", "look", false},
		{"negotiated", negotiated, "look", false},
		{"mccp2", doMCCP2, "look", true},
		{"mccp2-busy", doMCCP2, busy, true},
	}
	for _, tt := range tests {
		b.Run(tt.name, func(b *testing.B) {
			const conns = 200
			acc := newTestAcceptor()
			addr := startServer(b, &Server{Acceptor: acc})
			before := heapAndStacks()
			clients := make([]*client, conns)
			for i := range clients {
				c := dial(b, addr)
				c.expect(greeting)
				c.write(tt.answers + tt.line + "\r\n")
				if tt.mccp2 {
					c.readUntil(sbMCCP2)
					c.readUntil("\x00\x00\xff\xff") // the sync flush ends the answer
				} else {
					c.readUntil("you said: " + tt.line + "\r\n")
				}
				clients[i] = c
				acc.next(b)
			}
			after := heapAndStacks()
			for b.Loop() {
				// The measure is the metric below; the loop only satisfies
				// the benchmark harness.
			}
			b.ReportMetric(float64(after-before)/conns, "B/conn")
		})
	}
}

// mudOutput is a varied stream of what a player reads: rooms, chat,
// prompts and status lines, different each time.
func mudOutput(n int) []string {
	rooms := []string{
		"East Ward, Bed Nine [Arkham Sanitarium]\nYou wake in a narrow iron bed beneath a window of frosted glass, the sheets\n" +
			"starched stiff and smelling of carbolic soap. Gas mantles turned low along the\nwall give the ward a patient amber glow.\nExits: west.\n",
		"Derby Street [Northside]\nGaslamps hiss along the cobbles; the fog has come up from the Miskatonic\n" +
			"again and swallows the far end of the street. A tram bell rings somewhere.\nExits: north, south, east.\n",
		"Miskatonic University Library [University]\nShelves climb into the dark. A reading lamp burns over an\n" +
			"open folio whose pages someone has been turning very slowly.\nExits: south, down (locked).\n",
	}
	out := make([]string, n)
	for i := range out {
		switch i % 4 {
		case 0:
			out[i] = rooms[i/4%len(rooms)]
		case 1:
			out[i] = fmt.Sprintf("Wilmarth says, \"The stars were wrong on the %dth, I swear it.\"\n", i)
		case 2:
			out[i] = fmt.Sprintf("Your lucidity slips to %d (uneasy).\n", 100-i%60)
		default:
			out[i] = "> "
		}
	}
	return out
}

// BenchmarkMCCP2 measures what MCCP2 costs per message in the write loop
// (one message per batch, the usual case): encoding it, compressing it and
// flushing, against sending it plain. per-conn-zlib is the comparison:
// one compress/zlib writer kept per connection, which compresses text
// better but holds some 800 KiB per connection.
func BenchmarkMCCP2(b *testing.B) {
	msgs := mudOutput(64)
	var size int
	for _, m := range msgs {
		size += len(m)
	}
	for _, compress := range []bool{false, true} {
		name := "plain"
		if compress {
			name = "mccp2"
		}
		b.Run(name, func(b *testing.B) {
			e := benchEncoder(b, compress)
			b.SetBytes(int64(size / len(msgs)))
			b.ReportAllocs()
			var wire, n int
			for b.Loop() {
				e.begin()
				e.add(message{text: msgs[n%len(msgs)], kind: msgText})
				wire += len(e.end())
				n++
			}
			b.ReportMetric(float64(wire)/float64(n), "wire-B/msg")
		})
	}
	b.Run("per-conn-zlib", func(b *testing.B) {
		var out wireBuffer
		zw := zlib.NewWriter(&out)
		b.SetBytes(int64(size / len(msgs)))
		b.ReportAllocs()
		var wire, n int
		var text []byte
		for b.Loop() {
			out.b = out.b[:0]
			text = appendText(text[:0], msgs[n%len(msgs)])
			_, _ = zw.Write(text) // writes to memory cannot fail
			_ = zw.Flush()
			wire += len(out.b)
			n++
		}
		b.ReportMetric(float64(wire)/float64(n), "wire-B/msg")
	})
}

// wireBuffer gathers what a zlib writer writes.
type wireBuffer struct{ b []byte }

func (w *wireBuffer) Write(p []byte) (int, error) {
	w.b = append(w.b, p...)
	return len(p), nil
}

// benchEncoder returns a write-loop encoder for a connection over a pipe,
// compressing or not.
func benchEncoder(b *testing.B, compress bool) *encoder {
	b.Helper()
	nc, other := net.Pipe()
	b.Cleanup(func() { _ = nc.Close(); _ = other.Close() })
	c := newConn(netcore.Detached(nc), connConfig{logger: slog.New(slog.DiscardHandler), outboxSize: 1, options: DefaultOptions()})
	e := &encoder{c: c}
	if compress {
		e.begin()
		e.add(message{kind: msgCompressOn})
		e.end()
	}
	return e
}

// heapAndStacks returns the live heap and goroutine stacks after a GC.
func heapAndStacks() int64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.HeapAlloc) + int64(m.StackInuse)
}
