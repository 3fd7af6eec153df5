package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestConsoleCommand runs `mythosd console` in-process against the real
// server, through pipes instead of a terminal, and quits it with q.
func TestConsoleCommand(t *testing.T) {
	dir := t.TempDir()
	srv := startServer(t, adminConfig(dir))
	inR, inW := io.Pipe()
	defer inW.Close()
	out := &consoleScreen{t: t}
	var errOut bytes.Buffer
	status := make(chan int, 1)
	go func() {
		status <- runConsole([]string{"-admin", srv.addr("admin")}, envOf(map[string]string{"MYTHOS_DATA": dir}), inR, out, &errOut)
	}()
	out.expect("Room cache")
	out.expect("Bus  ")
	io.WriteString(inW, "q")
	select {
	case s := <-status:
		if s != 0 {
			t.Errorf("status %d, stderr %q", s, errOut.String())
		}
	case <-time.After(waitLimit):
		t.Fatal("console did not end after q")
	}
}

// envOf is a getenv over a map.
func envOf(env map[string]string) func(string) string {
	return func(k string) string { return env[k] }
}

// TestConsoleCommandErrors checks the console's answers when it cannot
// start.
func TestConsoleCommandErrors(t *testing.T) {
	empty := t.TempDir()
	tests := []struct {
		name   string
		args   []string
		status int
		want   string
	}{
		{"no key yet", []string{"-data", empty}, 1, "start the server once"},
		{"stray argument", []string{"-data", empty, "now"}, 2, "usage: mythosd console"},
		{"unknown flag", []string{"-bogus"}, 2, "flag provided but not defined"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			got := runConsole(tt.args, envOf(nil), strings.NewReader(""), &stdout, &stderr)
			if got != tt.status || !strings.Contains(stderr.String(), tt.want) {
				t.Errorf("status %d, stderr %q; want %d and %q", got, stderr.String(), tt.status, tt.want)
			}
		})
	}
}

// TestConsoleCommandServerDown checks the message when no server listens.
func TestConsoleCommandServerDown(t *testing.T) {
	dir := t.TempDir()
	srv := startServer(t, adminConfig(dir))
	addr := srv.addr("admin")
	stopServer(t, srv)
	var stderr bytes.Buffer
	if got := runConsole([]string{"-data", dir, "-admin", addr}, envOf(nil), strings.NewReader(""), io.Discard, &stderr); got != 1 {
		t.Errorf("status %d, want 1", got)
	}
	if !strings.Contains(stderr.String(), "is the server running") {
		t.Errorf("stderr %q does not say what to check", stderr.String())
	}
}

func TestDialAddr(t *testing.T) {
	tests := map[string]string{
		":4023": "127.0.0.1:4023", "0.0.0.0:4023": "127.0.0.1:4023", "[::]:4023": "[::1]:4023",
		"10.1.2.3:99": "10.1.2.3:99", "admin.example:4023": "admin.example:4023", "nonsense": "nonsense",
	}
	for in, want := range tests {
		if got := dialAddr(in); got != want {
			t.Errorf("dialAddr(%q) = %q, want %q", in, got, want)
		}
	}
}

// goldenConsole is the console at 120x40 with the live figures masked.
const goldenConsole = "testdata/console-120x40.golden"

// TestConsoleGolden renders the console of a real server in a 120x40 tmux
// pane through the real binary, and compares the pane, live figures
// masked, with the golden file. MYTHOS_UPDATE_GOLDEN=1 rewrites it.
func TestConsoleGolden(t *testing.T) {
	tmux, err := exec.LookPath("tmux")
	if err != nil {
		t.Fatal("tmux is needed (Debian package tmux; `make deps` installs it)")
	}
	bin := buildMythosd(t)
	dir := t.TempDir()
	srv := startServer(t, adminConfig(dir))
	player := dial(t, srv.addr("telnet"))
	player.createCharacter("Wilbur", "whateley1")

	sock := filepath.Join(t.TempDir(), "tmux.sock")
	cmd := fmt.Sprintf("%s console -data %s -admin %s; echo console exited $?; sleep 600", bin, dir, srv.addr("admin"))
	runTmux(t, tmux, sock, "new-session", "-d", "-x", "120", "-y", "40", cmd)
	t.Cleanup(func() { exec.Command(tmux, "-S", sock, "kill-server").Run() })

	update := os.Getenv("MYTHOS_UPDATE_GOLDEN") == "1"
	want, err := os.ReadFile(goldenConsole)
	if err != nil && !update {
		t.Fatalf("%v (MYTHOS_UPDATE_GOLDEN=1 writes it)", err)
	}
	// The pane is compared until it matches or the wait runs out: the first
	// frames may come before the player's room or the first ticks.
	var pane, got string
	deadline := time.Now().Add(waitLimit)
	for {
		pane = runTmux(t, tmux, sock, "capture-pane", "-p")
		got = maskLive(pane)
		if update && settled(pane) {
			if err := os.WriteFile(goldenConsole, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		if !update && got == string(want) {
			return
		}
		if time.Now().After(deadline) {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Errorf("console differs from %s (MYTHOS_UPDATE_GOLDEN=1 rewrites it)\n--- got:\n%s\n--- want:\n%s\n--- pane:\n%s",
		goldenConsole, got, want, pane)
}

// settled reports whether a pane shows the player in a named room, ticks
// counted and the graph drawn: the state the golden file keeps.
func settled(pane string) bool {
	return strings.Contains(pane, "Wilbur") && !strings.Contains(pane, "earth_") &&
		regexp.MustCompile(`count [1-9]`).MatchString(pane) && strings.Contains(pane, "peak")
}

// buildMythosd builds the binary into a temporary directory.
func buildMythosd(t testing.TB) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "mythosd")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// runTmux runs a tmux command on the test's own server and returns its
// output.
func runTmux(t testing.TB, tmux, sock string, args ...string) string {
	t.Helper()
	out, err := exec.Command(tmux, append([]string{"-S", sock}, args...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// Masks of what changes from run to run: key fingerprints, every figure
// (numbers with their units, times, addresses), the graph's bars; then
// runs of spaces, which follow the figures' widths.
var (
	maskFingerprint = regexp.MustCompile(`SHA256:[A-Za-z0-9+/=]+`)
	maskFigure      = regexp.MustCompile(`\b[0-9][0-9a-zµ.,:%-]*`)
	maskBars        = regexp.MustCompile(`[▁▂▃▄▅▆▇█]+`)
	maskSpaces      = regexp.MustCompile(` {2,}`)
)

// maskLive masks a captured pane line by line.
func maskLive(pane string) string {
	lines := strings.Split(strings.TrimRight(pane, "\n"), "\n")
	for i, l := range lines {
		l = maskFingerprint.ReplaceAllString(l, "<fingerprint>")
		l = maskFigure.ReplaceAllString(l, "#")
		l = maskBars.ReplaceAllString(l, "")
		lines[i] = strings.TrimRight(maskSpaces.ReplaceAllString(l, " "), " ")
	}
	return strings.Join(lines, "\n") + "\n"
}
