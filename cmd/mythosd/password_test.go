package main

import (
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// expectRaw reads until want has been seen, keeping telnet commands, and
// returns what it read; the stripped rest stays for the next expect.
func (c *rawClient) expectRaw(want string) string {
	c.t.Helper()
	deadline := time.Now().Add(waitLimit)
	var raw strings.Builder
	buf := make([]byte, 4096)
	for !strings.Contains(raw.String(), want) {
		c.conn.SetReadDeadline(deadline)
		n, err := c.conn.Read(buf)
		raw.Write(buf[:n])
		if err != nil {
			c.t.Fatalf("waiting for %q: %v; got %q", want, err, raw.String())
		}
	}
	all := raw.String()
	i := strings.Index(all, want) + len(want)
	c.seen.Write(stripIAC([]byte(all[i:])))
	return all[:i]
}

// Telnet's ECHO option, as the server offers and withdraws it.
const willEcho, wontEcho = "\xff\xfb\x01", "\xff\xfc\x01"

// expectEcho is expectRaw that answers the server's ECHO offers as a MUD
// client does (DO, then DONT when withdrawn), so each later change of echo
// is negotiated anew.
func (c *rawClient) expectEcho(want string) string {
	c.t.Helper()
	got := c.expectRaw(want)
	for _, opt := range []struct{ offer, answer string }{{willEcho, "\xff\xfd\x01"}, {wontEcho, "\xff\xfe\x01"}} {
		if strings.Contains(got, opt.offer) {
			c.sendRaw([]byte(opt.answer))
		}
	}
	return got
}

// TestPasswordChangeOverTelnet changes a password over telnet: the server
// turns echo off (IAC WILL ECHO) for the answers and on again after; the
// old password no longer logs in and the new one does.
func TestPasswordChangeOverTelnet(t *testing.T) {
	srv := startServer(t, testConfig(t.TempDir()))
	c := dial(t, srv.addr("telnet"))
	steps := []struct {
		send, want string
		echo       string // willEcho, wontEcho or "" for no change
	}{
		{"", "name", ""},
		{"Ward", "(y/n)", ""},
		{"y", "password", willEcho},
		{"curwen1", "password", ""},
		{"curwen1", "Keep them", wontEcho},
		{"k", "> ", ""},
		{"password", "Current password", willEcho},
		{"curwen1", "New password", ""},
		{"pickman22", "Repeat the new password", ""},
		{"pickman22", "Your password is changed.", wontEcho},
	}
	for _, st := range steps {
		if st.send != "" {
			c.send(st.send)
		}
		if got := c.expectEcho(st.want); st.echo != "" && !strings.Contains(got, st.echo) {
			t.Fatalf("after %q, echo did not change (%q) before %q: %q", st.send, st.echo, st.want, got)
		}
	}
	c.expect("> ")
	wantIn(t, c.do("look", "Ward"), "Ward")
	c.send("quit")
	c.expect("Until next time")

	c = dial(t, srv.addr("telnet"))
	wantIn(t, c.login("Ward", "pickman22"), "> ")
	c.send("quit")
	c.expect("Until next time")
	old := dial(t, srv.addr("telnet"))
	old.expect("name")
	old.send("Ward")
	old.expect("Password")
	old.send("curwen1")
	old.expect("Wrong password")
}

// TestPasswordChangeOverSSH changes a password in an SSH session: nothing
// typed is echoed, and the new password then opens an SSH session.
func TestPasswordChangeOverSSH(t *testing.T) {
	srv := startServer(t, sshTestConfig(t.TempDir()))
	p, _ := sshNewCharacter(t, srv, "Asenath", "derby123")
	p.send("password")
	p.expect("Current password")
	p.send("derby123")
	p.expect("New password")
	p.send("innsmouth9")
	p.expect("Repeat the new password")
	p.send("innsmouth9")
	if got := p.expect("Your password is changed."); strings.Contains(got, "derby123") || strings.Contains(got, "innsmouth9") {
		t.Errorf("a password was echoed: %q", got)
	}
	p.expect(promptEnd)
	p.send("quit")
	p.expect("Until next time")

	again := sshPlay(t, srv, "asenath", 80, gossh.Password("innsmouth9"))
	wantIn(t, again.expect(promptEnd), "Welcome to Arkham, Asenath.")
}
