package world

import (
	"cmp"
	"fmt"
	"log/slog"
	"net/netip"
	"slices"
	"strings"
	"sync"
	"time"
)

// Guessing back-off: after a failed password, the address and the account
// wait guardBase, doubling with each failure up to guardCap; failures are
// forgotten guardForget after the last one.
const (
	guardBase    = time.Second
	guardCap     = time.Minute
	guardForget  = 15 * time.Minute
	guardSummary = time.Minute // cadence of the summary log line
	guardTop     = 5           // addresses and accounts named in the summary
	guardMaxKeys = 100_000     // entries kept at most; see failed
	// guardTrust is how long an address where an account's password was
	// right stays spared that account's back-off.
	guardTrust = 30 * 24 * time.Hour
)

// guard slows password guessing per address and per account. The read
// loops of connections logging in and the SSH authenticator call it, so it
// has its own lock; it never does I/O. Times come from the world's clock.
type guard struct {
	mu      sync.Mutex
	clock   Clock
	base    time.Duration
	strikes map[string]*strike // "a:"+address key or "n:"+name key
	// trusted holds, by name key + "@" + address key, when the account
	// last logged in from that address: such an address is spared the
	// account's back-off, so that guessers elsewhere cannot lock the
	// owner out. Bounded by maxKeys like strikes.
	trusted map[string]time.Time
	maxKeys int // bound on strikes and on the summary's counts
	// Since the last summary.
	failures int
	refusals int // passwords refused unchecked while backed off
	byAddr   map[string]int
	byName   map[string]int
	next     time.Time // when the next summary is due
	swept    time.Time // when the strikes were last swept because they were many
}

// strike is the failure record of one address or account.
type strike struct {
	fails int
	last  time.Time // the last failure
	until time.Time // no password is checked before then
}

func newGuard(clock Clock, base time.Duration) *guard {
	return &guard{clock: clock, base: base, strikes: make(map[string]*strike), trusted: make(map[string]time.Time),
		maxKeys: guardMaxKeys,
		byAddr:  make(map[string]int), byName: make(map[string]int), next: clock.Now().Add(guardSummary)}
}

// addrKey is the part of a remote address that guessing is counted by: the
// IP, or its /64 for IPv6. An address that does not parse counts as itself.
func addrKey(remote string) string {
	ap, err := netip.ParseAddrPort(remote)
	var a netip.Addr
	if err == nil {
		a = ap.Addr()
	} else if a, err = netip.ParseAddr(remote); err != nil {
		return remote
	}
	a = a.Unmap()
	if a.Is4() {
		return a.String()
	}
	p, _ := a.Prefix(64)
	return p.String()
}

// wait returns how long the address and the account must still wait before
// a password of theirs is checked; 0 when it may be checked now. Callers
// refuse the password unchecked when it is not 0, and it counts as refused.
// An address the account logged in from lately waits only for itself.
func (g *guard) wait(addr, name string) time.Duration {
	g.mu.Lock()
	defer g.mu.Unlock()
	now := g.clock.Now()
	d := g.remaining("a:"+addr, now)
	if !g.trusts(addr, name, now) {
		d = max(d, g.remaining("n:"+nameKey(name), now))
	}
	if d > 0 {
		g.refusals++
	}
	return d
}

func (g *guard) remaining(key string, now time.Time) time.Duration {
	s := g.strikes[key]
	if s == nil {
		return 0
	}
	return max(s.until.Sub(now), 0)
}

// failed records a wrong password from addr for name; name "" (a name
// that belongs to nobody, so that nothing of it can be locked) counts
// against the address only.
func (g *guard) failed(addr, name string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	now := g.clock.Now()
	if len(g.strikes) >= g.maxKeys && now.Sub(g.swept) >= time.Second {
		g.swept = now
		g.sweep(now)
	}
	g.strike("a:"+addr, now)
	g.failures++
	if len(g.byAddr) < g.maxKeys {
		g.byAddr[addr]++
	}
	if name == "" {
		return
	}
	g.strike("n:"+nameKey(name), now)
	if len(g.byName) < g.maxKeys {
		g.byName[nameKey(name)]++
	}
}

// strike counts a failure against key. When maxKeys keys are held
// (even after a sweep), a new key is not recorded: the table stays bounded
// and the keys already held keep their back-off.
func (g *guard) strike(key string, now time.Time) {
	s := g.strikes[key]
	if s == nil && len(g.strikes) >= g.maxKeys {
		return
	}
	if s == nil || now.Sub(s.last) >= guardForget {
		s = &strike{}
		g.strikes[key] = s
	}
	s.fails++
	s.last = now
	s.until = now.Add(backoff(g.base, s.fails))
}

// backoff is the wait after fails failures: base, doubling, at most guardCap.
func backoff(base time.Duration, fails int) time.Duration {
	d := base
	for i := 1; i < fails && d < guardCap; i++ {
		d *= 2
	}
	return min(d, guardCap)
}

// succeeded forgets the account's failures once its password was right,
// and trusts addr for it from now on (see trusted).
func (g *guard) succeeded(addr, name string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	delete(g.strikes, "n:"+nameKey(name))
	key := nameKey(name) + "@" + addr
	if _, known := g.trusted[key]; known || len(g.trusted) < g.maxKeys {
		g.trusted[key] = g.clock.Now()
	}
}

// trusts reports whether the account logged in from addr within
// guardTrust; g.mu is held.
func (g *guard) trusts(addr, name string, now time.Time) bool {
	at, ok := g.trusted[nameKey(name)+"@"+addr]
	return ok && now.Sub(at) < guardTrust
}

// sweep forgets the failures older than guardForget and the trust older
// than guardTrust; g.mu is held.
func (g *guard) sweep(now time.Time) {
	for k, s := range g.strikes {
		if now.Sub(s.last) >= guardForget {
			delete(g.strikes, k)
		}
	}
	for k, at := range g.trusted {
		if now.Sub(at) >= guardTrust {
			delete(g.trusted, k)
		}
	}
}

// summarize logs one line about the failures since the last summary, when
// one is due and there were any, and forgets old failures. The world loop
// calls it from the tick.
func (g *guard) summarize(log *slog.Logger, now time.Time) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if now.Before(g.next) {
		return
	}
	g.next = now.Add(guardSummary)
	g.sweep(now)
	if g.failures == 0 && g.refusals == 0 {
		return
	}
	log.Warn("password failures", "count", g.failures, "refused_unchecked", g.refusals, "addresses", len(g.byAddr),
		"top_addresses", top(g.byAddr), "accounts", len(g.byName), "top_accounts", top(g.byName),
		"backed_off", len(g.strikes))
	g.failures, g.refusals = 0, 0
	clear(g.byAddr)
	clear(g.byName)
}

// top names the guardTop keys with the highest counts: "a=3 b=1".
func top(counts map[string]int) string {
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int {
		return cmp.Or(cmp.Compare(counts[b], counts[a]), strings.Compare(a, b))
	})
	var b strings.Builder
	for i, k := range keys[:min(len(keys), guardTop)] {
		if i > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "%s=%d", k, counts[k])
	}
	return b.String()
}

// waitText tells a player how long to wait, in whole seconds.
func waitText(d time.Duration) string {
	secs := int((d + time.Second - 1) / time.Second)
	if secs == 1 {
		return "1 second"
	}
	return fmt.Sprintf("%d seconds", secs)
}
