package telnet

import (
	"net"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
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
// process), after each has sent a line and got its answer.
func BenchmarkIdleConnMemory(b *testing.B) {
	const conns = 200
	acc := newTestAcceptor()
	addr := startServer(b, &Server{Acceptor: acc})
	before := heapAndStacks()
	clients := make([]net.Conn, conns)
	for i := range clients {
		c := dial(b, addr)
		c.expect("Welcome.\r\n")
		c.write("look\r\n")
		c.expect("you said: look\r\n")
		clients[i] = c.nc
		acc.next(b)
	}
	after := heapAndStacks()
	for b.Loop() {
		// The measure is the metric below; the loop only satisfies the
		// benchmark harness.
	}
	b.ReportMetric(float64(after-before)/conns, "B/conn")
}

// heapAndStacks returns the live heap and goroutine stacks after a GC.
func heapAndStacks() int64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.HeapAlloc) + int64(m.StackInuse)
}
