package netcore

import (
	"context"
	"errors"
	"net"
	"testing"
)

// TestListenerShutdownBeforeServe: a Shutdown that comes before the
// transport's first Serve (a server stopped as it starts) makes that
// Serve return ErrServerClosed and close its listener, with the core never
// configured.
func TestListenerShutdownBeforeServe(t *testing.T) {
	var ls Listener
	if err := ls.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	configured := false
	err = ls.ServeCore(l, func(s *Server) { configured, s.Handle = true, func(*Conn) {} })
	if !errors.Is(err, ErrServerClosed) {
		t.Errorf("Serve after Shutdown: %v, want ErrServerClosed", err)
	}
	if configured {
		t.Error("the core was configured after Shutdown")
	}
	if _, err := l.Accept(); err == nil {
		t.Error("the listener is still open")
	}
}
