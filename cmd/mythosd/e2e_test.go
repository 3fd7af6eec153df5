package main

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"
)

// testConfig is a configuration for a server on loopback with its state in dir.
func testConfig(dir string) config {
	return config{
		DataDir: dir, TelnetAddr: "127.0.0.1:0", Tick: 20 * time.Millisecond, FluxEvery: time.Second,
		RoomTTL: time.Minute, MaxConns: 100, WriteTimeout: 5 * time.Second, CmdRate: 20, CmdBurst: 60,
		LogFormat: "text", LogLevel: "error", testHash: true, Node: "test",
	}
}

// startServer starts a server and stops it when the test ends.
func startServer(t testing.TB, cfg config) *server {
	t.Helper()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	srv, err := start(context.Background(), cfg, log)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { stopServer(t, srv) })
	return srv
}

func stopServer(t testing.TB, srv *server) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), waitLimit)
	defer cancel()
	if err := srv.shutdown(ctx); err != nil {
		t.Fatalf("shutdown: %v", err)
	}
}

// TestPlayRestartResume is the playable core end to end: two telnet
// players create characters, walk, talk and emote so each sees the other,
// quit; the server restarts on the same database, and both find themselves
// where they were.
func TestPlayRestartResume(t *testing.T) {
	dir := t.TempDir()
	srv := startServer(t, testConfig(dir))
	alice, bob := dial(t, srv.addr("telnet")), dial(t, srv.addr("telnet"))
	room := alice.createCharacter("Alice", "lanterns1")
	bob.createCharacter("Bob", "lanterns2")
	alice.expect("Bob blinks into being")

	exit := firstExit(t, room)
	alice.send(exit)
	alice.expect("Exits:")
	there := roomLine(t, alice.do("status", "Name:"))
	bob.expect("Alice leaves")
	bob.send(exit)
	alice.expect("Bob arrives")
	alice.send("say The fog is thick tonight.")
	bob.expect(`Alice says, "The fog is thick tonight."`)
	bob.send("emote pulls his collar tight.")
	alice.expect("Bob pulls his collar tight.")
	wantIn(t, alice.do("who", "Wanderers"), "Alice", "Bob")
	wantIn(t, bob.do("look", "Exits:"), "Also here: Alice")

	alice.send("quit")
	alice.expect("Until next time")
	if !alice.closed() {
		t.Fatal("quit did not close the connection")
	}
	bob.expect("Alice fades")
	stopServer(t, srv)
	bob.expect("shutting down")

	srv2 := startServer(t, testConfig(dir))
	a2, b2 := dial(t, srv2.addr("telnet")), dial(t, srv2.addr("telnet"))
	a2.login("alice", "lanterns1")
	wantIn(t, b2.login("BOB", "lanterns2"), "Also here: Alice")
	wantIn(t, a2.do("status", "Name:"), there, "Lucidity:  100 (lucid)")
	wantIn(t, b2.do("status", "Name:"), there)
}

// roomLine returns the Room line of a status report.
func roomLine(t testing.TB, status string) string {
	t.Helper()
	for _, line := range strings.Split(status, "\n") {
		if strings.HasPrefix(line, "Room:") {
			return strings.TrimSpace(line)
		}
	}
	t.Fatalf("no room in status %q", status)
	return ""
}

func wantIn(t testing.TB, got string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("output lacks %q:\n%s", w, got)
		}
	}
}
