// Package sshtest is the SSH PTY client that the tests of ssh/ and
// cmd/mythosd share: a session with a PTY and a shell, keys typed into it,
// and its output awaited with a deadline. It is imported by test code only.
package sshtest

import (
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"mythosd/world/netcore/nettest"
)

// Player is a client session with a PTY, as a player's terminal.
type Player struct {
	TB      testing.TB
	Client  *gossh.Client
	Session *gossh.Session
	Out     *Output
	stdin   io.WriteCloser
}

// Start opens a session with a termType PTY of width columns and 40 rows
// and starts its shell.
func Start(tb testing.TB, client *gossh.Client, termType string, width int) *Player {
	tb.Helper()
	sess, err := client.NewSession()
	if err != nil {
		tb.Fatalf("new session: %v", err)
	}
	p := &Player{TB: tb, Client: client, Session: sess, Out: NewOutput()}
	if p.stdin, err = sess.StdinPipe(); err != nil {
		tb.Fatal(err)
	}
	sess.Stdout, sess.Stderr = p.Out, p.Out
	if err := sess.RequestPty(termType, 40, width, gossh.TerminalModes{}); err != nil {
		tb.Fatalf("pty: %v", err)
	}
	if err := sess.Shell(); err != nil {
		tb.Fatalf("shell: %v", err)
	}
	return p
}

// Type sends raw keystrokes.
func (p *Player) Type(keys string) {
	p.TB.Helper()
	if _, err := io.WriteString(p.stdin, keys); err != nil {
		p.TB.Fatalf("type %q: %v", keys, err)
	}
}

// Send types a line and presses Enter.
func (p *Player) Send(line string) {
	p.TB.Helper()
	p.Type(line + "\r")
}

// Expect waits until want has arrived and returns everything up to and
// including it; the rest stays for the next Expect.
func (p *Player) Expect(want string) string {
	p.TB.Helper()
	return p.Out.Await(p.TB, want)
}

// Wait waits for the session to end and returns its error (nil for exit
// status 0).
func (p *Player) Wait() error {
	p.TB.Helper()
	done := make(chan error, 1)
	go func() { done <- p.Session.Wait() }()
	select {
	case err := <-done:
		return err
	case <-time.After(nettest.Timeout):
		p.TB.Fatal("the session did not end")
		return nil
	}
}

// Output collects what the server writes; safe for concurrent use.
type Output struct {
	mu     sync.Mutex
	buf    []byte          // not yet consumed by Cut
	all    strings.Builder // everything
	notify chan struct{}   // signalled on every write
}

// NewOutput returns an empty Output.
func NewOutput() *Output { return &Output{notify: make(chan struct{}, 1)} }

// Await waits until want has arrived and returns the output up to and
// including it; the rest stays for the next wait.
func (o *Output) Await(tb testing.TB, want string) string {
	tb.Helper()
	deadline := time.NewTimer(nettest.Timeout)
	defer deadline.Stop()
	for {
		if got, ok := o.Cut(want); ok {
			return got
		}
		select {
		case <-o.notify:
		case <-deadline.C:
			tb.Fatalf("waiting for %q; got %q", want, o.String())
		}
	}
}

// Write keeps p.
func (o *Output) Write(p []byte) (int, error) {
	o.mu.Lock()
	o.buf = append(o.buf, p...)
	o.all.Write(p)
	o.mu.Unlock()
	select {
	case o.notify <- struct{}{}:
	default:
	}
	return len(p), nil
}

// Cut returns the output up to and including want and keeps the rest, or
// reports false when want has not arrived.
func (o *Output) Cut(want string) (string, bool) {
	o.mu.Lock()
	defer o.mu.Unlock()
	i := strings.Index(string(o.buf), want)
	if i < 0 {
		return "", false
	}
	got := string(o.buf[:i+len(want)])
	o.buf = append(o.buf[:0], o.buf[i+len(want):]...)
	return got, true
}

// String is the output not yet consumed.
func (o *Output) String() string {
	o.mu.Lock()
	defer o.mu.Unlock()
	return string(o.buf)
}

// Everything is all the output so far, consumed or not.
func (o *Output) Everything() string {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.all.String()
}
