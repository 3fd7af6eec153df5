package main

import (
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mythosd/ssh/sshtest"

	"mythosd/world/netcore/nettest"

	gossh "golang.org/x/crypto/ssh"

	mssh "mythosd/ssh"
	"mythosd/world/ansi"
)

// sshTestConfig is testConfig with the player SSH listener on loopback.
func sshTestConfig(dir string) config {
	cfg := testConfig(dir)
	cfg.SSHAddr = "127.0.0.1:0"
	return cfg
}

// sshHostKey is the host key the server keeps in dir.
func sshHostKey(t testing.TB, dir string) gossh.PublicKey {
	t.Helper()
	signer, err := mssh.LoadOrCreateHostKey(filepath.Join(dir, mssh.HostKeyFile))
	if err != nil {
		t.Fatal(err)
	}
	return signer.PublicKey()
}

// sshDial connects to the server in dir as user, trusting only the host
// key kept in dir.
func sshDial(t testing.TB, srv *server, user string, auth ...gossh.AuthMethod) (*gossh.Client, error) {
	t.Helper()
	client, err := gossh.Dial("tcp", srv.addr("ssh"), &gossh.ClientConfig{
		User:            user,
		Auth:            auth,
		HostKeyCallback: gossh.FixedHostKey(sshHostKey(t, srv.cfg.DataDir)),
		Timeout:         waitLimit,
	})
	if err == nil {
		t.Cleanup(func() { client.Close() })
	}
	return client, err
}

// sshPlayer is the shared PTY client (sshtest), with this package's names.
type sshPlayer struct{ *sshtest.Player }

// sshPlay logs in as user and starts a shell on an xterm-256color PTY of
// width columns.
func sshPlay(t testing.TB, srv *server, user string, width int, auth ...gossh.AuthMethod) *sshPlayer {
	t.Helper()
	client, err := sshDial(t, srv, user, auth...)
	if err != nil {
		t.Fatalf("ssh as %s: %v", user, err)
	}
	return &sshPlayer{sshtest.Start(t, client, "xterm-256color", width)}
}

// send types a line and presses Enter.
func (p *sshPlayer) send(line string) { p.TB.Helper(); p.Send(line) }

// expect waits for want and returns the output up to and including it.
func (p *sshPlayer) expect(want string) string { p.TB.Helper(); return p.Expect(want) }

// do sends a command, skips what arrives before its answer (which starts
// with start), and returns the answer up to the next prompt.
func (p *sshPlayer) do(line, start string) string {
	p.TB.Helper()
	p.Send(line)
	p.Expect(start)
	return start + p.Expect(promptEnd)
}

// wait waits for the session to end and returns how it ended.
func (p *sshPlayer) wait() error { p.TB.Helper(); return p.Wait() }

// newPlayerKey makes an ed25519 key for a player.
func newPlayerKey(t testing.TB) gossh.Signer {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	signer, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return signer
}

// authorizedLine is the public half of key as a .pub file holds it.
func authorizedLine(key gossh.Signer, comment string) string {
	return strings.TrimSpace(string(gossh.MarshalAuthorizedKey(key.PublicKey()))) + " " + comment
}

// sshNewCharacter creates name with password pw over a new SSH session
// and returns the session at its first prompt, with what the creation
// showed.
func sshNewCharacter(t testing.TB, srv *server, name, pw string) (*sshPlayer, string) {
	t.Helper()
	p := sshPlay(t, srv, "new", 80)
	p.expect("By what name are you known? ")
	p.send(name)
	p.expect("(y/n) ")
	p.send("y")
	p.expect("Choose a password")
	p.send(pw)
	got := p.expect("Repeat the password: ")
	p.send(pw)
	got += p.expect("Keep them")
	p.send("k")
	return p, got + p.expect(promptEnd)
}

// TestSSHPlay creates a character over SSH as "new", registers a key in
// game, plays beside a telnet player, and comes back by password and by
// key.
func TestSSHPlay(t *testing.T) {
	srv := startServer(t, sshTestConfig(t.TempDir()))
	alice, room := sshNewCharacter(t, srv, "Alice", "lanterns1")
	if strings.Contains(room, "lanterns1") {
		t.Errorf("the password was echoed: %q", room)
	}
	wantIn(t, room, "Welcome to Arkham, Alice.", "Exits:")

	bob := dial(t, srv.addr("telnet"))
	bob.createCharacter("Bob", "lanterns2")
	alice.expect("Bob blinks into being")
	key := newPlayerKey(t)
	wantIn(t, alice.do("keys add "+authorizedLine(key, "alice@laptop"), "Key "), "added")
	wantIn(t, alice.do("keys list", "Your SSH keys"), "1. "+gossh.FingerprintSHA256(key.PublicKey()), "alice@laptop")
	wantIn(t, alice.do("look", "Exits:"), "Also here: Bob")
	alice.send("say The fog is thick tonight.")
	bob.expect(`Alice says, "The fog is thick tonight."`)
	bob.send("emote pulls his collar tight.")
	alice.expect("Bob pulls his collar tight.")
	alice.send(firstExit(t, room))
	alice.expect("Exits:")
	bob.expect("Alice leaves")
	alice.send("quit")
	alice.expect("Until next time")
	if err := alice.wait(); err != nil {
		t.Errorf("quit ended the session with %v, want exit status 0", err)
	}

	byPassword := sshPlay(t, srv, "alice", 80, gossh.Password("lanterns1"))
	wantIn(t, byPassword.expect(promptEnd), "Welcome to Arkham, Alice.")
	wantIn(t, byPassword.do("who", "Wanderers"), "Alice", "Bob")
	byPassword.send("quit")
	byPassword.expect("Until next time")

	byKey := sshPlay(t, srv, "Alice", 80, gossh.PublicKeys(key))
	wantIn(t, byKey.expect(promptEnd), "Welcome to Arkham, Alice.")
	wantIn(t, byKey.do("status", "Name:"), "Name:      Alice")
	wantIn(t, bob.do("who", "Wanderers"), "(2)", "Alice", "Bob")
}

// descriptionLines returns the lines of the room description in a look,
// without colour.
func descriptionLines(t testing.TB, look string) []string {
	t.Helper()
	lines := strings.Split(ansi.Strip(look), "\r\n")
	var desc []string
	for _, line := range lines[1:] { // lines[0] is the typed command
		if strings.HasPrefix(line, "Exits:") {
			return desc[1:] // desc[0] is the room's name
		}
		desc = append(desc, line)
	}
	t.Fatalf("no exits in look %q", look)
	return nil
}

// widest is the length in characters of the longest line.
func widest(lines []string) int {
	n := 0
	for _, l := range lines {
		n = max(n, len([]rune(l)))
	}
	return n
}

// TestSSHResizeFollowsWrapWidth narrows and widens the window: the room
// description wraps to the new width at once.
func TestSSHResizeFollowsWrapWidth(t *testing.T) {
	srv := startServer(t, sshTestConfig(t.TempDir()))
	telnet := dial(t, srv.addr("telnet"))
	telnet.createCharacter("Alice", "lanterns1")
	telnet.send("quit")
	p := sshPlay(t, srv, "alice", 120, gossh.Password("lanterns1"))
	p.expect(promptEnd)
	wide := widest(descriptionLines(t, p.do("look", "look")))
	if wide <= 30 {
		t.Fatalf("the start room's description is too short to show wrapping: widest line %d", wide)
	}
	tests := []struct{ width, want int }{{30, 30}, {120, wide}, {24, 24}}
	for _, tt := range tests {
		if err := p.Session.WindowChange(40, tt.width); err != nil {
			t.Fatal(err)
		}
		// The window change and the next line travel apart inside the
		// server: the new width holds from the first message after it.
		got := 0
		ok := nettest.Poll(func() bool {
			got = widest(descriptionLines(t, p.do("look", "look")))
			return got <= tt.width && (tt.want != wide || got == wide)
		})
		if !ok {
			t.Errorf("at %d columns the widest description line stays at %d characters", tt.width, got)
		}
	}
}

// TestSSHRefusals checks what the player port turns away.
func TestSSHRefusals(t *testing.T) {
	srv := startServer(t, sshTestConfig(t.TempDir()))
	telnet := dial(t, srv.addr("telnet"))
	telnet.createCharacter("Alice", "lanterns1")
	tests := []struct {
		name string
		user string
		auth gossh.AuthMethod
	}{
		{"wrong password", "alice", gossh.Password("lanterns2")},
		{"unknown name", "nobody", gossh.Password("lanterns1")},
		{"unregistered key", "alice", gossh.PublicKeys(newPlayerKey(t))},
	}
	errs := make([]string, len(tests))
	for i, tt := range tests {
		_, err := sshDial(t, srv, tt.user, tt.auth)
		if err == nil || !strings.Contains(err.Error(), "unable to authenticate") {
			t.Errorf("%s: dial = %v, want refused", tt.name, err)
			continue
		}
		errs[i] = err.Error()
	}
	if errs[0] != errs[1] {
		t.Errorf("a wrong password and an unknown name are told apart: %q, %q", errs[0], errs[1])
	}

	client, err := sshDial(t, srv, "alice", gossh.Password("lanterns1"))
	if err != nil {
		t.Fatal(err)
	}
	sess, err := client.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	sess.Stderr = &stderr
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	var exit *gossh.ExitError
	if err := sess.Wait(); !errors.As(err, &exit) || exit.ExitStatus() != 1 {
		t.Errorf("a session without a PTY ended with %v, want exit status 1", err)
	}
	if got := stderr.String(); !strings.Contains(got, "needs a terminal") || strings.Count(got, "\n") != 1 {
		t.Errorf("refusal = %q, want one line saying a terminal is needed", got)
	}
	wantIn(t, telnet.do("who", "Wanderers"), "(1)")
}

// TestSSHHostKeyKept restarts the server on the same data dir: it presents
// the same host key, kept with mode 0600.
func TestSSHHostKeyKept(t *testing.T) {
	dir := t.TempDir()
	var seen []string
	for range 2 {
		srv := startServer(t, sshTestConfig(dir))
		_, err := gossh.Dial("tcp", srv.addr("ssh"), &gossh.ClientConfig{
			User: "new",
			HostKeyCallback: func(_ string, _ net.Addr, key gossh.PublicKey) error {
				seen = append(seen, gossh.FingerprintSHA256(key))
				return nil
			},
			Timeout: waitLimit,
		})
		if err != nil {
			t.Fatal(err)
		}
		stopServer(t, srv)
	}
	if len(seen) != 2 || seen[0] != seen[1] {
		t.Fatalf("host keys across a restart: %v", seen)
	}
	st, err := os.Stat(filepath.Join(dir, mssh.HostKeyFile))
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("host key mode %o, want 600", st.Mode().Perm())
	}
	if want := gossh.FingerprintSHA256(sshHostKey(t, dir)); seen[0] != want {
		t.Errorf("the server presented %s, the data dir holds %s", seen[0], want)
	}
}

// TestSSHFlag checks -ssh, its default and its environment fallback.
func TestSSHFlag(t *testing.T) {
	tests := []struct {
		args    []string
		env     map[string]string
		want    string
		wantErr string
	}{
		{nil, nil, ":4022", ""},
		{[]string{"-ssh", "off"}, nil, "off", ""},
		{[]string{"-ssh", ""}, nil, "", ""},
		{nil, map[string]string{"MYTHOS_SSH": "127.0.0.1:5022"}, "127.0.0.1:5022", ""},
		{[]string{"-ssh", "4022"}, nil, "", "-ssh"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.args, tt.env), func(t *testing.T) {
			cfg, err := parseConfig(tt.args, func(k string) string { return tt.env[k] }, io.Discard)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want one naming %s", err, tt.wantErr)
				}
				return
			}
			if err != nil || cfg.SSHAddr != tt.want {
				t.Fatalf("SSHAddr = %q, %v; want %q", cfg.SSHAddr, err, tt.want)
			}
		})
	}
}

// TestSSHOff starts without the SSH listener.
func TestSSHOff(t *testing.T) {
	dir := t.TempDir()
	cfg := testConfig(dir)
	cfg.SSHAddr = "off"
	srv := startServer(t, cfg)
	if addr := srv.addr("ssh"); addr != "" {
		t.Errorf("ssh listening on %s while off", addr)
	}
}

// TestSSHConnectionsInMetrics finds the SSH listener's connections in the
// Prometheus scrape.
func TestSSHConnectionsInMetrics(t *testing.T) {
	cfg := sshTestConfig(t.TempDir())
	cfg.MetricsAddr = "127.0.0.1:0"
	srv := startServer(t, cfg)
	p := sshPlay(t, srv, "new", 80)
	p.expect("By what name are you known? ")
	ssh := map[string]string{"listener": "ssh"}
	ok := nettest.Poll(func() bool {
		families := scrape(t, srv.addr("metrics"))
		open, _ := metricValue(families["mythosd_connections"], ssh)
		total, _ := metricValue(families["mythosd_connections_total"], ssh)
		return open == 1 && total == 1
	})
	if !ok {
		t.Fatal("the scrape never counted the SSH connection")
	}
}
