package main

import (
	"context"
	"errors"
	"net"
	"net/netip"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
)

// dialFrom connects to addr from the local address from (127.0.0.0/8 is
// all loopback), so that a test can play several client addresses.
func dialFrom(t testing.TB, from, addr string) *rawClient {
	t.Helper()
	d := net.Dialer{Timeout: waitLimit, LocalAddr: &net.TCPAddr{IP: net.ParseIP(from)}}
	conn, err := d.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return &rawClient{t: t, conn: conn}
}

// TestGuessersAreSlowedAndARealPlayerLogsIn: 500 connections from one
// address guess a character's password, three guesses each; meanwhile a
// player from another address logs in. Most guesses are refused without a
// hash, and the player gets in while the guessers still wait.
func TestGuessersAreSlowedAndARealPlayerLogsIn(t *testing.T) {
	const guessers = 500
	cfg := testConfig(t.TempDir())
	cfg.MaxConns = guessers + 50
	// This test is about the password defence: let every guesser past the
	// admission caps (their own tests are in admission_test.go).
	cfg.MaxLogin = cfg.MaxConns
	srv := startServer(t, cfg)
	addr := srv.addr("telnet")
	dialFrom(t, "127.0.0.2", addr).createCharacter("Victim", "lanterns1")
	dialFrom(t, "127.0.0.3", addr).createCharacter("Alice", "lanterns2")

	clients := make([]*rawClient, guessers)
	var wg sync.WaitGroup
	for i := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := dialFrom(t, "127.0.0.1", addr)
			c.expect("name")
			c.send("Victim")
			c.expect("Password")
			c.sendRaw([]byte("guess1\r\nguess2\r\nguess3\r\n"))
			clients[i] = c
		}()
	}
	wg.Wait()

	player := dialFrom(t, "127.0.0.3", addr)
	if got := player.login("Alice", "lanterns2"); strings.Contains(got, "Wrong") || strings.Contains(got, "wait") {
		t.Fatalf("the real player was refused: %q", got)
	}

	var mu sync.Mutex
	var checked, refused int
	for _, c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ch, re := c.guessAnswers(3)
			mu.Lock()
			checked, refused = checked+ch, refused+re
			mu.Unlock()
		}()
	}
	wg.Wait()
	t.Logf("%d guesses: %d checked, %d refused unchecked", 3*guessers, checked, refused)
	if checked+refused != 3*guessers {
		t.Errorf("%d guesses answered, want %d", checked+refused, 3*guessers)
	}
	if checked > guessers/10 {
		t.Errorf("%d of %d guesses from one address were checked: not slowed", checked, 3*guessers)
	}
}

// guessAnswers reads until n answers to password guesses have come (or
// the connection ends) and counts the guesses checked and those refused
// unchecked.
func (c *rawClient) guessAnswers(n int) (checked, refused int) {
	buf := make([]byte, 4096)
	deadline := time.Now().Add(waitLimit)
	for {
		got := c.seen.String()
		checked = strings.Count(got, "Wrong password")
		refused = strings.Count(got, "wait ") + strings.Count(got, "at once")
		if checked+refused >= n {
			return checked, refused
		}
		c.conn.SetReadDeadline(deadline)
		m, err := c.conn.Read(buf)
		c.seen.Write(stripIAC(buf[:m]))
		if err != nil {
			return checked, refused
		}
	}
}

// TestC1ControlsNeverReachAnotherPlayer sends say with an 8-bit CSI (bytes
// C2 9B) over real telnet; the other player's bytes hold no C1 control.
func TestC1ControlsNeverReachAnotherPlayer(t *testing.T) {
	srv := startServer(t, testConfig(t.TempDir()))
	alice, bob := dial(t, srv.addr("telnet")), dial(t, srv.addr("telnet"))
	alice.createCharacter("Alice", "lanterns1")
	bob.createCharacter("Bob", "lanterns2")
	alice.expect("Bob blinks into being")
	alice.sendRaw([]byte("say hi\xc2\x9b2J\xc2\x9d0;pwned\x07 there\r\n"))
	got := bob.expect("there")
	if strings.Contains(got, "\u009b") || strings.Contains(got, "\u009d") || strings.Contains(got, "\a") {
		t.Fatalf("a control reached Bob: %q", got)
	}
	wantIn(t, got, "hi2J0;pwned there")
}

// TestCommandFloodIsLimitedWithoutDelayingOthers: one player sends 5,000
// looks at once; another player's look is answered meanwhile, and the
// flooder gets no more answers than its budget allows.
func TestCommandFloodIsLimitedWithoutDelayingOthers(t *testing.T) {
	srv := startServer(t, testConfig(t.TempDir()))
	flooder, other := dial(t, srv.addr("telnet")), dial(t, srv.addr("telnet"))
	flooder.createCharacter("Flooder", "lanterns1")
	other.createCharacter("Other", "lanterns2")
	start := time.Now()
	go flooder.conn.Write([]byte(strings.Repeat("look\r\n", 5000))) // the server reads at its pace
	for range 5 {
		wantIn(t, other.do("look", "East Ward"), "Exits:")
	}
	// What the flooder got so far is bounded by the burst and the rate over
	// the time that passed (measured after reading, so a slow machine only
	// loosens the bound).
	answers := strings.Count(flooder.drain(), "Exits:")
	if answers == 0 {
		t.Fatal("the flooder got no answer at all")
	}
	allowed := 60 + 20*int(time.Since(start).Seconds()+1)
	t.Logf("flooder answered %d times, allowed %d", answers, allowed)
	if answers > allowed {
		t.Fatalf("flooder got %d answers, more than its budget of %d", answers, allowed)
	}
}

// drain returns what arrives within a moment.
func (c *rawClient) drain() string {
	buf := make([]byte, 64<<10)
	c.conn.SetReadDeadline(time.Now().Add(100 * time.Millisecond))
	for {
		n, err := c.conn.Read(buf)
		c.seen.Write(stripIAC(buf[:n]))
		if err != nil {
			s := c.seen.String()
			c.seen.Reset()
			return s
		}
	}
}

// untilClosed reads until the server ends the connection (a close or a
// reset) or the wait runs out, and returns how many bytes came.
func (c *rawClient) untilClosed() (n int, closed bool) {
	buf := make([]byte, 4096)
	c.conn.SetReadDeadline(time.Now().Add(waitLimit))
	for {
		m, err := c.conn.Read(buf)
		n += m
		if err != nil {
			return n, !errors.Is(err, os.ErrDeadlineExceeded)
		}
	}
}

// TestAdminBanOverTelnetSurvivesARestart: an admin bans a player's
// address in the game; the player is put out, the world's Banned answers
// for it, and it still does after the server restarts on the same data.
func TestAdminBanOverTelnetSurvivesARestart(t *testing.T) {
	dir := t.TempDir()
	srv := startServer(t, testConfig(dir))
	keeper := dialFrom(t, "127.0.0.2", srv.addr("telnet"))
	keeper.createCharacter("Keeper", "lanterns1")
	if err := srv.db.SetAdmin(context.Background(), "Keeper", true); err != nil {
		t.Fatal(err)
	}
	keeper.send("quit")
	keeper.expect("Until next time")
	keeper = dialFrom(t, "127.0.0.2", srv.addr("telnet"))
	keeper.login("Keeper", "lanterns1")
	pest := dialFrom(t, "127.0.0.9", srv.addr("telnet"))
	pest.createCharacter("Pest", "lanterns2")

	wantIn(t, keeper.do("admin ban 127.0.0.8/31 flooding", "Banned"), "127.0.0.8/31 forever, by Keeper: flooding")
	pest.expect("barred to you: flooding")
	if !pest.closed() {
		t.Fatal("the banned player's connection is still open")
	}
	banned := netip.MustParseAddr("127.0.0.9")
	if !srv.world.Banned(banned) || srv.world.Banned(netip.MustParseAddr("127.0.0.2")) {
		t.Fatal("Banned does not answer for the banned prefix alone")
	}
	stopServer(t, srv)

	srv2 := startServer(t, testConfig(dir))
	if !srv2.world.Banned(banned) {
		t.Fatal("the ban did not survive the restart")
	}
	keeper = dialFrom(t, "127.0.0.2", srv2.addr("telnet"))
	keeper.login("Keeper", "lanterns1")
	wantIn(t, keeper.do("admin bans", "Banned"), "Banned addresses (1)", "127.0.0.8/31")
	wantIn(t, keeper.do("admin unban 127.0.0.8/31", "The ban"), "lifted")
	if srv2.world.Banned(banned) {
		t.Fatal("still banned after unban")
	}
}
