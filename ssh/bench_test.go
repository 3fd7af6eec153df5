package ssh

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"

	"mythosd/world"
)

// benchClientsEnv makes the test binary a client process for
// BenchmarkIdleSessionMemory: "ADDR N" opens N idle sessions to ADDR.
const benchClientsEnv = "MYTHOSD_SSH_BENCH_CLIENTS"

func TestMain(m *testing.M) {
	if spec := os.Getenv(benchClientsEnv); spec != "" {
		os.Exit(runBenchClients(spec))
	}
	os.Exit(m.Run())
}

// runBenchClients opens the sessions, says "ready" and keeps them until
// its stdin closes.
func runBenchClients(spec string) int {
	addr, count, _ := strings.Cut(spec, " ")
	n, err := strconv.Atoi(count)
	if err != nil {
		fmt.Fprintln(os.Stderr, "bad spec:", spec)
		return 2
	}
	cfg := &gossh.ClientConfig{User: NewUser, HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: ioTimeout}
	for range n {
		if err := openIdleSession(addr, cfg); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
	}
	fmt.Println("ready")
	io.Copy(io.Discard, os.Stdin)
	return 0
}

// openIdleSession opens a session with a PTY and a shell, and drains it.
func openIdleSession(addr string, cfg *gossh.ClientConfig) error {
	client, err := gossh.Dial("tcp", addr, cfg)
	if err != nil {
		return err
	}
	sess, err := client.NewSession()
	if err != nil {
		return err
	}
	out, err := sess.StdoutPipe()
	if err != nil {
		return err
	}
	if _, err := sess.StdinPipe(); err != nil {
		return err
	}
	if err := sess.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{}); err != nil {
		return err
	}
	if err := sess.Shell(); err != nil {
		return err
	}
	go io.Copy(io.Discard, out)
	return nil
}

// memInUse is the heap and stack memory in use after a collection.
func memInUse() (heap, stack uint64) {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse, m.StackInuse
}

// BenchmarkIdleSessionMemory measures what the server holds per idle
// session that has logged in and shows its prompt: goroutines, buffers and
// the SSH state. The clients run in another process, so that only the
// server's memory is counted. Run it with -benchtime=1x.
func BenchmarkIdleSessionMemory(b *testing.B) {
	const sessions = 200
	ts := startServer(b, func(s *Server) { s.Game.(*testGame).accepted = make(chan world.Conn, sessions) })
	heap, stack := memInUse()
	goroutines := runtime.NumGoroutine()
	for b.Loop() {
		clients := exec.Command(os.Args[0], "-test.run=^$")
		clients.Env = append(os.Environ(), fmt.Sprintf("%s=%s %d", benchClientsEnv, ts.addr, sessions))
		clients.Stderr = os.Stderr
		stdin, err := clients.StdinPipe()
		if err != nil {
			b.Fatal(err)
		}
		stdout, err := clients.StdoutPipe()
		if err != nil {
			b.Fatal(err)
		}
		if err := clients.Start(); err != nil {
			b.Fatal(err)
		}
		if line, err := bufio.NewReader(stdout).ReadString('\n'); err != nil || line != "ready\n" {
			b.Fatalf("clients said %q, %v", line, err)
		}
		waitFor(b, "sessions", func() bool { return len(ts.game.accepted) == sessions })
		heapAfter, stackAfter := memInUse()
		goroutinesAfter := runtime.NumGoroutine()
		b.ReportMetric(float64(heapAfter+stackAfter-heap-stack)/sessions, "B/session")
		b.ReportMetric(float64(heapAfter-heap)/sessions, "heapB/session")
		b.ReportMetric(float64(stackAfter-stack)/sessions, "stackB/session")
		b.ReportMetric(float64(goroutinesAfter-goroutines)/sessions, "goroutines/session")
		stdin.Close()
		clients.Wait()
	}
}

// BenchmarkCommandRoundTrip measures a line typed over SSH and its answer
// coming back, through the Terminal, the outbox and the cipher.
func BenchmarkCommandRoundTrip(b *testing.B) {
	ts := startServer(b, nil)
	p := ts.play(b, "alice", "xterm-256color", 80, gossh.Password("lanterns1"))
	p.expect("> ")
	for b.Loop() {
		p.do("look")
	}
}

// BenchmarkRender measures rendering a coloured room description for a
// 256-colour terminal.
func BenchmarkRender(b *testing.B) {
	st := newStyle("xterm-256color", "")
	text := "\x1b[1;38;2;200;180;120mArkham Sanitarium, Foyer\x1b[0m\n" +
		strings.Repeat("The walls breathe, slow and patient, and the lamps gutter. ", 8) + "\n" +
		"\x1b[38;2;120;160;200mExits: north, south, east.\x1b[0m\n"
	var buf []byte
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		buf = st.render(buf[:0], text)
	}
}
