package world

import (
	"context"
	"errors"
	"fmt"
	"net/netip"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"mythosd/store"
	"mythosd/world/netcore"
)

// BanInfo describes one ban: its target, expiry, reason, author and time.
type BanInfo = store.Ban

// maxBanMinutes bounds a timed ban (a year); longer ones are forever.
const maxBanMinutes = 365 * 24 * 60

// banSet is an immutable set of bans, swapped whole by the loop, so that a
// transport's accept can check an address without a lock or I/O: one map
// lookup per prefix length in use.
type banSet struct {
	byPrefix map[netip.Prefix]time.Time // expiry by prefix (zero: never)
	bits4    []int                      // the IPv4 prefix lengths in use
	bits6    []int                      // the IPv6 prefix lengths in use
	list     []store.Ban                // every ban, by target, for the console
}

// bans is the loop's list of bans and its published set.
type bans struct {
	list    map[netip.Prefix]store.Ban // loop-owned
	changes []store.BanChange          // loop-owned: for the next hand-off
	set     atomic.Pointer[banSet]
}

// loadBans reads the bans at start, before the loop runs.
func (w *World) loadBans() error {
	ctx, cancel := context.WithTimeout(context.Background(), storeTimeout)
	defer cancel()
	list, err := w.cfg.Store.Bans(ctx, w.cfg.Clock.Now())
	if err != nil {
		return err
	}
	w.bans.list = make(map[netip.Prefix]store.Ban, len(list))
	for _, b := range list {
		p, err := parseBanTarget(b.Target)
		if err != nil {
			w.log.Warn("unreadable ban skipped", "target", b.Target, "err", err)
			continue
		}
		w.bans.list[p] = b
	}
	w.publishBans()
	return nil
}

// Banned reports whether connections from addr are refused. It is fast,
// takes no lock and does no I/O: transports call it on accept.
func (w *World) Banned(addr netip.Addr) bool {
	set := w.bans.set.Load()
	if set == nil {
		return false
	}
	addr = addr.Unmap().WithZone("")
	bits := set.bits6
	if addr.Is4() {
		bits = set.bits4
	}
	for _, n := range bits {
		p, err := addr.Prefix(n)
		if err != nil {
			continue
		}
		if exp, ok := set.byPrefix[p]; ok && (exp.IsZero() || w.cfg.Clock.Now().Before(exp)) {
			return true
		}
	}
	return false
}

// publishBans swaps in a set made from the list. Loop only (and New).
func (w *World) publishBans() {
	set := &banSet{byPrefix: make(map[netip.Prefix]time.Time, len(w.bans.list))}
	for p, b := range w.bans.list {
		set.byPrefix[p] = b.Expires
		if p.Addr().Is4() {
			set.bits4 = appendNew(set.bits4, p.Bits())
		} else {
			set.bits6 = appendNew(set.bits6, p.Bits())
		}
	}
	set.list = w.banList()
	w.bans.set.Store(set)
}

// parseBanTarget reads an address or a CIDR prefix, masked.
func parseBanTarget(s string) (netip.Prefix, error) {
	if a, err := netip.ParseAddr(s); err == nil {
		a = a.Unmap().WithZone("")
		return netip.PrefixFrom(a, a.BitLen()), nil
	}
	p, err := netip.ParsePrefix(s)
	if err != nil {
		return netip.Prefix{}, fmt.Errorf("%q is not an address or a CIDR prefix (such as 192.0.2.7 or 192.0.2.0/24)", s)
	}
	if p.Addr().Is4In6() && p.Bits() >= 96 {
		p = netip.PrefixFrom(p.Addr().Unmap(), p.Bits()-96)
	}
	return p.Masked(), nil
}

// ErrNotBanned is returned when lifting a ban that does not exist.
var ErrNotBanned = errors.New("no such ban")

// Ban refuses connections from target (an address or a CIDR prefix) for d
// (0: forever), and ends the sessions already connected from there. by
// names who asked, for the log.
func (w *World) Ban(ctx context.Context, target string, d time.Duration, reason, by string) error {
	p, err := parseBanTarget(strings.TrimSpace(target))
	if err != nil {
		return err
	}
	return w.call(ctx, func(done func(error)) {
		w.ban(p, d, reason, by)
		done(nil)
	})
}

// Unban lifts the ban of target.
func (w *World) Unban(ctx context.Context, target, by string) error {
	p, err := parseBanTarget(strings.TrimSpace(target))
	if err != nil {
		return err
	}
	return w.call(ctx, func(done func(error)) { done(w.unban(p, by)) })
}

// ban records a ban, publishes it and ends the sessions it covers. Loop only.
func (w *World) ban(p netip.Prefix, d time.Duration, reason, by string) store.Ban {
	now := w.cfg.Clock.Now()
	b := store.Ban{Target: p.String(), Reason: reason, By: by, CreatedAt: now}
	if d > 0 {
		b.Expires = now.Add(d)
	}
	w.bans.list[p] = b
	w.bans.changes = append(w.bans.changes, store.BanChange{Ban: b})
	w.publishBans()
	w.audit.Info("admin ban", "target", b.Target, "expires", b.Expires, "reason", reason, "by", by)
	w.kickBanned(p, reason)
	return b
}

// unban lifts a ban. Loop only.
func (w *World) unban(p netip.Prefix, by string) error {
	b, ok := w.bans.list[p]
	if !ok {
		return fmt.Errorf("%s: %w", p, ErrNotBanned)
	}
	delete(w.bans.list, p)
	w.bans.changes = append(w.bans.changes, store.BanChange{Ban: b, Removed: true})
	w.publishBans()
	w.audit.Info("admin unban", "target", b.Target, "by", by)
	return nil
}

// kickBanned ends the sessions connected from p: playing ones and those
// still logging in. Loop only.
func (w *World) kickBanned(p netip.Prefix, reason string) {
	why := "\nThe sanitarium doors are barred to you"
	if reason != "" {
		why += ": " + reason
	}
	why += ".\n"
	for _, c := range w.chars {
		if c.online() && inPrefix(p, c.sess.conn.Info().RemoteAddr) {
			s := c.sess
			w.leave(s, why)
			s.conn.Close(netcore.CauseKicked)
		}
	}
	w.lobby.closeIf(func(s *Session) bool { return inPrefix(p, s.conn.Info().RemoteAddr) }, why)
}

// inPrefix reports whether the remote address ("host:port") is in p.
func inPrefix(p netip.Prefix, remote string) bool {
	ap, err := netip.ParseAddrPort(remote)
	return err == nil && p.Contains(ap.Addr().Unmap())
}

// expireBans drops the bans that have run out. Loop only, from the tick.
func (w *World) expireBans(now time.Time) {
	changed := false
	for p, b := range w.bans.list {
		if b.Expired(now) {
			delete(w.bans.list, p)
			w.bans.changes = append(w.bans.changes, store.BanChange{Ban: b, Removed: true})
			changed = true
		}
	}
	if changed {
		w.publishBans()
	}
}

// banList returns the bans, by target. Loop only.
func (w *World) banList() []store.Ban {
	out := make([]store.Ban, 0, len(w.bans.list))
	for _, b := range w.bans.list {
		out = append(out, b)
	}
	slices.SortFunc(out, func(a, b store.Ban) int { return strings.Compare(a.Target, b.Target) })
	return out
}

// takeBanChanges returns the ban changes for the hand-off and forgets them.
func (w *World) takeBanChanges() []store.BanChange {
	c := w.bans.changes
	w.bans.changes = nil
	return c
}

// appendNew appends n to s unless s holds it already.
func appendNew(s []int, n int) []int {
	if slices.Contains(s, n) {
		return s
	}
	return append(s, n)
}
