package main

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestBadInput sends what broken or hostile clients send. Each gets an
// answer or a clean drop, and a player already in the game keeps being
// served throughout.
func TestBadInput(t *testing.T) {
	srv := startServer(t, testConfig(t.TempDir()))
	good := dial(t, srv.addr("telnet"))
	good.createCharacter("Watcher", "steadfast")
	victim := dial(t, srv.addr("telnet"))
	victim.createCharacter("Victim", "steadfast")
	victim.send("quit")
	victim.expect("Until next time")

	tests := []struct {
		name string
		run  func(t *testing.T, c *rawClient)
	}{
		{"1 MiB line in the world", func(t *testing.T, c *rawClient) {
			c.createCharacter("Longliner", "steadfast")
			c.sendRaw(append(bytes.Repeat([]byte("a"), 1<<20), "\r\n"...))
			c.expect("Line too long")
			c.send("look")
			c.expect("Exits:")
		}},
		{"1 MiB line before login", func(t *testing.T, c *rawClient) {
			c.expect("name")
			c.trySend(append(bytes.Repeat([]byte("a"), 1<<20), "\r\n"...))
			if !c.closed() {
				t.Error("connection still open past the byte budget before login")
			}
		}},
		{"random bytes", func(t *testing.T, c *rawClient) {
			rng := rand.New(rand.NewPCG(1, 2))
			junk := make([]byte, 64<<10)
			for i := range junk {
				junk[i] = byte(rng.Uint32())
			}
			go c.conn.Write(junk) // the server may close before it has read it all
			// Garbage costs the sender its connection after a few answers.
			answered, closed := c.untilClosed()
			if !closed {
				t.Fatal("connection still open after 64 KiB of garbage")
			}
			if answered > 4<<10 {
				t.Errorf("%d bytes answered to garbage", answered)
			}
		}},
		{"broken IAC sequences", func(t *testing.T, c *rawClient) {
			c.expect("name")
			c.sendRaw([]byte{255, 251})                 // WILL with its option in the next packet
			c.sendRaw([]byte{1, 255, 7, 255, 253, 200}) // an unknown command, DO unknown option
			c.sendRaw([]byte{255, 250, 24, 0, 'x', 'y', 255, 255, 255, 240})
			c.send("Ironclad")
			c.expect("(y/n)")
		}},
		{"invalid UTF-8", func(t *testing.T, c *rawClient) {
			c.createCharacter("Garbler", "steadfast")
			c.sendRaw([]byte("say \xc0\xfehello\xc3\r\n"))
			heard := good.expect("hello")
			wantIn(t, heard, "Garbler says, \"\uFFFD")
		}},
		{"password flood", func(t *testing.T, c *rawClient) {
			c.expect("name")
			c.send("Victim")
			c.expect("Password")
			c.sendRaw([]byte(strings.Repeat("guess\r\n", 10)))
			// One guess is checked; the next are refused unchecked (backed
			// off), and count as wrong answers that end the connection.
			c.expect("Wrong password")
			c.expect("wait 1 second")
			c.expect("the sanitarium doors close on you")
			if !c.closed() {
				t.Error("connection still open after the flood")
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.run(t, dial(t, srv.addr("telnet")))
			good.send("look")
			good.expect("Exits:")
		})
	}
}
