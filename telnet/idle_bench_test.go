package telnet

import (
	"net"
	"os"
	"testing"
	"time"

	"mythosd/world"
	"mythosd/world/netcore/nettest"
)

func TestMain(m *testing.M) {
	if ran, code := nettest.ServeClients(openIdleClient); ran {
		os.Exit(code)
	}
	os.Exit(m.Run())
}

// idleClients keeps the client process's connections open.
var idleClients []net.Conn

// openIdleClient connects as TinTin++ does (NAWS, TTYPE/MTTS, CHARSET,
// EOR; no compression), types one line, reads the answer, and leaves the
// connection idle.
func openIdleClient(addr string) error {
	nc, err := net.DialTimeout("tcp", addr, ioTimeout)
	if err != nil {
		return err
	}
	negotiated := "\xff\xfb\x1f\xff\xfa\x1f\x00\x50\x00\x18\xff\xf0" + mtts("TINTIN++", "271") +
		"\xff\xfd\x2a\xff\xfa\x2a\x02UTF-8\xff\xf0\xff\xfd\x19" + dontMCCP2
	nc.SetDeadline(time.Now().Add(ioTimeout))
	if _, err := nc.Write([]byte(negotiated + "look\r\n")); err != nil {
		return err
	}
	if err := nettest.ReadUntil(nc, "you said: look\r\n"); err != nil {
		return err
	}
	idleClients = append(idleClients, nc) // the client process keeps it: no goroutine reads
	return nil
}

// loggingInAcceptor is the test acceptor whose connections log in with
// their first line, as a player's does when it enters the world.
type loggingInAcceptor struct{ *testAcceptor }

func (a loggingInAcceptor) Accept(c world.Conn) world.LineHandler {
	c.LoggedIn()
	return a.testAcceptor.Accept(c)
}

// BenchmarkIdleConn measures the server memory (Go heap and stacks) of an
// idle logged-in telnet connection: the difference between 1,000 and
// 5,000 of them, from clients in another process, each of which
// negotiated like TinTin++, typed a line and read its answer. It measures once,
// whatever -benchtime says.
func BenchmarkIdleConn(b *testing.B) {
	acc := newTestAcceptor()
	acc.accepted = make(chan world.Conn, 5000)
	addr := startServer(b, &Server{Acceptor: loggingInAcceptor{acc}})
	for b.Loop() {
		// The measure is the metric below, taken once: the loop only
		// satisfies the benchmark harness (whose timer reset would clear
		// a metric reported before it).
	}
	nettest.PerConn(b, 1000, 5000, nettest.Clients(b, addr))
}
