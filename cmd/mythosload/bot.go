package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"sync"
	"time"
)

// lookLine is the command every bot sends.
const lookLine = "look\r\n"

// readBufSize is the read buffer of one bot.
const readBufSize = 4096

// errLoginTimeout reports a bot that was not in the world in time.
var errLoginTimeout = errors.New("log in: timed out")

// bot is one telnet client: it logs its character in, then sends `look`
// when told and times the answers. Its read loop runs from connect to
// close, so the server's output never backs up, even while the bot idles.
type bot struct {
	conn    net.Conn
	now     func() time.Time
	timeout time.Duration // bounds each write; an answer slower than this is late

	mu        sync.Mutex
	playing   bool // the login dialogue is over
	loginDone bool // loggedIn has its value
	closing   bool // we close the connection: its end is no error
	dlg       dialogue
	match     lookMatcher
	readErr   error // why the connection ended, when the server ended it

	loggedIn chan error    // nil once the character is in the world, or why not
	idle     chan struct{} // a token each time the last pending look is answered
	dead     chan struct{} // closed when the read loop has ended
}

// newBot returns a bot on conn that logs in as name; call readLoop next.
func newBot(conn net.Conn, name, password string, timeout time.Duration, now func() time.Time) *bot {
	return &bot{
		conn:     conn,
		now:      now,
		timeout:  timeout,
		dlg:      dialogue{name: name, password: password},
		match:    lookMatcher{timeout: timeout},
		loggedIn: make(chan error, 1),
		idle:     make(chan struct{}, 1),
		dead:     make(chan struct{}),
	}
}

// readLoop reads and scans the server's output until the connection ends.
func (b *bot) readLoop() {
	defer close(b.dead)
	var sc scanner
	buf := make([]byte, readBufSize)
	for {
		n, err := b.conn.Read(buf)
		sc.feed(buf[:n], b)
		if err != nil {
			b.readEnded(err)
			return
		}
	}
}

// readEnded records why the connection ended, unless we ended it.
func (b *bot) readEnded(err error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closing {
		err = net.ErrClosed
	} else {
		b.readErr = fmt.Errorf("read: %w", err)
	}
	b.endLoginLocked(fmt.Errorf("log in: connection ended (%w) after %q", err, b.dlg.last))
}

// line takes a line of the server's output.
func (b *bot) line(text []byte) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.playing {
		b.match.line(text)
		return
	}
	b.dlg.line(text)
}

// prompt takes a prompt of the server's output: during login it answers
// the dialogue; while playing it may end the answer to a look.
func (b *bot) prompt(text []byte) {
	b.mu.Lock()
	if b.playing {
		if b.match.prompt(text, b.now()) && b.match.outstanding() == 0 {
			notify(b.idle)
		}
		b.mu.Unlock()
		return
	}
	reply, done, err := b.dlg.prompt(text)
	if done || err != nil {
		b.playing = done
		b.endLoginLocked(err)
		b.mu.Unlock()
		return
	}
	b.mu.Unlock()
	if err := b.write(reply + "\r\n"); err != nil {
		b.mu.Lock()
		b.endLoginLocked(err)
		b.mu.Unlock()
	}
}

// endLoginLocked gives the login's outcome, once. b.mu must be held.
func (b *bot) endLoginLocked(err error) {
	if !b.loginDone {
		b.loginDone = true
		b.loggedIn <- err
	}
}

// write sends s within the write timeout.
func (b *bot) write(s string) error {
	if err := b.conn.SetWriteDeadline(time.Now().Add(b.timeout)); err != nil {
		return fmt.Errorf("set write deadline: %w", err)
	}
	if _, err := b.conn.Write([]byte(s)); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	return nil
}

// awaitLogin waits until the character is in the world, the login fails,
// or ctx ends.
func (b *bot) awaitLogin(ctx context.Context) error {
	select {
	case err := <-b.loggedIn:
		return err
	case <-ctx.Done():
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return errLoginTimeout
		}
		return ctx.Err()
	}
}

// look sends one look and notes when.
func (b *bot) look() error {
	b.mu.Lock()
	b.match.send(b.now())
	b.mu.Unlock()
	return b.write(lookLine)
}

// lookEvery sends n looks, the k-th at t0 + offset + k*rate.
func (b *bot) lookEvery(ctx context.Context, t0 time.Time, offset, rate time.Duration, n int) error {
	for k := range n {
		if err := b.waitUntil(ctx, t0.Add(offset+time.Duration(k)*rate)); err != nil {
			return err
		}
		if err := b.look(); err != nil {
			return err
		}
	}
	return nil
}

// drain waits until every look is answered, or until the deadline.
func (b *bot) drain(deadline time.Time) {
	t := time.NewTimer(time.Until(deadline))
	defer t.Stop()
	for b.outstanding() > 0 {
		select {
		case <-b.idle:
		case <-t.C:
			return
		case <-b.dead:
			return
		}
	}
}

// waitUntil sleeps until at; it fails early when ctx ends or the
// connection dies.
func (b *bot) waitUntil(ctx context.Context, at time.Time) error {
	t := time.NewTimer(time.Until(at))
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	case <-b.dead:
		return b.deathCause()
	}
}

// deathCause is why the read loop ended.
func (b *bot) deathCause() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.readErr != nil {
		return b.readErr
	}
	return net.ErrClosed
}

// outstanding is how many looks wait for their answer.
func (b *bot) outstanding() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.match.outstanding()
}

// close ends the connection and waits for the read loop.
func (b *bot) close() {
	b.mu.Lock()
	b.closing = true
	b.mu.Unlock()
	_ = b.conn.Close()
	<-b.dead
}

// results copies what the bot measured. Call it after close.
func (b *bot) results() (created bool, m lookMatcher) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.dlg.created, b.match
}

// notify puts a token in ch unless one waits there already.
func notify(ch chan struct{}) {
	select {
	case ch <- struct{}{}:
	default:
	}
}
