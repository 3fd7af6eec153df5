package main

import (
	"context"
	"errors"
)

// background is a server serving on its own goroutine. Its Shutdown stops
// the server and then waits for Serve to return; Serve's closed error is
// its normal end, anything else is reported.
type background struct {
	stop   func(context.Context) error
	served chan error
	closed error
}

// inBackground runs serve on its own goroutine; stop ends it.
func inBackground(serve func() error, stop func(context.Context) error, closed error) background {
	b := background{stop: stop, served: make(chan error, 1), closed: closed}
	go func() { b.served <- serve() }()
	return b
}

// Shutdown stops the server and waits for Serve to return.
func (b background) Shutdown(ctx context.Context) error {
	err := b.stop(ctx)
	if served := <-b.served; !errors.Is(served, b.closed) {
		err = errors.Join(err, served)
	}
	return err
}
