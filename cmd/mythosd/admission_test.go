package main

import (
	"crypto/rand"
	"fmt"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	dto "github.com/prometheus/client_model/go"

	"mythosd/world/netcore"
	"mythosd/world/netcore/nettest"
)

// telnetStats are the figures of the server's telnet listener.
func telnetStats(srv *server) netcore.Stats {
	return srv.named["telnet"].(connCounter).connStats()
}

// TestSilentConnectionsCannotKeepPlayersOut opens 3,000 connections that
// never send a byte: they fill the login budget, not the server; a real
// player still gets in and plays, and the silent ones are gone after the
// login grace.
func TestSilentConnectionsCannotKeepPlayersOut(t *testing.T) {
	if testing.Short() {
		t.Skip("3,000 connections")
	}
	cfg := testConfig(t.TempDir())
	cfg.MaxConns, cfg.MaxLogin, cfg.LoginGrace = 3100, 500, 6*time.Second
	srv := startServer(t, cfg)
	addr := srv.addr("telnet")
	silent := make([]net.Conn, 0, 3000)
	t.Cleanup(func() {
		for _, c := range silent {
			c.Close()
		}
	})
	for range 3000 {
		c, err := net.DialTimeout("tcp", addr, waitLimit)
		if err != nil {
			t.Fatalf("dial silent connection %d: %v", len(silent), err)
		}
		silent = append(silent, c)
	}
	if st := telnetStats(srv); st.LoggingIn > cfg.MaxLogin || st.LoggedIn != 0 {
		t.Fatalf("silent connections past the login budget: %+v", st)
	}
	player := dialPlayer(t, addr)
	player.createCharacter("Armitage", "miskatonic")
	player.do("look", "Exits:")
	nettest.WaitForWithin(t, 3*cfg.LoginGrace, "the silent connections to end", func() error {
		if st := telnetStats(srv); st.Open != 1 || st.LoggedIn != 1 {
			return fmt.Errorf("%d open, %d logging in", st.Open, st.LoggingIn)
		}
		return nil
	})
	st := telnetStats(srv)
	if st.Refused[netcore.ReasonLoginBudget]+st.Ended[netcore.CauseDisplaced] == 0 || st.Ended[netcore.CauseLoginGrace] == 0 {
		t.Errorf("stats = %+v, want refusals or displacements at the login budget, and ends at the grace", st)
	}
	player.do("look", "Exits:")
}

// dialPlayer dials until the server greets instead of refusing: a player
// retries as a refused one would.
func dialPlayer(t *testing.T, addr string) *rawClient {
	t.Helper()
	var c *rawClient
	nettest.WaitFor(t, "a greeting", func() error {
		nc, err := net.DialTimeout("tcp", addr, waitLimit)
		if err != nil {
			return err
		}
		nc.SetReadDeadline(time.Now().Add(waitLimit))
		buf := make([]byte, 512)
		n, err := nc.Read(buf)
		if err != nil || strings.Contains(string(buf[:n]), "try again") {
			nc.Close()
			return fmt.Errorf("refused: %q %v", buf[:n], err)
		}
		t.Cleanup(func() { nc.Close() })
		c = &rawClient{t: t, conn: nc}
		c.seen.Write(buf[:n])
		return nil
	})
	return c
}

// TestAdmissionLimits drives the per-address cap and the byte budget
// before login against the real server, and finds both in /metrics.
func TestAdmissionLimits(t *testing.T) {
	cfg := testConfig(t.TempDir())
	cfg.MaxPerAddr = 2
	cfg.MetricsAddr = "127.0.0.1:0"
	srv := startServer(t, cfg)
	addr := srv.addr("telnet")

	first, second := dial(t, addr), dial(t, addr)
	first.expect("name")
	second.expect("name")
	third := dial(t, addr)
	if got := third.expect("address"); !strings.Contains(got, "Too many connections from your address") {
		t.Errorf("the third connection read %q", got)
	}
	if !third.closed() {
		t.Error("the refused connection stayed open")
	}
	first.conn.Close()
	nettest.WaitFor(t, "the first connection to end", nettest.Until(func() bool { return telnetStats(srv).Open == 1 }, nettest.ErrNotYet))

	answers := garbageUntilDropped(t, addr, 100<<20)
	if answers > 16<<10 {
		t.Errorf("the server answered %d bytes of garbage before dropping it, want a few KB at most", answers)
	}

	nettest.WaitFor(t, "the garbage sender's end to be counted", func() error {
		if st := telnetStats(srv); st.Ended[netcore.CauseLoginFailed] == 0 {
			return fmt.Errorf("ends %v", st.Ended)
		}
		return nil
	})
	fams := scrape(t, srv.addr("metrics"))
	for _, tt := range []struct {
		family string
		labels map[string]string
	}{
		{"mythosd_connections_refused_total", map[string]string{"listener": "telnet", "reason": "per_address"}},
		{"mythosd_connections_ended_total", map[string]string{"listener": "telnet", "cause": "login_failed"}},
		{"mythosd_connections_ended_total", map[string]string{"listener": "telnet", "cause": "client_closed"}},
	} {
		if v, ok := metricValue(fams[tt.family], tt.labels); !ok || v < 1 {
			t.Errorf("%s%v = %v (found %v), want at least 1", tt.family, tt.labels, v, ok)
		}
		if k := fams[tt.family].GetType(); k != dto.MetricType_COUNTER {
			t.Errorf("%s is a %v", tt.family, k)
		}
	}
}

// garbageUntilDropped sends up to limit random bytes before login until
// the server hangs up, and returns how many bytes it answered.
func garbageUntilDropped(t *testing.T, addr string, limit int) int64 {
	t.Helper()
	nc, err := net.DialTimeout("tcp", addr, waitLimit)
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		junk := make([]byte, 64<<10)
		for sent := 0; sent < limit; sent += len(junk) {
			rand.Read(junk)
			nc.SetWriteDeadline(time.Now().Add(waitLimit))
			if _, err := nc.Write(junk); err != nil {
				return // the server hung up: what we wait for
			}
		}
	}()
	n, closed := nettest.DrainToEOF(nc)
	if !closed {
		t.Fatalf("still open after %v of garbage", nettest.Timeout)
	}
	nc.Close()
	wg.Wait()
	return n
}
