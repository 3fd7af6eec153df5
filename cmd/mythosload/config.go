package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/url"
	"strings"
	"time"
)

// Bounds of the flags: every run is bounded in bots and in time.
const (
	maxBots      = 10000
	nameDigits   = 4 // letters after the prefix: 26^4 names
	maxNameLen   = 20
	minRate      = time.Millisecond
	maxPhase     = time.Hour // longest duration, ramp or rate
	maxTimeout   = time.Minute
	maxLoginWait = 10 * time.Minute
)

// botPassword is the password of every bot's character.
const botPassword = "lookbot-password"

// config is what a run needs, from the command line.
type config struct {
	Addr         string
	Bots         int
	Rate         time.Duration // a look every Rate; unused when Idle
	Duration     time.Duration // the measured phase
	Ramp         time.Duration // connects are spread over Ramp
	Timeout      time.Duration // an answer slower than this is late; also the drain
	LoginTimeout time.Duration // dial and login, per bot
	Prefix       string
	Password     string
	Idle         bool   // send nothing: hold the connections for Duration
	ServerPID    int    // when > 0, sample the server's RSS and CPU
	MetricsURL   string // when set, read the server's tick and Go figures there
	Seed         uint64 // of the jitter
	JSON         bool
	Timeline     bool // report the round trips of each second too
	AllowRemote  bool
	Sources      int // loopback source addresses the bots dial from (127.0.0.2 and on)
}

// parseConfig reads the flags; errors name the flag and the fix.
func parseConfig(args []string, stderr io.Writer) (config, error) {
	c := config{Password: botPassword}
	fs := flag.NewFlagSet("mythosload", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.Addr, "addr", "127.0.0.1:4000", "telnet address of the server (host:port)")
	fs.IntVar(&c.Bots, "bots", 100, "number of bots, 1 to 10000")
	fs.DurationVar(&c.Rate, "rate", time.Second, "each bot sends look once every rate")
	fs.DurationVar(&c.Duration, "duration", 60*time.Second, "length of the measured phase")
	fs.DurationVar(&c.Ramp, "ramp", 10*time.Second, "connects are spread evenly over ramp")
	fs.DurationVar(&c.Timeout, "timeout", 5*time.Second, "an answer slower than this counts as unanswered; also how long the end waits for answers")
	fs.DurationVar(&c.LoginTimeout, "login-timeout", 2*time.Minute, "how long one bot may take to connect and log in")
	fs.StringVar(&c.Prefix, "prefix", "Bot", "character names are prefix + 4 letters (letters only)")
	fs.BoolVar(&c.Idle, "idle", false, "send no commands: log in, hold the connections for -duration (memory runs)")
	fs.IntVar(&c.ServerPID, "server-pid", 0, "pid of the server on this machine: report its RSS and CPU (from /proc)")
	fs.StringVar(&c.MetricsURL, "metrics", "", "the server's Prometheus page, e.g. http://127.0.0.1:4080/metrics: report tick times and Go memory")
	fs.Uint64Var(&c.Seed, "seed", 1, "seed of the jittered start times")
	fs.BoolVar(&c.JSON, "json", false, "print the report as JSON")
	fs.BoolVar(&c.Timeline, "timeline", false, "also report the round trips of the looks sent in each second")
	fs.BoolVar(&c.AllowRemote, "allow-remote", false, "allow an -addr that is not a loopback address")
	fs.IntVar(&c.Sources, "sources", 250, "dial from this many loopback addresses (127.0.0.2 on), as players come from many places: 250 of them, 10 connections each by the server's -max-per-addr, let 2,500 bots in; 1 dials from the default address (1 to 250)")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("unexpected argument %q (every setting is a flag; see -h)", fs.Arg(0))
	}
	return c, c.validate()
}

// validate checks every bound and says which flag to change.
func (c config) validate() error {
	return errors.Join(c.checkAddr(), c.checkMetrics(), c.checkCounts(), c.checkTimes(), c.checkPrefix(), c.checkSources())
}

func (c config) checkCounts() error {
	if c.Bots < 1 || c.Bots > maxBots {
		return fmt.Errorf("-bots %d: give 1 to %d", c.Bots, maxBots)
	}
	if c.ServerPID < 0 {
		return fmt.Errorf("-server-pid %d: give the pid of the server, or 0 for none", c.ServerPID)
	}
	return nil
}

func (c config) checkTimes() error {
	var errs []error
	within := func(name string, d, lo, hi time.Duration) {
		if d < lo || d > hi {
			errs = append(errs, fmt.Errorf("-%s %v: give %v to %v", name, d, lo, hi))
		}
	}
	within("rate", c.Rate, minRate, maxPhase)
	within("duration", c.Duration, minRate, maxPhase)
	within("ramp", c.Ramp, 0, maxPhase)
	within("timeout", c.Timeout, minRate, maxTimeout)
	within("login-timeout", c.LoginTimeout, minRate, maxLoginWait)
	if !c.Idle && c.Duration < c.Rate {
		errs = append(errs, fmt.Errorf("-duration %v is shorter than -rate %v: no look would be sent; lengthen -duration", c.Duration, c.Rate))
	}
	return errors.Join(errs...)
}

func (c config) checkPrefix() error {
	if c.Prefix == "" || len(c.Prefix)+nameDigits > maxNameLen || !letters(c.Prefix) {
		return fmt.Errorf("-prefix %q: give 1 to %d letters (A to Z)", c.Prefix, maxNameLen-nameDigits)
	}
	return nil
}

// checkSources keeps -sources within 127.0.0.2 .. 127.0.0.251.
func (c config) checkSources() error {
	if c.Sources < 1 || c.Sources > 250 {
		return fmt.Errorf("-sources %d: use 1 to 250, e.g. -sources 64", c.Sources)
	}
	return nil
}

// checkAddr refuses an address other than loopback unless -allow-remote:
// a load generator pointed at someone else's server is an attack.
func (c config) checkAddr() error {
	host, _, err := net.SplitHostPort(c.Addr)
	if err != nil {
		return fmt.Errorf("-addr %q: give host:port, e.g. 127.0.0.1:4000", c.Addr)
	}
	if !c.AllowRemote && !loopback(host) {
		return fmt.Errorf("-addr %q is not a loopback address: pass -allow-remote to load a server of yours elsewhere", c.Addr)
	}
	return nil
}

// checkMetrics checks the -metrics URL as checkAddr checks the address.
func (c config) checkMetrics() error {
	if c.MetricsURL == "" {
		return nil
	}
	u, err := url.Parse(c.MetricsURL)
	if err != nil || u.Scheme != "http" || u.Host == "" {
		return fmt.Errorf("-metrics %q: give an http URL, e.g. http://127.0.0.1:4080/metrics", c.MetricsURL)
	}
	if !c.AllowRemote && !loopback(u.Hostname()) {
		return fmt.Errorf("-metrics %q is not on a loopback address: pass -allow-remote to read a server of yours elsewhere", c.MetricsURL)
	}
	return nil
}

// loopback reports whether host is localhost or a loopback IP address.
func loopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// letters reports whether s holds only the letters A to Z, a to z.
func letters(s string) bool {
	for _, r := range s {
		if (r < 'a' || r > 'z') && (r < 'A' || r > 'Z') {
			return false
		}
	}
	return true
}

// botName is bot i's character name: the prefix and i in letters, a to z,
// always nameDigits of them, so names stay the same whatever -bots is.
func botName(prefix string, i int) string {
	b := []byte(prefix + strings.Repeat("a", nameDigits))
	for k := len(b) - 1; k >= len(prefix) && i > 0; k-- {
		b[k] = byte('a' + i%26)
		i /= 26
	}
	return string(b)
}
