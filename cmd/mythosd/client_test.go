package main

import (
	"net"
	"strings"
	"testing"

	"mythosd/telnet/telnettest"
	"mythosd/world/netcore/nettest"
)

// rawClient is a plain telnet client for these tests: a thin wrapper of
// telnettest.Client (which decodes with the server's own parser and refuses
// every option) that keeps the names the tests use.
type rawClient struct {
	t    testing.TB
	conn net.Conn
	// seen is text a test read from conn itself, or left over after an
	// expect; the next expect decodes it first.
	seen strings.Builder
	kit  *telnettest.Client // made on first use
}

// promptEnd ends the default prompt (<23/23dp 100lcd> ): what a client
// waits for to know that its command has been answered.
const promptEnd = "lcd> "

// waitLimit bounds every wait for the server; generous for shared machines.
const waitLimit = nettest.Timeout

func dial(t testing.TB, addr string) *rawClient {
	t.Helper()
	conn, err := net.DialTimeout("tcp", addr, waitLimit)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return &rawClient{t: t, conn: conn}
}

// client returns the kit's client on conn, with what seen holds fed to it.
func (c *rawClient) client() *telnettest.Client {
	if c.kit == nil {
		c.kit = telnettest.New(c.t, c.conn)
		c.kit.Timeout = waitLimit
	}
	if c.seen.Len() > 0 {
		c.kit.Feed([]byte(c.seen.String()))
		c.seen.Reset()
	}
	return c.kit
}

func (c *rawClient) send(line string) {
	c.t.Helper()
	c.client().Send(line)
}

// trySend writes b, for a server that may hang up before it is all sent.
func (c *rawClient) trySend(b []byte) {
	c.client().TrySend(b)
}

func (c *rawClient) sendRaw(b []byte) {
	c.t.Helper()
	c.client().SendRaw(b)
}

// expect reads until want has been seen and returns everything up to and
// including it; the rest stays in seen for the next expect.
func (c *rawClient) expect(want string) string {
	c.t.Helper()
	got := c.client().Expect(want)
	c.seen.WriteString(c.kit.Rest())
	return got
}

// closed reports whether the server closes the connection within the wait.
func (c *rawClient) closed() bool {
	return c.client().Closed()
}

// stripIAC removes telnet commands from b, for a test that reads conn
// itself; a command split across reads is lost, as the server sends each in
// one write.
func stripIAC(b []byte) []byte {
	return telnettest.Strip(b)
}

// createCharacter runs the new-character dialogue and waits for the prompt.
func (c *rawClient) createCharacter(name, password string) string {
	c.t.Helper()
	c.expect("name")
	c.send(name)
	c.expect("(y/n)")
	c.send("y")
	c.expect("password")
	c.send(password)
	c.expect("password")
	c.send(password)
	c.expect("Keep them")
	c.send("k")
	return c.expect(promptEnd)
}

// login logs an existing character in and returns what it first sees.
func (c *rawClient) login(name, password string) string {
	c.t.Helper()
	c.expect("name")
	c.send(name)
	c.expect("Password")
	c.send(password)
	return c.expect(promptEnd)
}

// do sends a command, skips what arrives before its answer (which starts
// with start), and returns the answer up to the next prompt.
func (c *rawClient) do(line, start string) string {
	c.t.Helper()
	c.send(line)
	c.expect(start)
	return start + c.expect(promptEnd)
}

// firstExit returns the first exit listed in a room description.
func firstExit(t testing.TB, room string) string {
	t.Helper()
	_, after, ok := strings.Cut(room, "Exits: ")
	if !ok {
		t.Fatalf("no exits in %q", room)
	}
	exit := strings.FieldsFunc(after, func(r rune) bool { return r == ',' || r == '.' || r == ' ' || r == '\r' || r == '\n' })[0]
	if exit == "none" {
		t.Fatalf("room has no exits: %q", room)
	}
	return exit
}
