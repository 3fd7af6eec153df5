package main

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	mssh "mythosd/ssh"
)

// adminConfig is a test configuration with the admin console on loopback.
func adminConfig(dir string) config {
	cfg := testConfig(dir)
	cfg.AdminAddr = "127.0.0.1:0"
	return cfg
}

// consoleScreen is an admin console session seen from the client side:
// everything it printed, with terminal escapes removed.
type consoleScreen struct {
	t    testing.TB
	sess *gossh.Session
	in   io.WriteCloser
	mu   sync.Mutex
	raw  bytes.Buffer
}

func (s *consoleScreen) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.raw.Write(p)
}

// ansiEscape matches the terminal escapes a console writes.
var ansiEscape = regexp.MustCompile(`\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>]`)

// text is what the console printed, escapes removed.
func (s *consoleScreen) text() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return ansiEscape.ReplaceAllString(s.raw.String(), "")
}

// waitText waits until the printed text satisfies ok, and returns it.
func (s *consoleScreen) waitText(what string, ok func(string) bool) string {
	s.t.Helper()
	deadline := time.Now().Add(waitLimit)
	for {
		text := s.text()
		if ok(text) {
			return text
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("console never showed %s; got:\n%s", what, text)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func (s *consoleScreen) expect(want string) {
	s.t.Helper()
	s.waitText(strconv.Quote(want), func(text string) bool { return strings.Contains(text, want) })
}

func (s *consoleScreen) keys(k string) {
	s.t.Helper()
	if _, err := io.WriteString(s.in, k); err != nil {
		s.t.Fatal(err)
	}
}

// openAdmin connects to the server's console with the key it made in dir,
// with a PTY of w x h.
func openAdmin(t testing.TB, srv *server, w, h int) *consoleScreen {
	t.Helper()
	client, err := dialConsole(srv.cfg.DataDir, srv.addr("admin"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { client.Close() })
	sess, err := client.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	s := &consoleScreen{t: t, sess: sess}
	sess.Stdout, sess.Stderr = s, s
	if s.in, err = sess.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestPty("xterm-256color", h, w, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	return s
}

// tickCounts are the tick counts the console has shown, in order.
var tickCount = regexp.MustCompile(`count ([0-9,]+)`)

func tickCounts(text string) []int {
	var out []int
	for _, m := range tickCount.FindAllStringSubmatch(text, -1) {
		n, _ := strconv.Atoi(strings.ReplaceAll(m[1], ",", ""))
		out = append(out, n)
	}
	return out
}

// TestAdminConsoleEndToEnd starts the real server, whose first start makes
// and authorizes an admin key; connects over SSH with that key and a PTY;
// watches the tick count advance; and kicks a telnet player.
func TestAdminConsoleEndToEnd(t *testing.T) {
	dir := t.TempDir()
	srv := startServer(t, adminConfig(dir))
	for _, f := range []string{adminKeyFile, adminKeyFile + ".pub", adminAuthorizedFile} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Fatalf("first start did not make %s: %v", f, err)
		}
	}
	player := dial(t, srv.addr("telnet"))
	player.createCharacter("Wilbur", "whateley1")

	console := openAdmin(t, srv, 120, 40)
	console.waitText("the tick count advancing", func(text string) bool {
		counts := tickCounts(text)
		return len(counts) > 1 && counts[len(counts)-1] > counts[0]
	})
	console.expect("Wilbur")
	console.keys("k")
	console.expect("kick Wilbur · reason")
	console.keys("too many questions\r")
	console.expect("Kick Wilbur (reason: too many questions)? [y/N]")
	console.keys("y")
	player.expect("pulled out of the waking world by an unseen hand: too many questions")
	if !player.closed() {
		t.Error("the kicked player's connection stays open")
	}
	console.expect("kicked Wilbur")
	console.waitText("Wilbur gone from the table", func(text string) bool {
		i := strings.LastIndex(text, "Sessions")
		return i >= 0 && strings.Contains(text[i:], "0 of 0")
	})
}

// TestAdminShutdownFromConsole schedules a shutdown with no delay from
// the console: the players are warned and the server is asked to halt.
func TestAdminShutdownFromConsole(t *testing.T) {
	srv := startServer(t, adminConfig(t.TempDir()))
	player := dial(t, srv.addr("telnet"))
	player.createCharacter("Lavinia", "whateley2")
	console := openAdmin(t, srv, 80, 24)
	console.expect("Lavinia")
	console.keys("x0\r")
	console.expect("Shut the server down in 0s, warning the players? [y/N]")
	console.keys("y")
	player.expect("[The Keepers] The server shuts down now.")
	select {
	case <-srv.halted():
	case <-time.After(waitLimit):
		t.Fatal("the countdown did not ask the server to halt")
	}
}

// TestAdminPortRefusals checks the admin port's rules on the real server:
// an unauthorized key and any password are refused.
func TestAdminPortRefusals(t *testing.T) {
	srv := startServer(t, adminConfig(t.TempDir()))
	host, err := readKey(filepath.Join(srv.cfg.DataDir, "ssh_host_ed25519_key"), "host key")
	if err != nil {
		t.Fatal(err)
	}
	stranger, err := gossh.NewSignerFromKey(newEd25519(t))
	if err != nil {
		t.Fatal(err)
	}
	for name, auth := range map[string]gossh.AuthMethod{
		"unauthorized key": gossh.PublicKeys(stranger),
		"password":         gossh.Password("admin"),
	} {
		client, err := gossh.Dial("tcp", srv.addr("admin"), &gossh.ClientConfig{
			User: "admin", Auth: []gossh.AuthMethod{auth},
			HostKeyCallback: gossh.FixedHostKey(host.PublicKey()), Timeout: waitLimit,
		})
		if err == nil {
			client.Close()
			t.Errorf("%s: logged in", name)
		} else if !strings.Contains(err.Error(), "unable to authenticate") {
			t.Errorf("%s: %v, want an authentication failure", name, err)
		}
	}
}

// TestAdminKeyBootstrap checks the first start's key, that later starts
// keep it, and that an operator's authorized keys file is left alone.
func TestAdminKeyBootstrap(t *testing.T) {
	log := discardLogger()
	dir := t.TempDir()
	keys, err := bootstrapAdminKey(dir, log)
	if err != nil {
		t.Fatal(err)
	}
	first, _, err := mustReadAuthorized(t, keys)
	if err != nil || len(first) != 1 {
		t.Fatalf("authorized keys after the first start: %d keys, %v", len(first), err)
	}
	signer, err := readKey(filepath.Join(dir, adminKeyFile), "admin key")
	if err != nil {
		t.Fatal(err)
	}
	if gossh.FingerprintSHA256(first[0]) != gossh.FingerprintSHA256(signer.PublicKey()) {
		t.Error("the authorized key is not the admin key")
	}
	pub, err := os.ReadFile(filepath.Join(dir, adminKeyFile+".pub"))
	if err != nil || !strings.HasSuffix(string(pub), adminKeyComment+"\n") {
		t.Errorf("public key file %q, %v", pub, err)
	}
	if info, err := os.Stat(filepath.Join(dir, adminKeyFile)); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("private key mode %v, %v; want 0600", info.Mode(), err)
	}
	if _, err := bootstrapAdminKey(dir, log); err != nil {
		t.Fatal(err)
	}
	again, _, _ := mustReadAuthorized(t, keys)
	if len(again) != 1 || !bytes.Equal(again[0].Marshal(), first[0].Marshal()) {
		t.Error("a second start changed the authorized keys")
	}

	operator := t.TempDir()
	if err := os.WriteFile(filepath.Join(operator, adminAuthorizedFile), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := bootstrapAdminKey(operator, log); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(operator, adminKeyFile)); !os.IsNotExist(err) {
		t.Errorf("an operator's (empty) authorized keys file still got a key made: %v", err)
	}
}

// TestAdminOff checks that -admin off starts no console and makes no key.
func TestAdminOff(t *testing.T) {
	cfg := testConfig(t.TempDir())
	cfg.AdminAddr = "off"
	srv := startServer(t, cfg)
	if srv.addr("admin") != "" {
		t.Errorf("admin console listening at %s", srv.addr("admin"))
	}
	if _, err := os.Stat(filepath.Join(cfg.DataDir, adminAuthorizedFile)); !os.IsNotExist(err) {
		t.Errorf("admin keys made with the console off: %v", err)
	}
}

func discardLogger() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// newEd25519 makes a private key.
func newEd25519(t testing.TB) ed25519.PrivateKey {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return priv
}

// mustReadAuthorized reads an authorized keys file.
func mustReadAuthorized(t testing.TB, path string) ([]gossh.PublicKey, []int, error) {
	t.Helper()
	return mssh.ReadAuthorizedKeys(path)
}

// TestAdminAndMetricsFlags checks the defaults, the environment fallback
// and the validation of -admin and -metrics.
func TestAdminAndMetricsFlags(t *testing.T) {
	tests := []struct {
		name          string
		args          []string
		env           map[string]string
		admin, metric string
		err           string
	}{
		{"defaults", nil, nil, "127.0.0.1:4023", "127.0.0.1:4080", ""},
		{"flags", []string{"-admin", ":5023", "-metrics", "off"}, nil, ":5023", "off", ""},
		{"environment", nil, map[string]string{"MYTHOS_ADMIN": "off", "MYTHOS_METRICS": "0.0.0.0:9100"}, "off", "0.0.0.0:9100", ""},
		{"bad admin", []string{"-admin", "4023"}, nil, "", "", "-admin"},
		{"bad metrics", []string{"-metrics", "localhost"}, nil, "", "", "-metrics"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := parseConfig(tt.args, envOf(tt.env), io.Discard)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Errorf("error %v, want one naming %s", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if cfg.AdminAddr != tt.admin || cfg.MetricsAddr != tt.metric {
				t.Errorf("admin %q metrics %q, want %q and %q", cfg.AdminAddr, cfg.MetricsAddr, tt.admin, tt.metric)
			}
		})
	}
}
