package main

import (
	"context"
	"errors"
	"log/slog"
	"math/rand/v2"
	"net"
	"sync"
	"sync/atomic"
	"time"
)

// runner runs one load: it connects the bots over the ramp, waits until
// every one is in the world (or failed), runs the measured phase, and
// gathers what the bots saw.
type runner struct {
	cfg    config
	log    *slog.Logger
	now    func() time.Time
	dialed atomic.Uint64 // connects so far: picks each one's source address
}

// newRunner returns a runner for cfg that logs progress to logger.
func newRunner(cfg config, logger *slog.Logger) *runner {
	return &runner{cfg: cfg, log: logger, now: time.Now}
}

// phases are the moments every bot waits for.
type phases struct {
	ready     chan bool      // each launched bot: whether it is in the world
	start     chan struct{}  // closed when the measured phase starts, at t0
	t0        time.Time      // written before start is closed
	measuring sync.WaitGroup // done when a bot's measured phase is over
	stop      chan struct{}  // closed when the bots may hang up
}

// botResult is what one bot saw.
type botResult struct {
	connectErr error // nil when the bot got into the world
	created    bool
	runErr     error // why the bot stopped early, if it did
	match      lookMatcher
}

// run runs the load and reports on it.
func (r *runner) run(ctx context.Context) Report {
	probeCtx := context.WithoutCancel(ctx) // the last samples are taken even after a signal
	server := newServerProbe(r.cfg.ServerPID, r.cfg.MetricsURL, r.log)
	server.sample(probeCtx, &server.before)
	ph := &phases{ready: make(chan bool, r.cfg.Bots), start: make(chan struct{}), stop: make(chan struct{})}
	results := make([]botResult, r.cfg.Bots)
	var all sync.WaitGroup
	begin := r.now()
	launched := r.launch(ctx, ph, results, &all)
	connected := r.awaitReady(ph, launched)
	loginTime := r.now().Sub(begin)
	server.sample(probeCtx, &server.ready)
	elapsed, cpu := r.measured(ph, connected, func() { server.sample(probeCtx, &server.end) })
	all.Wait()
	rep := newReport(r.cfg)
	rep.LoginSeconds = loginTime.Seconds()
	rep.addBots(results[:launched])
	if r.cfg.Timeline {
		rep.Timeline = timeline(results[:launched], ph.t0, time.Second)
	}
	rep.setServer(server, connected, elapsed)
	rep.setMetrics(server, connected)
	rep.LoadgenCPUPercent = percent(cpu, elapsed)
	return rep
}

// measured runs the measured phase: it starts the bots' clocks, waits
// until every bot is done, calls atEnd while the connections are still
// open, and lets the bots hang up. It returns how long the phase took and
// the CPU time this process spent in it.
func (r *runner) measured(ph *phases, connected int, atEnd func()) (time.Duration, time.Duration) {
	cpu0 := selfCPU()
	ph.t0 = r.now()
	close(ph.start)
	r.log.Info("measuring", "bots", connected, "duration", r.cfg.Duration, "idle", r.cfg.Idle)
	ph.measuring.Wait()
	elapsed := r.now().Sub(ph.t0)
	cpu := selfCPU() - cpu0
	atEnd()
	close(ph.stop)
	return elapsed, cpu
}

// launch starts the bots, evenly spread over the ramp, and returns how
// many it started (fewer when ctx ends first).
func (r *runner) launch(ctx context.Context, ph *phases, results []botResult, all *sync.WaitGroup) int {
	offsets := jitter(r.cfg.Seed, r.cfg.Bots, r.cfg.Rate)
	begin := r.now()
	for i := range r.cfg.Bots {
		at := begin.Add(r.cfg.Ramp * time.Duration(i) / time.Duration(r.cfg.Bots))
		if !sleepUntil(ctx, at) {
			return i
		}
		all.Add(1)
		ph.measuring.Add(1)
		go func() {
			defer all.Done()
			results[i] = r.runBot(ctx, botName(r.cfg.Prefix, i), offsets[i], ph)
		}()
	}
	return r.cfg.Bots
}

// awaitReady waits until each of n bots is in the world or failed, and
// returns how many are in.
func (r *runner) awaitReady(ph *phases, n int) int {
	in, step := 0, max(1, n/10)
	for k := 1; k <= n; k++ {
		if <-ph.ready {
			in++
		}
		if k%step == 0 || k == n {
			r.log.Info("bots settled", "settled", k, "of", n, "in_world", in)
		}
	}
	return in
}

// runBot is one bot's life: connect and log in, wait for t0, run the
// measured phase, wait for stop, hang up.
func (r *runner) runBot(ctx context.Context, name string, offset time.Duration, ph *phases) botResult {
	b, err := r.connect(ctx, name)
	ph.ready <- err == nil
	if err != nil {
		ph.measuring.Done()
		r.log.Debug("bot failed to connect", "name", name, "err", err)
		return botResult{connectErr: err}
	}
	<-ph.start
	runErr := r.measure(ctx, b, offset, ph.t0)
	ph.measuring.Done()
	<-ph.stop
	b.close()
	created, m := b.results()
	return botResult{created: created, runErr: runErr, match: m}
}

// connect dials the server and logs the bot's character in, within the
// login timeout.
func (r *runner) connect(ctx context.Context, name string) (*bot, error) {
	ctx, cancel := context.WithTimeout(ctx, r.cfg.LoginTimeout)
	defer cancel()
	conn, err := r.dialer().DialContext(ctx, "tcp", r.cfg.Addr)
	if err != nil {
		return nil, err
	}
	b := newBot(conn, name, r.cfg.Password, r.cfg.Timeout, r.now)
	go b.readLoop()
	if err := b.awaitLogin(ctx); err != nil {
		b.close()
		return nil, err
	}
	return b, nil
}

// dialer returns the dialer of the next connect: with -sources over 1 and
// an IPv4 loopback server, each connect comes from the next of the
// loopback addresses 127.0.0.2 and on, so that the server's limits per
// address see many players, as in life, rather than one.
func (r *runner) dialer() *net.Dialer {
	d := &net.Dialer{}
	host, _, err := net.SplitHostPort(r.cfg.Addr)
	ip := net.ParseIP(host)
	if err != nil || r.cfg.Sources <= 1 || ip == nil || ip.To4() == nil || !ip.IsLoopback() {
		return d
	}
	n := r.dialed.Add(1) % uint64(r.cfg.Sources)
	d.LocalAddr = &net.TCPAddr{IP: net.IPv4(127, 0, 0, byte(2+n))}
	return d
}

// measure runs the measured phase of one bot: looks on its schedule, then
// waiting for the last answers; or, idle, holding the connection.
func (r *runner) measure(ctx context.Context, b *bot, offset time.Duration, t0 time.Time) error {
	if r.cfg.Idle {
		return ignoreCanceled(b.waitUntil(ctx, t0.Add(r.cfg.Duration)))
	}
	n := int(r.cfg.Duration / r.cfg.Rate)
	if err := b.lookEvery(ctx, t0, offset, r.cfg.Rate, n); err != nil {
		return ignoreCanceled(err)
	}
	b.drain(time.Now().Add(r.cfg.Timeout))
	return nil
}

// jitter returns each bot's offset in [0, rate) from the seeded source, so
// that the looks of many bots spread over the second instead of all
// landing at once.
func jitter(seed uint64, n int, rate time.Duration) []time.Duration {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	offsets := make([]time.Duration, n)
	for i := range offsets {
		offsets[i] = time.Duration(rng.Int64N(int64(rate)))
	}
	return offsets
}

// sleepUntil waits until at and reports false when ctx ended first.
func sleepUntil(ctx context.Context, at time.Time) bool {
	t := time.NewTimer(time.Until(at))
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// ignoreCanceled drops the error of a run that was interrupted on purpose.
func ignoreCanceled(err error) error {
	if errors.Is(err, context.Canceled) {
		return nil
	}
	return err
}
