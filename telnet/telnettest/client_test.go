package telnettest_test

import (
	"errors"
	"fmt"
	"log/slog"
	"net"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"mythosd/telnet"
	"mythosd/telnet/telnettest"
	"mythosd/world"
	"mythosd/world/netcore"
)

// echoWorld greets with a prompt and answers a few commands.
type echoWorld struct{}

func (echoWorld) Accept(c world.Conn) world.LineHandler {
	c.Send("Welcome.\n")
	c.Prompt("name? ")
	return echoLines{c: c}
}

type echoLines struct{ c world.Conn }

func (h echoLines) Line(line string) {
	switch line {
	case "gmcp":
		ok := h.c.(world.DataSender).SendData("Room.Info", []byte(`{"num":1}`))
		h.c.Send(fmt.Sprintf("sent: %v\n", ok))
	case "quit":
		h.c.Send("Bye.\n")
		h.c.Close(netcore.CauseQuit)
	default:
		h.c.Send("you said: " + line + "\n")
		h.c.Prompt("> ")
	}
}

func (echoLines) Hangup() {}

// serve starts a telnet server with the default options on 127.0.0.1.
func serve(tb testing.TB) string {
	tb.Helper()
	s := &telnet.Server{Acceptor: echoWorld{}, Logger: slog.New(slog.DiscardHandler)}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatalf("listen: %v", err)
	}
	served := make(chan error, 1)
	go func() { served <- s.Serve(l) }()
	tb.Cleanup(func() {
		_ = s.Close()
		if err := <-served; !errors.Is(err, telnet.ErrServerClosed) {
			tb.Errorf("Serve returned %v", err)
		}
	})
	return l.Addr().String()
}

func TestClientTalksToTheRealServer(t *testing.T) {
	addr := serve(t)
	tests := []struct {
		name   string
		accept map[byte]bool
		gmcp   []string
		sent   string
	}{
		{"refuses every option", nil, nil, "sent: false"},
		{"accepts GMCP", map[byte]bool{telnet.OptGMCP: true}, []string{`Room.Info {"num":1}`}, "sent: true"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := telnettest.Dial(t, addr)
			c.Accept = tt.accept
			if got := c.Expect("name? "); !strings.HasSuffix(got, "Welcome.\r\nname? ") {
				t.Fatalf("greeting %q", got)
			}
			c.SendGMCP(`Core.Supports.Set ["Room 1"]`)
			c.Send("Randolph")
			// Refusing MCCP2 keeps this plain text: compressed, it would
			// never match.
			c.Expect("you said: Randolph\r\n> ")
			c.Send("gmcp")
			c.Expect(tt.sent)
			if got := c.GMCP(); fmt.Sprint(got) != fmt.Sprint(tt.gmcp) {
				t.Fatalf("GMCP %q, want %q", got, tt.gmcp)
			}
			if c.Marks() < 2 {
				t.Fatalf("%d prompt marks after two prompts", c.Marks())
			}
			c.Send("quit")
			c.Expect("Bye.\r\n")
			if !c.Closed() {
				t.Fatal("the server did not close after quit")
			}
		})
	}
}

func TestUntilClosedCountsBytes(t *testing.T) {
	c := telnettest.Dial(t, serve(t))
	c.Send("quit")
	n, closed := c.UntilClosed()
	if !closed || n < len("Welcome.\r\nname? Bye.\r\n") {
		t.Fatalf("UntilClosed = %d, %v; want the whole greeting and goodbye, then the close", n, closed)
	}
	if rest := c.Rest(); !strings.Contains(rest, "Bye.") {
		t.Fatalf("text kept %q", rest)
	}
}

// fatalRecorder is a testing.TB whose Fatalf records its message and ends
// the goroutine, as the real one does.
type fatalRecorder struct {
	testing.TB
	msg string
}

func (f *fatalRecorder) Helper() {}

func (f *fatalRecorder) Fatalf(format string, args ...any) {
	f.msg = fmt.Sprintf(format, args...)
	runtime.Goexit()
}

func TestExpectFailureShowsWhatWasSeen(t *testing.T) {
	addr := serve(t)
	rec := &fatalRecorder{TB: t}
	nc, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	c := telnettest.New(rec, nc)
	c.Timeout = 500 * time.Millisecond
	var wg sync.WaitGroup
	wg.Go(func() { c.Expect("never sent") })
	wg.Wait()
	if !strings.Contains(rec.msg, `waiting for "never sent"`) || !strings.Contains(rec.msg, `Welcome.\r\nname? `) {
		t.Fatalf("failure message %q does not show the wait and the text seen", rec.msg)
	}
}

func TestStrip(t *testing.T) {
	tests := []struct{ in, want string }{
		{"\xff\xfb\x01pass\xff\xf9", "pass"},
		{"\x1b[1ma\xff\xffb\r\n", "\x1b[1ma\xffb\r\n"},
		{"\xff\xfa\xc9Core.Ping\xff\xf0ok", "ok"},
	}
	for _, tt := range tests {
		if got := string(telnettest.Strip([]byte(tt.in))); got != tt.want {
			t.Errorf("Strip(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
