package nettest

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
)

// clientsEnv makes a test binary a client process: its value is the
// address to connect to.
const clientsEnv = "MYTHOSD_BENCH_CLIENTS"

// ServeClients makes the test binary a client process when the parent
// asked for one (see Clients): it reads counts from stdin, opens that many
// more connections with open, each left idle, and says "ready" after each
// count; it returns at the end of stdin. Call it first in TestMain: when it
// reports ran, exit with code.
func ServeClients(open func(addr string) error) (ran bool, code int) {
	addr := os.Getenv(clientsEnv)
	if addr == "" {
		return false, 0
	}
	in := bufio.NewScanner(os.Stdin)
	for in.Scan() {
		n, err := strconv.Atoi(strings.TrimSpace(in.Text()))
		if err != nil {
			fmt.Fprintln(os.Stderr, "bad count:", in.Text())
			return true, 2
		}
		for range n {
			if err := open(addr); err != nil {
				fmt.Fprintln(os.Stderr, "open client:", err)
				return true, 1
			}
		}
		fmt.Println("ready")
	}
	return true, 0
}

// Clients starts a client process of this test binary (its TestMain must
// call ServeClients) against addr, so that the clients' memory is not the
// server's, and returns a function that opens n more idle connections and
// returns once they are open. The process ends with the benchmark.
func Clients(b *testing.B, addr string) func(n int) {
	b.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), clientsEnv+"="+addr)
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		b.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() {
		stdin.Close()
		_ = cmd.Wait() // killed or not, the clients are gone
	})
	out := bufio.NewReader(stdout)
	return func(n int) {
		b.Helper()
		if _, err := fmt.Fprintln(stdin, n); err != nil {
			b.Fatal(err)
		}
		if line, err := out.ReadString('\n'); err != nil || line != "ready\n" {
			b.Fatalf("clients said %q, %v", line, err)
		}
	}
}

// ReadUntil reads r until want has come, with a small buffer; it returns
// an error when r ends first.
func ReadUntil(r io.Reader, want string) error {
	var seen []byte
	buf := make([]byte, 512)
	for !strings.Contains(string(seen), want) {
		n, err := r.Read(buf)
		seen = append(seen, buf[:n]...)
		if len(seen) > 4*len(want)+4096 {
			seen = seen[len(seen)-len(want):]
		}
		if err != nil {
			return fmt.Errorf("waiting for %q: %w", want, err)
		}
	}
	return nil
}
