package ssh

import (
	"context"
	"errors"
	"io"
	"net"
	"strings"
	"testing"
	"time"

	"mythosd/world/netcore/nettest"

	"mythosd/world/netcore"

	gossh "golang.org/x/crypto/ssh"
)

func TestLoginMethods(t *testing.T) {
	ts := startServer(t, nil)
	aliceKey := ts.newClientKey(t, "alice")
	tests := []struct {
		name string
		user string
		auth []gossh.AuthMethod
		want string
	}{
		{"password", "alice", []gossh.AuthMethod{gossh.Password("lanterns1")}, "Welcome back, alice."},
		{"password, name in capitals", "ALICE", []gossh.AuthMethod{gossh.Password("lanterns1")}, "Welcome back, ALICE."},
		{"registered key", "alice", []gossh.AuthMethod{gossh.PublicKeys(aliceKey)}, "Welcome back, alice."},
		{"new needs nothing", "new", nil, "Welcome, stranger."},
		{"New in capitals", "New", nil, "Welcome, stranger."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := ts.play(t, tt.user, "xterm", 80, tt.auth...)
			got := p.expect("> ")
			if !strings.Contains(got, tt.want) {
				t.Fatalf("greeting = %q, want %q", got, tt.want)
			}
			if got := p.do("hello"); !strings.Contains(got, "You typed: hello") {
				t.Fatalf("answer = %q", got)
			}
		})
	}
}

func TestRefusedLogins(t *testing.T) {
	ts := startServer(t, nil)
	stranger := ts.newClientKey(t, "")
	bobsKey := ts.newClientKey(t, "bob")
	tests := []struct {
		name string
		user string
		auth gossh.AuthMethod
	}{
		{"wrong password", "alice", gossh.Password("lanterns2")},
		{"unknown name", "nobody", gossh.Password("lanterns1")},
		{"unregistered key", "alice", gossh.PublicKeys(stranger)},
		{"another player's key", "alice", gossh.PublicKeys(bobsKey)},
		{"absurd name", strings.Repeat("a", 500), gossh.Password("lanterns1")},
		{"no method", "alice", nil},
	}
	errs := map[string]string{}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var auth []gossh.AuthMethod
			if tt.auth != nil {
				auth = append(auth, tt.auth)
			}
			_, err := ts.dial(t, tt.user, auth...)
			if err == nil || !strings.Contains(err.Error(), "unable to authenticate") {
				t.Fatalf("dial = %v, want an authentication failure", err)
			}
			errs[tt.name] = err.Error()
		})
	}
	if errs["wrong password"] != errs["unknown name"] {
		t.Errorf("a wrong password and an unknown name are told apart:\n%s\n%s", errs["wrong password"], errs["unknown name"])
	}
	if n := len(ts.game.accepted); n != 0 {
		t.Errorf("%d sessions were accepted", n)
	}
}

func TestPasswordRetryLimit(t *testing.T) {
	ts := startServer(t, nil)
	tries := 0
	guess := gossh.RetryableAuthMethod(gossh.PasswordCallback(func() (string, error) {
		tries++
		return "guess", nil
	}), 100)
	if _, err := ts.dial(t, "alice", guess); err == nil {
		t.Fatal("guessing got in")
	}
	if tries > maxAuthTries {
		t.Errorf("the server took %d passwords on one connection, want at most %d", tries, maxAuthTries)
	}
}

func TestSessionRefusals(t *testing.T) {
	ts := startServer(t, nil)
	tests := []struct {
		name    string
		pty     bool
		command string
		want    string
	}{
		{"shell without a PTY", false, "", noPTYMessage},
		{"command with a PTY", true, "look", commandMessage},
		{"command without a PTY", false, "look", commandMessage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			client, err := ts.dial(t, "alice", gossh.Password("lanterns1"))
			if err != nil {
				t.Fatal(err)
			}
			sess, err := client.NewSession()
			if err != nil {
				t.Fatal(err)
			}
			if tt.pty {
				if err := sess.RequestPty("xterm", 24, 80, gossh.TerminalModes{}); err != nil {
					t.Fatal(err)
				}
			}
			var stderr strings.Builder
			sess.Stderr = &stderr
			if tt.command == "" {
				err = sess.Shell()
				if err == nil {
					err = sess.Wait()
				}
			} else {
				err = sess.Run(tt.command)
			}
			var exit *gossh.ExitError
			if !errors.As(err, &exit) || exit.ExitStatus() != 1 {
				t.Errorf("session ended with %v, want exit status 1", err)
			}
			if got := stderr.String(); got != tt.want+"\n" {
				t.Errorf("stderr = %q, want the one-line reason %q", got, tt.want)
			}
		})
	}
	if n := len(ts.game.accepted); n != 0 {
		t.Errorf("%d refused sessions reached the game", n)
	}
}

func TestOneSessionPerConnection(t *testing.T) {
	ts := startServer(t, nil)
	p := ts.play(t, "alice", "xterm", 80, gossh.Password("lanterns1"))
	p.expect("> ")
	_, err := p.Client.NewSession()
	if err == nil || !strings.Contains(err.Error(), oneSessionReason) {
		t.Fatalf("second session: %v, want refused with %q", err, oneSessionReason)
	}
	if got := p.do("still here"); !strings.Contains(got, "You typed: still here") {
		t.Fatalf("first session after the refusal: %q", got)
	}
}

// TestOnlyTheShellIsServed checks that what a connection asks besides its
// session is refused and leaves the session playing: a port forward, a
// global request, a subsystem, and a second PTY or shell.
func TestOnlyTheShellIsServed(t *testing.T) {
	ts := startServer(t, nil)
	p := ts.play(t, "alice", "xterm", 80, gossh.Password("lanterns1"))
	p.expect("> ")
	tests := []struct {
		name string
		ask  func() error
	}{
		{"port forward", func() error {
			_, _, err := p.Client.OpenChannel("direct-tcpip", nil)
			return err
		}},
		{"global request", func() error {
			ok, _, err := p.Client.SendRequest("tcpip-forward", true, nil)
			return refused(ok, err)
		}},
		{"subsystem", func() error {
			return refused(p.Session.SendRequest("subsystem", true, gossh.Marshal(struct{ Name string }{"sftp"})))
		}},
		{"second PTY", func() error {
			return p.Session.RequestPty("xterm", 24, 80, gossh.TerminalModes{})
		}},
		{"second shell", func() error { return p.Session.Shell() }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.ask(); err == nil {
				t.Fatal("granted")
			}
			if got := p.do("still here"); !strings.Contains(got, "You typed: still here") {
				t.Fatalf("the session after the refusal: %q", got)
			}
		})
	}
}

// refused turns a request's reply into an error when it was granted.
func refused(ok bool, err error) error {
	if err != nil || !ok {
		return errors.New("refused")
	}
	return nil
}

func TestMaxConns(t *testing.T) {
	ts := startServer(t, func(s *Server) { s.Limits.MaxConns = 1 })
	p := ts.play(t, "alice", "xterm", 80, gossh.Password("lanterns1"))
	p.expect("> ")
	if _, err := ts.dial(t, "alice", gossh.Password("lanterns1")); err == nil {
		t.Fatal("a connection beyond MaxConns got in")
	}
	if st := ts.Stats(); st.Open != 1 || st.Accepted != 1 || st.Refused[netcore.ReasonFull] != 1 {
		t.Errorf("Stats = %+v, want 1 open, 1 served, 1 refused", st)
	}
	p.Client.Close()
	ok := nettest.Poll(func() bool {
		c, err := ts.dial(t, "alice", gossh.Password("lanterns1"))
		if err == nil {
			c.Close()
		}
		return err == nil
	})
	if !ok {
		t.Fatal("the freed slot was never given to a new connection")
	}
}

func TestLoginGraceClosesIdleConnections(t *testing.T) {
	ts := startServer(t, func(s *Server) { s.Limits.LoginGrace = 20 * time.Millisecond })
	nc, err := net.Dial("tcp", ts.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	nc.SetReadDeadline(time.Now().Add(ioTimeout))
	got, err := io.ReadAll(nc)
	if err != nil {
		t.Fatalf("connection that never logged in stayed open: %v", err)
	}
	if !strings.HasPrefix(string(got), "SSH-2.0-mythosd") {
		t.Errorf("server said %q", got)
	}
}

func TestShutdownWaitsForSessions(t *testing.T) {
	ts := startServer(t, nil)
	p := ts.play(t, "alice", "xterm", 80, gossh.Password("lanterns1"))
	p.expect("> ")
	conn := ts.game.next(t)
	idle, err := net.Dial("tcp", ts.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer idle.Close()
	shut := make(chan error, 1)
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), ioTimeout)
		defer cancel()
		shut <- ts.Shutdown(ctx)
	}()
	idle.SetReadDeadline(time.Now().Add(ioTimeout))
	if _, err := io.ReadAll(idle); err != nil {
		t.Fatalf("a connection without a session was left open: %v", err)
	}
	select {
	case err := <-shut:
		t.Fatalf("Shutdown returned %v while a session was playing", err)
	default:
	}
	if got := p.do("still playing"); !strings.Contains(got, "You typed: still playing") {
		t.Fatalf("session during shutdown: %q", got)
	}
	conn.Send("The world grows dim.\n")
	conn.Close(netcore.CauseKicked)
	p.expect("The world grows dim.")
	if err := p.wait(); err != nil {
		t.Errorf("session ended with %v, want exit status 0", err)
	}
	p.Client.Close()
	if err := <-shut; err != nil {
		t.Fatalf("Shutdown: %v", err)
	}
	if _, err := ts.dial(t, "alice", gossh.Password("lanterns1")); err == nil {
		t.Fatal("dial after Shutdown succeeded")
	}
}

func TestShutdownGivesUpWithContext(t *testing.T) {
	ts := startServer(t, nil)
	p := ts.play(t, "alice", "xterm", 80, gossh.Password("lanterns1"))
	p.expect("> ")
	conn := ts.game.next(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := ts.Shutdown(ctx); !errors.Is(err, context.Canceled) {
		t.Fatalf("Shutdown = %v, want context.Canceled", err)
	}
	if err := p.wait(); err == nil {
		t.Error("the session survived a forced shutdown")
	}
	ts.game.waitHangup(t, conn)
}

func TestServeRefusals(t *testing.T) {
	closed := startServer(t, nil)
	closed.Close()
	tests := []struct {
		name string
		srv  *Server
		want string
	}{
		{"no game", &Server{HostKey: closed.HostKey}, "required"},
		{"no host key", &Server{Game: newTestGame()}, "required"},
		{"after close", closed.Server, ErrServerClosed.Error()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				t.Fatal(err)
			}
			if err := tt.srv.Serve(l); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Serve = %v, want %q", err, tt.want)
			}
			if _, err := l.Accept(); err == nil {
				t.Error("Serve left the listener open")
			}
		})
	}
}
