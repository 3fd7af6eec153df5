package main

import (
	"context"
	crand "crypto/rand"
	"encoding/binary"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"mythosd/data"
	"mythosd/store"
	"mythosd/telnet"
	"mythosd/world"
)

// server is a running mythosd: its store, world loop and listeners.
type server struct {
	log      *slog.Logger
	db       *store.DB
	world    *world.World
	loopDone chan error
	telnet   *telnet.Server
	telnetLn net.Listener
	served   chan error
	stopOnce sync.Once
	stopErr  error
}

// dbFile is the SQLite file inside the data directory.
const dbFile = "mythos.db"

// start opens the store, imports the world, starts the world loop and the
// listeners. On error everything started is stopped again.
func start(ctx context.Context, cfg config, log *slog.Logger) (*server, error) {
	s := &server{log: log, loopDone: make(chan error, 1), served: make(chan error, 1)}
	db, err := store.Open(filepath.Join(cfg.DataDir, dbFile), log)
	if err != nil {
		return nil, err
	}
	s.db = db
	if err := s.startWorld(ctx, cfg); err != nil {
		s.db.Close()
		return nil, err
	}
	if err := s.startTelnet(cfg); err != nil {
		s.shutdown(context.Background())
		return nil, err
	}
	return s, nil
}

// startWorld imports the world files and starts the world loop.
func (s *server) startWorld(ctx context.Context, cfg config) error {
	startRoom, err := importWorld(ctx, s.db, cfg, s.log)
	if err != nil {
		return err
	}
	w, err := world.New(world.Config{
		Store:     s.db,
		Clock:     world.SystemClock{},
		Logger:    s.log,
		Hasher:    world.NewHasher(cfg.hashParams(), runtime.NumCPU()),
		Help:      data.Help(),
		StartRoom: startRoom,
		Tick:      cfg.Tick,
		FluxEvery: cfg.FluxEvery,
		Rand:      rand.New(rand.NewPCG(seed())),
		RoomTTL:   cfg.RoomTTL,
	})
	if err != nil {
		return err
	}
	s.world = w
	go func() { s.loopDone <- w.Run(context.Background()) }()
	return nil
}

// startTelnet opens the telnet listener unless it is off.
func (s *server) startTelnet(cfg config) error {
	if listenerOff(cfg.TelnetAddr) {
		s.log.Info("telnet listener off")
		return nil
	}
	ln, err := net.Listen("tcp", cfg.TelnetAddr)
	if err != nil {
		return fmt.Errorf("listen telnet on %s: %w (change -telnet)", cfg.TelnetAddr, err)
	}
	s.telnetLn = ln
	s.telnet = &telnet.Server{
		Acceptor:     s.world,
		MaxConns:     cfg.MaxConns,
		WriteTimeout: cfg.WriteTimeout,
		Logger:       s.log.With("component", "telnet"),
	}
	go func() { s.served <- s.telnet.Serve(ln) }()
	s.log.Info("telnet listening", "addr", ln.Addr().String())
	return nil
}

// telnetAddr is the address the telnet listener is bound to.
func (s *server) telnetAddr() string {
	if s.telnetLn == nil {
		return ""
	}
	return s.telnetLn.Addr().String()
}

// shutdown stops accepting, tells the players, saves every character,
// flushes the store writer and closes the database. Later calls return the
// first call's result.
func (s *server) shutdown(ctx context.Context) error {
	s.stopOnce.Do(func() { s.stopErr = s.stop(ctx) })
	return s.stopErr
}

func (s *server) stop(ctx context.Context) error {
	var errs []error
	telnetDone := make(chan error, 1)
	if s.telnet != nil {
		go func() { telnetDone <- s.telnet.Shutdown(ctx) }()
	} else {
		telnetDone <- nil
	}
	if s.world != nil {
		errs = append(errs, s.world.Shutdown(ctx))
	}
	errs = append(errs, <-telnetDone)
	if s.telnet != nil {
		if err := <-s.served; !errors.Is(err, telnet.ErrServerClosed) {
			errs = append(errs, err)
		}
	}
	errs = append(errs, s.db.Close())
	return errors.Join(errs...)
}

// loopEnded returns when the world loop ends by itself, which it only does on a
// fatal error.
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
