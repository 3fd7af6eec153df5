package netcore

import (
	"net/netip"
	"time"
)

// Defaults for the Limits left at zero.
const (
	// DefaultLoginGrace is how long a connection has from its accept to
	// entering the world, TLS handshake included.
	DefaultLoginGrace = 60 * time.Second
	// DefaultLoginBytes is how many bytes a client may send before it has
	// logged in: a name, a password and a client's negotiation fit many
	// times over; garbage costs the sender its connection.
	DefaultLoginBytes = 16 << 10
	// DefaultWriteTimeout bounds each write to a client.
	DefaultWriteTimeout = 10 * time.Second
)

// Limits is what a Server admits, and for how long before login.
type Limits struct {
	// MaxConns caps the open connections; 0 means no cap.
	MaxConns int
	// MaxPerAddr caps the open connections of one address (IPv4) or one
	// /64 (IPv6); 0 means no cap.
	MaxPerAddr int
	// MaxLogin caps the connections still logging in; 0 means no cap
	// beyond MaxConns. Connections that logged in fill the rest of
	// MaxConns, so that logged-in players always keep their place.
	MaxLogin int
	// LoginGrace bounds the time from accept to LoggedIn
	// (DefaultLoginGrace if 0).
	LoginGrace time.Duration
	// LoginBytes bounds what a client sends before LoggedIn
	// (DefaultLoginBytes if 0).
	LoginBytes int64
	// DisplaceAfter is how long a connection must have been logging in
	// before a newcomer may take its place when MaxLogin is reached
	// (LoginGrace/6 if 0). A younger one makes the newcomer be refused.
	DisplaceAfter time.Duration
	// SendBuffer, when positive, fixes each TCP connection's kernel send
	// buffer (SO_SNDBUF) instead of letting Linux grow it to megabytes for
	// a client that stops reading (docs/PERFORMANCE.md, "Keepalive").
	SendBuffer int
	// Banned, when set, refuses an address at accept. It must be fast and
	// do no I/O: it runs on the accept loop.
	Banned func(netip.Addr) bool
}

// grace returns the login grace in force.
func (l *Limits) grace() time.Duration {
	if l.LoginGrace <= 0 {
		return DefaultLoginGrace
	}
	return l.LoginGrace
}

// loginBytes returns the byte budget before login in force.
func (l *Limits) loginBytes() int64 {
	if l.LoginBytes <= 0 {
		return DefaultLoginBytes
	}
	return l.LoginBytes
}

// displaceAfter returns the age past which a connection still logging in
// may be displaced.
func (l *Limits) displaceAfter() time.Duration {
	if l.DisplaceAfter <= 0 {
		return l.grace() / 6
	}
	return l.DisplaceAfter
}

// addrKey is what the per-address cap counts by: the address for IPv4,
// its /64 for IPv6.
func addrKey(a netip.Addr) netip.Prefix {
	a = a.Unmap()
	bits := 32
	if a.Is6() {
		bits = 64
	}
	p, err := a.Prefix(bits)
	if err != nil { // an invalid address: all such share one key
		return netip.Prefix{}
	}
	return p
}
