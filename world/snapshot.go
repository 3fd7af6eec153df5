package world

import (
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"mythosd/store"
)

// graphTicks is how many tick durations a snapshot carries for graphs.
const graphTicks = 200

// snapshotEvery is how often the loop publishes a snapshot.
const snapshotEvery = 200 * time.Millisecond

// Snapshot is a copy of the world's figures, published by the loop a few
// times a second for the admin console and metrics. Readers never touch
// world state; a snapshot never changes once published.
type Snapshot struct {
	At          time.Time
	Ticks       TickStats // over the last minute
	RecentTicks TickStats // over the last ten ticks
	// TickDurations are the durations of the last graphTicks ticks, oldest
	// first, for a graph.
	TickDurations []time.Duration
	TickEvery     time.Duration
	Flux          FluxStats
	NPCs          NPCStats // as of the last tick
	Cache         CacheStats
	Store         store.WriterStats
	Bus           BusStats      // zero when chat stays in the process
	Sessions      []SessionInfo // sorted by name
	Items         ItemStats
	Bans          []BanInfo  // sorted by target
	Mutes         []MuteInfo // the admins' global mutes in force, sorted by name
	// Backup is the last backup and whether one runs; zero when the
	// server takes none.
	Backup store.BackupStatus
	// Reload is the last world reload and whether one runs.
	Reload ReloadStatus
	// Staff are the builders and admins, by name, as last read.
	Staff []StaffInfo
}

// ItemStats counts the item instances the world holds and their moves.
type ItemStats struct {
	Instances int    // in memory: on loaded floors and with characters in memory
	Moves     uint64 // moves, creations and removals since start
}

// FluxStats describes the passive-flux passes.
type FluxStats struct {
	Passes     uint64
	Last       time.Duration // duration of the last pass
	Characters int           // active characters the last pass evaluated
	Changed    int           // characters whose lucidity it changed
}

// SessionInfo describes one playing session.
type SessionInfo struct {
	Name      string
	Transport string
	Client    string
	Addr      string
	RoomID    string
	RoomName  string
	Area      string
	Lucidity  int
	Tier      string
	Idle      time.Duration
	Admin     bool
}

// snapshots holds the latest published snapshot.
type snapshots struct {
	latest atomic.Pointer[Snapshot]
	last   time.Time // loop-owned: when the loop last published
}

// Snapshot returns the latest published snapshot, with the store's and the
// bus's figures read now, on the caller's goroutine (reading them costs a
// lock and some work that the loop does not take on). Safe from any
// goroutine; before the loop's first publication the loop's part is empty.
func (w *World) Snapshot() *Snapshot {
	s := Snapshot{TickEvery: w.cfg.Tick}
	if p := w.snaps.latest.Load(); p != nil {
		s = *p
	}
	s.Store = w.cfg.Store.Stats()
	if w.cfg.Bus != nil {
		s.Bus = w.cfg.Bus.Stats()
	}
	if set := w.bans.set.Load(); set != nil {
		s.Bans = set.list
	}
	if w.cfg.Backups != nil {
		s.Backup = w.cfg.Backups.Status()
	}
	return &s
}

// publish makes a new snapshot when the last one is old enough. Loop only.
func (w *World) publish(now time.Time) {
	if now.Sub(w.snaps.last) < snapshotEvery {
		return
	}
	w.snaps.last = now
	s := &Snapshot{
		At:            now,
		Ticks:         w.ticks.Stats(tickWindow),
		RecentTicks:   w.ticks.Stats(10),
		TickDurations: w.ticks.Recent(graphTicks),
		TickEvery:     w.cfg.Tick,
		Flux:          w.flux,
		NPCs:          w.npcStats,
		Cache:         w.rooms.Stats(),
		Sessions:      w.sessionInfos(now),
		Items:         ItemStats{Instances: len(w.items), Moves: w.itemMoves},
		Mutes:         w.globalMutes(now),
		Reload:        w.reload.ReloadStatus,
		Staff:         w.staff.list,
	}
	w.snaps.latest.Store(s)
}

// MuteInfo describes one global mute: who, until when, by whom.
type MuteInfo = store.Mute

// globalMutes returns the admins' global mutes in force at now, sorted by
// name: a copy, for the snapshot. Asking keeps the list loaded. Loop only.
func (w *World) globalMutes(now time.Time) []MuteInfo {
	list, _ := w.mutes.list(store.GlobalMuteOwner)
	out := make([]MuteInfo, 0, len(list))
	for _, m := range list {
		if !m.Expired(now) {
			out = append(out, m)
		}
	}
	slices.SortFunc(out, func(a, b MuteInfo) int { return strings.Compare(nameKey(a.Name), nameKey(b.Name)) })
	return out
}

// sessionInfos describes every playing session, sorted by name.
func (w *World) sessionInfos(now time.Time) []SessionInfo {
	out := make([]SessionInfo, 0, len(w.chars))
	for _, c := range w.chars {
		if !c.online() {
			continue
		}
		info := c.sess.conn.Info()
		si := SessionInfo{
			Name: c.Name, Transport: info.Transport, Client: info.Client, Addr: info.RemoteAddr,
			RoomID: c.RoomID, Lucidity: c.Lucidity, Tier: c.Tier().String(),
			Idle: now.Sub(c.LastActive), Admin: c.Admin,
		}
		if p := w.places[c.RoomID]; p != nil && p.room != nil {
			si.RoomName, si.Area = p.room.Name, p.room.Area
		}
		out = append(out, si)
	}
	slices.SortFunc(out, func(a, b SessionInfo) int { return strings.Compare(a.Name, b.Name) })
	return out
}
