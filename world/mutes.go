package world

import (
	"context"
	"log/slog"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/patrickmn/go-cache"

	"mythosd/store"
)

// muteTTL is how long a receiver's mute list stays cached.
const muteTTL = 5 * time.Minute

// muteCache holds each receiver's mute list, and the admins' global mutes
// (owner store.GlobalMuteOwner), in a go-cache with a TTL. Missing lists
// are loaded in batches off the loop: the loop only ever reads the cache or
// queues an owner. Mute and unmute update the cache at once.
type muteCache struct {
	items    *cache.Cache
	st       Store
	post     func(func()) bool
	spawn    func(func(context.Context))
	log      *slog.Logger
	want     map[int64]struct{} // loop-owned: owners to load in the next batch
	loading  bool               // loop-owned: a batch is in flight
	nextScan time.Time          // loop-owned: next look for expired lists

	loads, misses atomic.Uint64
}

func newMuteCache(st Store, post func(func()) bool, spawn func(func(context.Context)), log *slog.Logger) *muteCache {
	return &muteCache{items: cache.New(muteTTL, 0), st: st, post: post, spawn: spawn, log: log, // no janitor: refresh expires
		want: make(map[int64]struct{})}
}

func ownerKey(owner int64) string { return strconv.FormatInt(owner, 10) }

// list returns owner's cached mutes; on a miss it queues a load and
// reports false.
func (mc *muteCache) list(owner int64) ([]store.Mute, bool) {
	if v, ok := mc.items.Get(ownerKey(owner)); ok {
		return v.([]store.Mute), true
	}
	mc.misses.Add(1)
	mc.need(owner)
	return nil, false
}

// need queues owner's list for the next batch load. Loop only.
func (mc *muteCache) need(owner int64) { mc.want[owner] = struct{}{} }

// set replaces owner's cached list: on mute and unmute, at once.
func (mc *muteCache) set(owner int64, mutes []store.Mute) {
	mc.items.SetDefault(ownerKey(owner), mutes)
}

// muted reports whether listener o has muted name (or another character
// of its account), or an admin has muted it for everyone but admins. A
// list not cached yet counts as empty until its batch arrives (within a
// tick or two).
func (mc *muteCache) muted(o *Character, name string, account int64, now time.Time) bool {
	if !o.Admin {
		if global, _ := mc.list(store.GlobalMuteOwner); findMute(global, name, account, now) {
			return true
		}
	}
	mine, _ := mc.list(o.ID)
	return findMute(mine, name, account, now)
}

// findMute reports whether a mute in force at now silences the sender
// called name of account (0: unknown): a mute of the name, or of any
// character of the same account.
func findMute(mutes []store.Mute, name string, account int64, now time.Time) bool {
	for _, m := range mutes {
		byName := !m.Gone && strings.EqualFold(m.Name, name)
		if (byName || account != 0 && m.Account == account) && !m.Expired(now) {
			return true
		}
	}
	return false
}

// muteScanEvery is how often the lists of online characters are checked
// for expiry (entering characters are queued at once).
const muteScanEvery = time.Minute

// refresh deletes expired lists (the cache has no janitor goroutine),
// queues the lists that online characters will need and starts one batch
// load of everything queued. Loop only, from the tick.
func (mc *muteCache) refresh(w *World, now time.Time) {
	mc.items.DeleteExpired()
	if _, ok := mc.items.Get(ownerKey(store.GlobalMuteOwner)); !ok {
		mc.need(store.GlobalMuteOwner)
	}
	if !now.Before(mc.nextScan) {
		mc.nextScan = now.Add(muteScanEvery)
		for _, c := range w.chars {
			if _, ok := mc.items.Get(ownerKey(c.ID)); c.online() && !ok {
				mc.need(c.ID)
			}
		}
	}
	mc.startLoad(now)
}

// startLoad starts one batch load of the queued lists, unless one is in
// flight (its end starts the next). Loop only.
func (mc *muteCache) startLoad(now time.Time) {
	if mc.loading || len(mc.want) == 0 {
		return
	}
	owners := make([]int64, 0, len(mc.want))
	for o := range mc.want {
		owners = append(owners, o)
	}
	clear(mc.want)
	mc.loading = true
	mc.spawn(func(ctx context.Context) { mc.load(ctx, owners, now) })
}

// load reads a batch of mute lists off the loop and posts them back; lists
// queued meanwhile are loaded next, without waiting for a tick.
func (mc *muteCache) load(ctx context.Context, owners []int64, now time.Time) {
	ctx, cancel := context.WithTimeout(ctx, storeTimeout)
	defer cancel()
	lists, err := mc.st.Mutes(ctx, owners, now)
	mc.loads.Add(1)
	mc.post(func() {
		mc.loading = false
		if err != nil {
			mc.log.Error("load mutes", "owners", len(owners), "err", err)
			for _, o := range owners {
				mc.need(o) // try again next time
			}
			return
		}
		for _, o := range owners {
			mc.set(o, lists[o])
		}
		mc.startLoad(now) // what was queued while this load ran
	})
}
