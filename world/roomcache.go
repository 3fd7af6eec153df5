package world

import (
	"context"
	"fmt"
	"log/slog"
	"sync/atomic"
	"time"

	"github.com/patrickmn/go-cache"

	"mythosd/store"
)

// RoomCache holds rooms in a go-cache with a TTL over the store, the source
// of truth. A miss starts a load on its own goroutine; the callers waiting
// for that room resume on the world loop when it arrives. The cache has no
// janitor goroutine: the loop deletes expired rooms from its tick, so that
// nothing the world owns changes off the loop.
type RoomCache struct {
	items    *cache.Cache
	st       Store
	post     func(func()) bool
	spawn    func(func(context.Context))
	log      *slog.Logger
	waiting  map[string][]func(*Room, error) // loop-owned: loads in flight
	onArrive func(*Room)                     // loop-owned: called with each room loaded
	gen      uint64                          // loop-owned: counts resets; loads of older ones are stale
	// gone are the rooms a builder took out of the world since the last
	// reset: a load of one that read the store before the deletion reached
	// it finds no room. Loop-owned.
	gone map[string]bool

	hits, misses, loads, loadErrors, expirations atomic.Uint64
	inFlight                                     atomic.Int64
	loadNanos                                    atomic.Int64 // total load latency
}

func newRoomCache(st Store, ttl time.Duration, post func(func()) bool, spawn func(func(context.Context)), log *slog.Logger) *RoomCache {
	rc := &RoomCache{
		items:   cache.New(ttl, 0), // no janitor: see expire
		st:      st,
		post:    post,
		spawn:   spawn,
		log:     log,
		waiting: make(map[string][]func(*Room, error)),
	}
	rc.items.OnEvicted(func(string, any) { rc.expirations.Add(1) })
	return rc
}

// cached returns the room if the cache holds it, counting a hit or a miss.
// Only the world loop calls it.
func (rc *RoomCache) cached(id string) (*Room, bool) {
	if v, ok := rc.items.Get(id); ok {
		rc.hits.Add(1)
		return v.(*Room), true
	}
	rc.misses.Add(1)
	return nil, false
}

// get calls then with room id: at once when cached, else on the loop once
// its load arrives. Only the loop calls it.
func (rc *RoomCache) get(id string, then func(*Room, error)) {
	if r, ok := rc.cached(id); ok {
		then(r, nil)
		return
	}
	rc.await(id, then)
}

// await calls then on the loop once room id has been loaded; callers use it
// after a miss. Loads of one room are shared. Only the loop calls it.
func (rc *RoomCache) await(id string, then func(*Room, error)) {
	waiters, loading := rc.waiting[id]
	rc.waiting[id] = append(waiters, then)
	if !loading {
		rc.startLoad(id)
	}
}

// startLoad reads room id off the loop. Loop only.
func (rc *RoomCache) startLoad(id string) {
	gen := rc.gen
	rc.inFlight.Add(1)
	rc.spawn(func(ctx context.Context) { rc.load(ctx, id, gen) })
}

// load reads a room off the loop and posts it back.
func (rc *RoomCache) load(ctx context.Context, id string, gen uint64) {
	start := time.Now()
	r, err := loadRoom(ctx, rc.st, id)
	rc.loadNanos.Add(int64(time.Since(start)))
	rc.inFlight.Add(-1)
	rc.loads.Add(1)
	if err != nil {
		rc.loadErrors.Add(1)
		rc.log.Warn("room load failed", "room", id, "err", err)
	}
	rc.post(func() { rc.arrived(id, r, err, gen) })
}

// arrived stores a loaded room and resumes its waiters, on the loop. A
// room read before the last reset may be out of date: it is read again. A
// builder's change that landed while it loaded wins over what was read.
func (rc *RoomCache) arrived(id string, r *Room, err error, gen uint64) {
	if gen != rc.gen {
		rc.startLoad(id)
		return
	}
	if built, ok := rc.peek(id); ok {
		r, err = built, nil
	} else if rc.gone[id] {
		r, err = nil, fmt.Errorf("room %s: %w", id, store.ErrNotFound)
	} else if err == nil {
		rc.items.SetDefault(id, r)
		if rc.onArrive != nil {
			rc.onArrive(r)
		}
	}
	waiters := rc.waiting[id]
	delete(rc.waiting, id)
	for _, then := range waiters {
		then(r, err)
	}
}

// expire deletes the rooms whose TTL has run out. Loop only, from the tick.
func (rc *RoomCache) expire() { rc.items.DeleteExpired() }

// peek returns the room if cached, without counting a lookup.
func (rc *RoomCache) peek(id string) (*Room, bool) {
	if v, ok := rc.items.Get(id); ok {
		return v.(*Room), true
	}
	return nil, false
}

// reset empties the cache, so that every room is read again from the
// store, and makes the loads under way read theirs again. Loop only.
func (rc *RoomCache) reset() {
	rc.gen++
	rc.items.Flush()
	rc.gone = nil
}

// remove takes room id out of the cache for good: until it is set again
// or the cache is reset, loads of it find no room. Loop only.
func (rc *RoomCache) remove(id string) {
	rc.items.Delete(id)
	if rc.gone == nil {
		rc.gone = make(map[string]bool)
	}
	rc.gone[id] = true
}

// set puts room r in the cache for good. Loop only.
func (rc *RoomCache) set(r *Room) {
	delete(rc.gone, r.ID)
	rc.items.Set(r.ID, r, cache.NoExpiration)
}

// close empties the cache (loads in flight end with the world's spawn
// context).
func (rc *RoomCache) close() { rc.items.Flush() }

// CacheStats are the room cache's counters.
type CacheStats struct {
	Rooms       int
	Hits        uint64
	Misses      uint64
	Loads       uint64
	LoadErrors  uint64
	Expirations uint64
	InFlight    int64
	AvgLoad     time.Duration
}

// HitRate is hits over lookups, 0 before any lookup.
func (s CacheStats) HitRate() float64 {
	if s.Hits+s.Misses == 0 {
		return 0
	}
	return float64(s.Hits) / float64(s.Hits+s.Misses)
}

// Stats returns the cache's counters; safe from any goroutine.
func (rc *RoomCache) Stats() CacheStats {
	s := CacheStats{
		Rooms:       rc.items.ItemCount(),
		Hits:        rc.hits.Load(),
		Misses:      rc.misses.Load(),
		Loads:       rc.loads.Load(),
		LoadErrors:  rc.loadErrors.Load(),
		Expirations: rc.expirations.Load(),
		InFlight:    rc.inFlight.Load(),
	}
	if s.Loads > 0 {
		s.AvgLoad = time.Duration(rc.loadNanos.Load() / int64(s.Loads))
	}
	return s
}
