package main

import (
	"bytes"
	"errors"
	"net"
	"os"
	"strings"
	"testing"
	"time"
)

// rawClient is a plain telnet client: it answers no option, strips IAC
// sequences from what it reads, and waits for text with a deadline.
type rawClient struct {
	t    testing.TB
	conn net.Conn
	seen strings.Builder // text read so far, not yet consumed by expect
}

// promptEnd ends the default prompt (<23/23dp 100lcd> ): what a client
// waits for to know that its command has been answered.
const promptEnd = "lcd> "

// waitLimit bounds every wait for the server; generous for shared machines.
const waitLimit = 20 * time.Second

func dial(t testing.TB, addr string) *rawClient {
	t.Helper()
	conn, err := net.DialTimeout("tcp", addr, waitLimit)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return &rawClient{t: t, conn: conn}
}

func (c *rawClient) send(line string) {
	c.t.Helper()
	c.sendRaw([]byte(line + "\r\n"))
}

// trySend writes b, for a server that may hang up before it is all sent.
func (c *rawClient) trySend(b []byte) {
	c.conn.SetWriteDeadline(time.Now().Add(waitLimit))
	_, _ = c.conn.Write(b) // a reset is what the caller expects
}

func (c *rawClient) sendRaw(b []byte) {
	c.t.Helper()
	c.conn.SetWriteDeadline(time.Now().Add(waitLimit))
	if _, err := c.conn.Write(b); err != nil {
		c.t.Fatalf("write: %v", err)
	}
}

// expect reads until want has been seen and returns everything up to and
// including it; the rest stays for the next expect.
func (c *rawClient) expect(want string) string {
	c.t.Helper()
	deadline := time.Now().Add(waitLimit)
	buf := make([]byte, 4096)
	for {
		if i := strings.Index(c.seen.String(), want); i >= 0 {
			all := c.seen.String()
			c.seen.Reset()
			c.seen.WriteString(all[i+len(want):])
			return all[:i+len(want)]
		}
		c.conn.SetReadDeadline(deadline)
		n, err := c.conn.Read(buf)
		c.seen.Write(stripIAC(buf[:n]))
		if err != nil {
			c.t.Fatalf("waiting for %q: %v; got %q", want, err, c.seen.String())
		}
	}
}

// closed reports whether the server closes the connection within the wait.
func (c *rawClient) closed() bool {
	c.conn.SetReadDeadline(time.Now().Add(waitLimit))
	buf := make([]byte, 4096)
	for {
		if _, err := c.conn.Read(buf); err != nil {
			return !errors.Is(err, os.ErrDeadlineExceeded)
		}
	}
}

// stripIAC removes telnet commands (IAC x, IAC x opt, IAC SB ... IAC SE)
// from b. Sequences split across reads are rare enough in these tests to
// ignore: the server sends each one in a single write.
func stripIAC(b []byte) []byte {
	const iac, sb, se = 255, 250, 240
	var out bytes.Buffer
	for i := 0; i < len(b); i++ {
		if b[i] != iac || i+1 >= len(b) {
			out.WriteByte(b[i])
			continue
		}
		switch cmd := b[i+1]; {
		case cmd == iac:
			out.WriteByte(iac)
			i++
		case cmd == sb:
			end := bytes.Index(b[i:], []byte{iac, se})
			if end < 0 {
				return out.Bytes()
			}
			i += end + 1
		case cmd >= 251 && cmd <= 254:
			i += 2
		default:
			i++
		}
	}
	return out.Bytes()
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
