package netcore

import (
	"context"
	"net"
	"sync"
)

// Listener gives a transport's server the net/http shape of the core:
// embed it, and have the transport's Serve call ServeCore with the core's
// configuration. Shutdown, Close and Stats work before any Serve.
type Listener struct {
	once sync.Once
	core Server
}

// ServeCore configures the core with setup on the first call (unless
// Shutdown or Close came first), then serves l as Server.Serve does.
// setup sets the core's configuration fields one by one: it must not
// replace the whole Server.
func (ls *Listener) ServeCore(l net.Listener, setup func(*Server)) error {
	ls.once.Do(func() { setup(&ls.core) })
	if ls.core.Handle == nil { // a Shutdown or Close settled the core before any setup
		l.Close()
		return ErrServerClosed
	}
	return ls.core.Serve(l)
}

// Shutdown is Server.Shutdown.
func (ls *Listener) Shutdown(ctx context.Context) error { return ls.settled().Shutdown(ctx) }

// Close is Server.Close.
func (ls *Listener) Close() error { return ls.settled().Close() }

// Stats is Server.Stats.
func (ls *Listener) Stats() Stats { return ls.core.Stats() }

// settled returns the core once its configuration can no longer change: a
// Serve after a Shutdown or Close finds the core closed, unconfigured.
func (ls *Listener) settled() *Server {
	ls.once.Do(func() {})
	return &ls.core
}
