package main

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// These tests drive the real server with TinTin++ (Debian's tintin++, run
// as `tt++ -H`), as a player would. TinTin++ exits 0 whatever happens, so
// each test reads what the client logged and checks that.

// ttBinary finds TinTin++; Debian installs it in /usr/games.
func ttBinary(t testing.TB) string {
	t.Helper()
	if p, err := exec.LookPath("tt++"); err == nil {
		return p
	}
	if _, err := os.Stat("/usr/games/tt++"); err == nil {
		return "/usr/games/tt++"
	}
	t.Fatal("TinTin++ (tt++) is not installed: run `make deps` or apt-get install tintin++")
	return ""
}

// logBuffer collects a server's log lines from many goroutines.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *logBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// startLogged starts a server that logs at debug level into the returned
// buffer, and stops it when the test ends.
func startLogged(t testing.TB, cfg config) (*server, *logBuffer) {
	t.Helper()
	logs := &logBuffer{}
	log := slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	srv, err := start(context.Background(), cfg, log)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { stopServer(t, srv) })
	return srv, logs
}

// tintin is one TinTin++ run: its script and the files it logs to.
type tintin struct {
	dir     string
	session string // the session's screen, as TinTin++ logs it
	script  string // lines the script writes with #line log
}

// newTinTin prepares a run in a fresh directory.
func newTinTin(t testing.TB) *tintin {
	dir := t.TempDir()
	return &tintin{dir: dir, session: filepath.Join(dir, "session.log"), script: filepath.Join(dir, "script.log")}
}

// run connects TinTin++ to addr with the script's triggers, logging the
// session in plain text with its telnet negotiation, and waits until the
// session ends (the script quits) or waitLimit passes. It returns the
// session log.
func (tt *tintin) run(t testing.TB, addr, triggers string) string {
	t.Helper()
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		t.Fatal(err)
	}
	script := "#config {debug telnet} {on}\n" +
		"#config {log} {plain}\n" +
		"#event {SESSION CONNECTED} {#log {overwrite} {" + tt.session + "}}\n" +
		"#event {SESSION DISCONNECTED} {#end}\n" +
		strings.ReplaceAll(triggers, "SCRIPTLOG", tt.script) +
		"#session mud " + host + " " + port + "\n"
	file := filepath.Join(tt.dir, "script.tin")
	if err := os.WriteFile(file, []byte(script), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), waitLimit)
	defer cancel()
	cmd := exec.CommandContext(ctx, ttBinary(t), "-G", "-H", file)
	cmd.Dir = tt.dir
	cmd.Env = append(os.Environ(), "HOME="+tt.dir, "TERM=xterm")
	out, err := cmd.CombinedOutput()
	session, _ := os.ReadFile(tt.session) // missing when it never connected
	if ctx.Err() != nil || err != nil {
		t.Fatalf("tt++ did not end by itself (%v, %v); it logged:\n%s\nscreen:\n%s", err, ctx.Err(), session, out)
	}
	return string(session)
}

// scriptLines returns what the script logged with #line log.
func (tt *tintin) scriptLines(t testing.TB) []string {
	t.Helper()
	b, err := os.ReadFile(tt.script)
	if err != nil {
		t.Fatalf("no GMCP log: %v", err)
	}
	return strings.Split(strings.TrimSpace(string(b)), "\n")
}

// playTriggers create a character, walk through the first exit, look, and
// quit; each room's "Exits:" line moves the script one step.
const playTriggers = `#var step 0
#action {By what name are you known?} {#send Tina}
#action {Are you new to Arkham} {#send y}
#action {Choose a password} {#send lanterns1}
#action {Repeat the password} {#send lanterns1}
#action {Keep them} {#send k}
#action {^Exits: %w} {#if {$step == 0} {#var step 1;#send {%1}} {#if {$step == 1} {#var step 2;#send look} {#send quit}}}
`

// inOrder checks that each of want appears in text after the one before,
// and returns where the last one ends.
func inOrder(t testing.TB, text string, want ...string) int {
	t.Helper()
	at := 0
	for _, w := range want {
		i := strings.Index(text[at:], w)
		if i < 0 {
			t.Fatalf("the client did not see %q (after %d bytes); it logged:\n%s", w, at, text)
		}
		at += i + len(w)
	}
	return at
}

// TestTinTinPlaysOverMCCP2 logs in, walks and reads rooms with TinTin++,
// which takes MCCP2, CHARSET UTF-8, EOR, NAWS and TTYPE as offered.
func TestTinTinPlaysOverMCCP2(t *testing.T) {
	srv, logs := startLogged(t, testConfig(t.TempDir()))
	tt := newTinTin(t)
	seen := tt.run(t, srv.addr("telnet"), playTriggers)

	// Negotiation, as the client logged it.
	inOrder(t, seen, "SENT IAC WILL TERMINAL TYPE", "SENT IAC WILL NAWS", "SENT IAC DO CHARSET", "SENT IAC DO EOR",
		"SENT IAC DO MCCP2")
	inOrder(t, seen, "SENT IAC SB CHARSET ACCEPTED UTF-8")
	inOrder(t, seen, "SENT IAC SB TTYPE TINTIN++", "SENT IAC SB TTYPE MTTS")
	// Everything after the login prompt came compressed: the login, the
	// first room, the walk, the room looked at, and the farewell.
	inOrder(t, seen, "By what name are you known?", "MCCP2 INITIALIZED",
		"Welcome to Arkham, Tina.", "Exits:", "Exits:", "Exits:", "Until next time.")
	if strings.Contains(seen, "COMPRESSION ERROR") || strings.ContainsRune(seen, '\xff') {
		t.Fatalf("the client saw a broken stream:\n%s", seen)
	}
	if n := strings.Count(seen, "RCVD IAC EOR"); n < 5 {
		t.Errorf("%d prompts ended with IAC EOR, want every one", n)
	}
	server := logs.String()
	for _, want := range []string{"MCCP2 compression started", "character created"} {
		if !strings.Contains(server, want) {
			t.Errorf("the server did not log %q", want)
		}
	}
}

// roomInfo is GMCP Room.Info as TinTin++ hands it to the script: a
// TinTin table, {key}{value}..., which parseRoomInfo reads.
type roomInfo struct {
	Num   string
	Name  string
	Exits map[string]string
}

// parseRoomInfo reads one ROOMINFO line the script logged.
func parseRoomInfo(t testing.TB, line string) roomInfo {
	t.Helper()
	fieldRE := regexp.MustCompile(`\{(num|name|area|environment)\}\{([^{}]*)\}`)
	exitRE := regexp.MustCompile(`\{([a-z]+)\}\{(\d+)\}`)
	info := roomInfo{Exits: map[string]string{}}
	head, exits, ok := strings.Cut(line, "{exits}")
	if !ok {
		t.Fatalf("Room.Info without exits: %q", line)
	}
	for _, m := range fieldRE.FindAllStringSubmatch(head, -1) {
		switch m[1] {
		case "num":
			info.Num = m[2]
		case "name":
			info.Name = m[2]
		}
	}
	for _, m := range exitRE.FindAllStringSubmatch(exits, -1) {
		info.Exits[m[1]] = m[2]
	}
	if info.Num == "" || info.Name == "" {
		t.Fatalf("Room.Info lacks num or name: %q", line)
	}
	return info
}

// gmcpTriggers accept GMCP when the server offers it, say hello, ask for
// the Room and Char packages, and log every Room.Info.
const gmcpTriggers = `#event {IAC WILL GMCP} {#send {\xFF\xFD\xC9\};#send {\xFF\xFA\xC9Core.Hello {"client":"TinTin++","version":"2"}\xFF\xF0\};#send {\xFF\xFA\xC9Core.Supports.Set ["Room 1","Char 1"]\xFF\xF0\}}
#event {IAC SB GMCP Room.Info IAC SE} {#line log {SCRIPTLOG} {ROOMINFO %0}}
`

// TestTinTinGMCPRoomInfo checks that a TinTin++ script that accepts GMCP
// gets Room.Info in the shape Mudlet's mapper reads, for the room it wakes
// in and for the one it walks to, over MCCP2.
func TestTinTinGMCPRoomInfo(t *testing.T) {
	srv, _ := startLogged(t, testConfig(t.TempDir()))
	tt := newTinTin(t)
	seen := tt.run(t, srv.addr("telnet"), gmcpTriggers+playTriggers)
	inOrder(t, seen, "MCCP2 INITIALIZED", "Welcome to Arkham, Tina.")
	inOrder(t, seen, "MCCP2 INITIALIZED", "IAC SB GMCP Room.Info IAC SE")
	lines := tt.scriptLines(t)
	if len(lines) < 2 {
		t.Fatalf("Room.Info arrived %d times, want at least 2 (waking, walking):\n%s", len(lines), strings.Join(lines, "\n"))
	}
	first, second := parseRoomInfo(t, lines[0]), parseRoomInfo(t, lines[1])
	if len(first.Exits) == 0 {
		t.Fatalf("the first room has no exits: %+v", first)
	}
	found := false
	for _, num := range first.Exits {
		found = found || num == second.Num
	}
	if !found || first.Num == second.Num {
		t.Fatalf("walked from %+v to %+v: no exit of the first leads to the second", first, second)
	}
	if !strings.Contains(seen, second.Name+" [") {
		t.Errorf("the text does not show the room %q that Room.Info named", second.Name)
	}
}

// TestTinTinMSSPRequest sends the plain-text MSSP request as a crawler
// does, before logging in.
func TestTinTinMSSPRequest(t *testing.T) {
	srv, _ := startLogged(t, testConfig(t.TempDir()))
	tt := newTinTin(t)
	seen := tt.run(t, srv.addr("telnet"), `#action {By what name are you known?} {#send MSSP-REQUEST}
#action {MSSP-REPLY-END} {#line log {SCRIPTLOG} {END SEEN};#zap}
`)
	at := inOrder(t, seen, "MSSP-REPLY-START")
	reply := seen[at:]
	for _, want := range []string{"NAME\tMythosMUD", "PLAYERS\t0", "UPTIME\t" + strconv.FormatInt(srv.started.Unix(), 10),
		"CODEBASE\tmythosd", "MCCP\t1", "GMCP\t1"} {
		if !strings.Contains(reply, want) {
			t.Errorf("the reply lacks %q:\n%s", want, reply)
		}
	}
	if got := tt.scriptLines(t); len(got) != 1 || got[0] != "END SEEN" {
		t.Errorf("the client did not see MSSP-REPLY-END: %q", got)
	}
}

// TestMSSPFiguresJSON keeps the figures printable for crawlers: every
// name and value is plain text.
func TestMSSPFiguresJSON(t *testing.T) {
	srv, _ := startLogged(t, testConfig(t.TempDir()))
	figures := srv.msspFigures()
	if _, err := json.Marshal(figures); err != nil {
		t.Fatal(err)
	}
	for name, value := range figures {
		if strings.ContainsAny(name+value, "\t\r\n\x00\x01\x02\xff") {
			t.Errorf("figure %q = %q has a reserved byte", name, value)
		}
	}
	if figures["PLAYERS"] != "0" || figures["NAME"] != "MythosMUD" || figures["PORT"] != "" {
		t.Errorf("figures %v: want 0 players and no PORT for a port chosen by the system", figures)
	}
}
