package main

import (
	"context"
	"fmt"
	"net"
	"net/netip"
	"time"

	"mythosd/world/netcore"
)

// keepAlive is the TCP keepalive of every listener. Go's default (15 s
// idle, then 9 probes 15 s apart) drops a peer whose kernel does not answer
// for 150 s; docs/PERFORMANCE.md ("Keepalive") says why mythosd waits
// longer before it probes and probes less often.
var keepAlive = net.KeepAliveConfig{Enable: true, Idle: 2 * time.Minute, Interval: 30 * time.Second, Count: 6}

// sendBuffer is each player connection's kernel send buffer: room for
// several screens of output, and a bound on what a client that stops
// reading makes the kernel hold (Linux would grow it to 4 MiB).
const sendBuffer = 64 << 10

// listen opens a TCP listener with the server's keepalive settings.
func listen(addr string) (net.Listener, error) {
	lc := net.ListenConfig{KeepAliveConfig: keepAlive}
	return lc.Listen(context.Background(), "tcp", addr)
}

// limits are the admission limits of a player listener.
func (c config) limits() netcore.Limits {
	maxLogin := c.MaxLogin
	if maxLogin == 0 {
		maxLogin = max(1, c.MaxConns/4)
	}
	return netcore.Limits{
		MaxConns:   c.MaxConns,
		MaxPerAddr: c.MaxPerAddr,
		MaxLogin:   maxLogin,
		LoginGrace: c.LoginGrace,
		SendBuffer: sendBuffer,
	}
}

// banned returns the world's ban check for the accept loops, once the
// world keeps bans; nil until then.
func (s *server) banned() func(netip.Addr) bool {
	if b, ok := any(s.world).(interface{ Banned(netip.Addr) bool }); ok {
		return b.Banned
	}
	return nil
}

// playerLimits are the admission limits of a player listener, with the
// world's bans.
func (s *server) playerLimits() netcore.Limits {
	l := s.cfg.limits()
	l.Banned = s.banned()
	return l
}

// listenErr words a listen error with the flag that fixes it.
func listenErr(what, addr, flag string, err error) error {
	return fmt.Errorf("listen %s on %s: %w (change -%s)", what, addr, err, flag)
}
