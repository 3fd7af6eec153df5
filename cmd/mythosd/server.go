package main

import (
	"context"
	crand "crypto/rand"
	"encoding/binary"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"mythosd/data"
	mssh "mythosd/ssh"
	"mythosd/store"
	"mythosd/world"
	"mythosd/world/bus"
)

// server is a running mythosd: its store, world loop and listeners.
type server struct {
	cfg       config
	log       *slog.Logger
	db        *store.DB
	bus       *bus.Bus
	world     *world.World
	loopDone  chan error
	listeners []listener
	addrs     map[string]string // bound address by listener name
	stopOnce  sync.Once
	stopErr   error
	named     map[string]listener // started listeners by name, for metrics
	halt      chan struct{}       // closed when an admin's shutdown countdown ends
	haltOnce  sync.Once
	started   time.Time // for MSSP's UPTIME
	backups   *store.Backups
	unlock    func() error // releases the data directory's lock
	startRoom string       // where characters start and wake, fixed at start
}

// listener is anything the server serves that must stop accepting and end
// its connections at shutdown: telnet, ssh, the admin console, metrics.
type listener interface {
	Shutdown(ctx context.Context) error
}

// starter starts one listener, or does nothing when its address is off.
type starter func(s *server) error

// starters lists every listener in the order they start.
func starters() []starter {
	return []starter{(*server).startTelnet, (*server).startTelnetTLS, (*server).startSSH, (*server).startAdmin, (*server).startMetrics,
		(*server).startHousekeeping}
}

// dbFile is the SQLite file inside the data directory.
const dbFile = "mythos.db"

// start locks the data directory, opens the store, imports the world,
// starts the world loop and the listeners. On error everything started is
// stopped again.
func start(ctx context.Context, cfg config, log *slog.Logger) (*server, error) {
	unlock, err := lockData(cfg)
	if err != nil {
		return nil, err
	}
	s, err := startLocked(ctx, cfg, log)
	if err != nil {
		return nil, errors.Join(err, unlock())
	}
	s.unlock = unlock
	return s, nil
}

// startLocked is start once the data directory is locked.
func startLocked(ctx context.Context, cfg config, log *slog.Logger) (*server, error) {
	s := &server{cfg: cfg, log: log, loopDone: make(chan error, 1), addrs: make(map[string]string),
		started: time.Now(), halt: make(chan struct{}), named: make(map[string]listener)}
	db, err := store.Open(filepath.Join(cfg.DataDir, dbFile), log)
	if err != nil {
		return nil, err
	}
	s.db = db
	if err := s.openBus(); err != nil {
		s.db.Close()
		return nil, err
	}
	if err := s.startWorld(ctx); err != nil {
		s.bus.Close()
		s.db.Close()
		return nil, err
	}
	if err := s.subscribe(); err != nil {
		s.shutdown(context.Background())
		return nil, err
	}
	for _, st := range starters() {
		if err := st(s); err != nil {
			s.shutdown(context.Background())
			return nil, err
		}
	}
	return s, nil
}

// startWorld imports the world files and starts the world loop.
func (s *server) startWorld(ctx context.Context) error {
	cfg := s.cfg
	startRoom, err := importWorld(ctx, s.db, cfg, s.log)
	if err != nil {
		return err
	}
	s.startRoom = startRoom
	worldTime, err := s.worldTime(ctx)
	if err != nil {
		return err
	}
	protos, err := s.db.ItemProtos(ctx)
	if err != nil {
		return fmt.Errorf("read item prototypes: %w", err)
	}
	nextItem, err := s.db.NextItemID(ctx)
	if err != nil {
		return err
	}
	npcs, err := s.db.NPCDefs(ctx)
	if err != nil {
		return fmt.Errorf("read NPC definitions: %w", err)
	}
	spawns, err := s.db.NPCSpawns(ctx)
	if err != nil {
		return fmt.Errorf("read NPC spawns: %w", err)
	}
	w, err := world.New(world.Config{
		ItemProtos:  protos,
		NextItemID:  nextItem,
		NPCs:        npcs,
		Spawns:      spawns,
		Store:       s.db,
		Clock:       world.SystemClock{},
		Logger:      s.log,
		Hasher:      world.NewHasher(cfg.hashParams(), runtime.NumCPU()),
		Help:        data.Help(),
		StartRoom:   startRoom,
		Tick:        cfg.Tick,
		FluxEvery:   cfg.FluxEvery,
		CombatRound: cfg.CombatRound,
		Rand:        rand.New(rand.NewPCG(seed())),
		RoomTTL:     cfg.RoomTTL,
		WorldTime:   worldTime,
		Bus:         worldBus{s.bus},
		KeyParser:   mssh.ParseKeyLine,
		CmdRate:     cfg.CmdRate,
		CmdBurst:    cfg.CmdBurst,
		MaxChars:    cfg.MaxChars,
		Backups:     s.newBackups(),
		Reload:      s.reloadWorld,
	})
	if err != nil {
		return err
	}
	s.world = w
	go func() { s.loopDone <- w.Run(context.Background()) }()
	return nil
}

// worldTime reads the in-game time the world stopped at.
func (s *server) worldTime(ctx context.Context) (time.Time, error) {
	v, err := s.db.MetaGet(ctx, world.MetaWorldTime())
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return time.Time{}, fmt.Errorf("read world time: %w", err)
	}
	return world.ParseWorldTime(v)
}

// serving records a started listener and the address it is bound to.
func (s *server) serving(name, addr string, l listener) {
	s.listeners = append(s.listeners, l)
	s.addrs[name] = addr
	s.named[name] = l
	s.log.Info(name+" listening", "addr", addr)
}

// addr is the bound address of the named listener, "" when it is off.
func (s *server) addr(name string) string { return s.addrs[name] }

// shutdown stops accepting, tells the players, saves every character,
// flushes the store writer and closes the database. Later calls return the
// first call's result.
func (s *server) shutdown(ctx context.Context) error {
	s.stopOnce.Do(func() { s.stopErr = s.stop(ctx) })
	return s.stopErr
}

// stop closes the listeners (each waits for its connections) while the
// world says farewell and closes every session, then closes the store.
func (s *server) stop(ctx context.Context) error {
	errs := make(chan error, len(s.listeners))
	for _, l := range s.listeners {
		go func() { errs <- l.Shutdown(ctx) }()
	}
	var all []error
	if s.world != nil {
		all = append(all, s.world.Shutdown(ctx))
	}
	for range s.listeners {
		all = append(all, <-errs)
	}
	if s.bus != nil {
		all = append(all, s.bus.Close())
	}
	all = append(all, s.db.Close())
	if s.unlock != nil {
		all = append(all, s.unlock())
	}
	return errors.Join(all...)
}

// loopEnded returns when the world loop ends by itself, which it only does
// on a fatal error.
func (s *server) loopEnded() <-chan error { return s.loopDone }

// hashParams are the argon2id parameters for new passwords.
func (c config) hashParams() world.HashParams {
	if c.testHash {
		return world.HashParams{Time: 1, Memory: 64, Threads: 1}
	}
	return world.DefaultHashParams()
}

// seed returns a random seed for the world's source of chance.
func seed() (uint64, uint64) {
	var b [16]byte
	crand.Read(b[:])
	return binary.LittleEndian.Uint64(b[:8]), binary.LittleEndian.Uint64(b[8:])
}

// shutdownGrace bounds how long a shutdown may take.
const shutdownGrace = 30 * time.Second
