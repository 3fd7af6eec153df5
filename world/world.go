// Package world owns the game: the session hub, login, the world loop and
// its commands, the room cache and the hand-off of changes to the store.
//
// One goroutine, the world loop (Run), owns all game state and does no I/O.
// Everything reaches it as a message on its inbox; everything it produces
// leaves as a message: text queued on a Conn, a batch submitted to the store
// writer, a load started on another goroutine.
package world

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"math/rand/v2"
	"runtime/debug"
	"sync"
	"time"

	"mythosd/store"
	"mythosd/world/lucidity"
)

// Config is what a World is made of. Store, Clock, Logger, Hasher and
// StartRoom are required; zero durations take their defaults.
type Config struct {
	Store  Store
	Clock  Clock
	Logger *slog.Logger
	Hasher *Hasher
	// Help holds {topic}.txt help texts, index.txt and motd.txt.
	Help fs.FS
	// StartRoom is where new characters wake, and where characters go whose
	// room no longer exists.
	StartRoom string
	// Tick is the cadence of timed work (default 100ms).
	Tick time.Duration
	// RoomTTL is how long a room stays cached after its load (default 60s).
	RoomTTL time.Duration
	// LoginDelay is the first back-off after a wrong password, per address
	// and per account (default 1s); it doubles with each failure up to a
	// minute, and failures are forgotten 15 minutes after the last one.
	LoginDelay time.Duration
	// MaxPasswordTries ends a login after this many wrong passwords (default 3).
	MaxPasswordTries int
	// MaxChars is how many characters an account may hold (default 5).
	MaxChars int
	// FluxEvery is the cadence of passive lucidity flux: one in-game minute
	// (default 15s).
	FluxEvery time.Duration
	// Rand is the world's source of chance (hallucinations, misfires,
	// distortions). Required.
	Rand *rand.Rand
	// WorldTime is the in-game time at start, read from the store; the zero
	// time starts the world clock at its epoch.
	WorldTime time.Time
	// Rules are the lucidity rules (default lucidity.DefaultRules()).
	Rules *lucidity.Rules
	// Bus carries chat to the other nodes; nil keeps chat in the process.
	Bus Bus
	// ItemProtos are the item prototypes, read from the store at start.
	ItemProtos []store.ItemProto
	// NextItemID is the first item id never handed out (store.NextItemID).
	NextItemID int64
	// KeyParser reads the SSH public keys players register (keys add);
	// cmd/mythosd passes ssh.ParseKeyLine. Nil: keys cannot be registered.
	KeyParser KeyParser
	// CmdRate and CmdBurst are each player's command budget: CmdRate a
	// second, CmdBurst at once (defaults 20 and 60). Beyond it commands
	// wait; a player held back for CmdMaxWait without letup (default 10s)
	// has commands dropped until they pause.
	CmdRate    int
	CmdBurst   int
	CmdMaxWait time.Duration
	// NPCs and Spawns are the NPC definitions and where they appear, read
	// from the store at start. NPCs themselves are not stored: they spawn
	// anew when the world starts.
	NPCs   []store.NPCDef
	Spawns []store.NPCSpawn
	// CombatRound is the time between rounds of a fight (default 3s).
	CombatRound time.Duration
	// Backups takes backups for `admin backup` and the console; nil means
	// the server takes none.
	Backups Backups
	// Reload imports a world folder for `admin reload world` and the
	// console; nil means the world cannot be reloaded.
	Reload Reloader
}

const (
	defaultTick       = 100 * time.Millisecond
	defaultRoomTTL    = 60 * time.Second
	defaultLoginDelay = time.Second
	defaultFluxEvery  = 15 * time.Second
	inboxSize         = 4096
)

// ErrStopped is returned by calls made after the world loop has ended.
var ErrStopped = errors.New("world stopped")

// World is the game. Create it with New, run its loop with Run, end it with
// Shutdown.
type World struct {
	cfg    Config
	log    *slog.Logger
	audit  *slog.Logger // every builder and admin action, with who did it
	inbox  chan func()
	quit   chan struct{}
	done   chan struct{}
	rooms  *RoomCache
	ticks  *TickRecorder
	cmds   commandTable
	help   *helpIndex
	chars  map[string]*Character // by name key; loop-owned
	places map[string]*place     // occupied rooms by id; loop-owned
	loads  map[string][]*Session // characters being loaded, by name key
	// reserved holds the name keys of characters being deleted or renamed
	// off the loop, with what a login under one is told (loop-owned; made
	// on first use): nobody enters them meanwhile.
	reserved map[string]string
	dirty    []*Character  // characters changed since the last hand-off
	visits   []visitRecord // first visits since the last hand-off
	snaps    snapshots
	flux     FluxStats // loop-owned; copied into snapshots

	rules       *lucidity.Rules
	rng         *rand.Rand // loop-owned
	clock       worldClock
	nextFlux    time.Time
	nextEffects time.Time
	changes     []store.LucidityChange // lucidity log entries since the last hand-off
	chatLines   []store.ChatLine       // chat said since the last hand-off
	facts       []store.Fact           // facts changed since the last hand-off

	mutes     *muteCache
	chatSeq   uint64               // numbers this node's chat messages
	localEcho map[string]time.Time // chat delivered here while the bus was down
	nodesSeen int                  // loop-owned: nodes that answered the last who; the next one returns when they all have
	lobby     lobby                // sessions in their login dialogue
	guard     *guard               // password back-off, shared with the read loops
	bans      bans                 // refused addresses
	storeDown bool                 // loop-owned: the store's commits are failing
	edits     buildEdits           // builders' changes undo can take back
	arrivals  arrivals             // characters entering the world, told once per room per tick
	built     roomBuild            // rooms built in the game (build_rooms.go)
	reload    reloadState          // world reloads
	staff     staffList            // builders and admins, for the console

	bg       sync.WaitGroup     // goroutines spawned off the loop
	bgCtx    context.Context    // their context, cancelled when the loop ends
	bgCancel context.CancelFunc //
	ended    chan struct{}      // closed when Run has returned, spawned work included

	itemWorld
	npcWorld
	protoBuild
}

// withDefaults checks that cfg has what a World needs and fills in the
// defaults of what it leaves out.
func withDefaults(cfg Config) (Config, error) {
	if cfg.Store == nil || cfg.Clock == nil || cfg.Logger == nil || cfg.Hasher == nil || cfg.Rand == nil {
		return Config{}, errors.New("world: Store, Clock, Logger, Hasher and Rand are required")
	}
	if cfg.StartRoom == "" {
		return Config{}, errors.New("world: no start room")
	}
	cfg.Tick = orDefault(cfg.Tick, defaultTick)
	cfg.RoomTTL = orDefault(cfg.RoomTTL, defaultRoomTTL)
	cfg.LoginDelay = orDefault(cfg.LoginDelay, defaultLoginDelay)
	cfg.FluxEvery = orDefault(cfg.FluxEvery, defaultFluxEvery)
	cfg.CmdMaxWait = orDefault(cfg.CmdMaxWait, defaultCmdMaxWait)
	if cfg.CmdRate <= 0 {
		cfg.CmdRate = defaultCmdRate
	}
	if cfg.CmdBurst <= 0 {
		cfg.CmdBurst = defaultCmdBurst
	}
	cfg.CombatRound = orDefault(cfg.CombatRound, defaultCombatRound)
	if cfg.MaxPasswordTries <= 0 {
		cfg.MaxPasswordTries = 3
	}
	if cfg.MaxChars <= 0 {
		cfg.MaxChars = defaultMaxChars
	}
	if cfg.WorldTime.IsZero() {
		cfg.WorldTime = worldEpoch()
	}
	return cfg, nil
}

// New returns a World ready to Run.
func New(cfg Config) (*World, error) {
	cfg, err := withDefaults(cfg)
	if err != nil {
		return nil, err
	}
	w := &World{
		cfg:    cfg,
		log:    cfg.Logger.With("component", "world"),
		audit:  cfg.Logger.With("component", "audit"),
		inbox:  make(chan func(), inboxSize),
		quit:   make(chan struct{}),
		done:   make(chan struct{}),
		ended:  make(chan struct{}),
		ticks:  NewTickRecorder(),
		chars:  make(map[string]*Character),
		places: make(map[string]*place),
		loads:  make(map[string][]*Session),
	}
	w.bgCtx, w.bgCancel = context.WithCancel(context.Background())
	w.guard = newGuard(cfg.Clock, cfg.LoginDelay)
	w.rooms = newRoomCache(cfg.Store, cfg.RoomTTL, w.post, w.spawn, w.log)
	w.mutes = newMuteCache(cfg.Store, w.post, w.spawn, w.log)
	w.initItems(cfg)
	w.localEcho = make(map[string]time.Time)
	w.chatSeq = uint64(cfg.Clock.Now().UnixNano())
	w.rules, w.rng = cfg.Rules, cfg.Rand
	if w.rules == nil {
		w.rules = lucidity.DefaultRules()
	}
	now := cfg.Clock.Now()
	w.clock.set(now, cfg.WorldTime)
	w.nextFlux = now.Add(cfg.FluxEvery)
	w.initNPCs(cfg, now)
	w.npcAttack = w.npcStartsFight
	w.cmds = newCommandTable()
	help, err := loadHelp(cfg.Help)
	if err != nil {
		return nil, fmt.Errorf("load help: %w", err)
	}
	w.help = help
	if err := w.loadBans(); err != nil {
		return nil, fmt.Errorf("load bans: %w", err)
	}
	w.watchStore()
	return w, nil
}

func orDefault(d, def time.Duration) time.Duration {
	if d <= 0 {
		return def
	}
	return d
}

// Ticks returns the tick recorder, for its statistics.
func (w *World) Ticks() *TickRecorder { return w.ticks }

// Run is the world loop. It returns when Shutdown is called or ctx ends,
// after telling every player, handing every character to the store and
// closing their connections.
func (w *World) Run(ctx context.Context) error {
	defer close(w.ended)
	defer w.bg.Wait() // their posts fail once done is closed
	defer w.bgCancel()
	defer w.rooms.close()
	defer close(w.done)
	ticker := w.cfg.Clock.NewTicker(w.cfg.Tick)
	defer ticker.Stop()
	w.mutes.refresh(w, w.cfg.Clock.Now()) // the global mutes, at once
	for {
		select {
		case fn := <-w.inbox:
			w.safely(fn)
		case at := <-ticker.C():
			w.tick(at)
		case <-w.quit:
			w.farewell()
			return nil
		case <-ctx.Done():
			w.farewell()
			return ctx.Err()
		}
	}
}

// Shutdown ends the world loop and waits for it and all the work it
// started off the loop, or for ctx.
func (w *World) Shutdown(ctx context.Context) error {
	select {
	case w.quit <- struct{}{}:
	case <-w.done:
	case <-ctx.Done():
		return ctx.Err()
	}
	select {
	case <-w.ended:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// post queues fn to run on the world loop. It blocks while the inbox is full
// (back-pressure on the caller, never on the loop) and reports false when the
// loop has ended. The loop itself must never call post.
func (w *World) post(fn func()) bool {
	select {
	case w.inbox <- fn:
		return true
	case <-w.done:
		return false
	}
}

// safely runs one message, so that a panic in one command ends at most the
// session it came from, never the loop.
func (w *World) safely(fn func()) {
	defer func() {
		if r := recover(); r != nil {
			w.log.Error("panic on the world loop", "panic", r, "stack", string(debug.Stack()))
		}
	}()
	fn()
}
