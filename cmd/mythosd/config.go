package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"strings"
	"time"
)

// config is the server's configuration, from flags with MYTHOS_<FLAG>
// environment fallbacks.
type config struct {
	Node         string
	NATS         string
	NATSListen   string
	NATSCreds    string
	NATSCA       string
	NATSCert     string
	NATSKey      string
	DataDir      string
	WorldDir     string
	WorldImport  string // when to import -world at start: auto, always or never
	TelnetAddr   string
	SSHAddr      string // player SSH listen address; "" or "off" disables it
	TelnetTLS    string // TLS telnet listen address; "" or "off" disables it
	TLSCert      string // PEM certificate file; with TLSKey, else self-signed
	TLSKey       string // PEM private key file
	Tick         time.Duration
	FluxEvery    time.Duration
	CombatRound  time.Duration
	RoomTTL      time.Duration
	StartRoom    string
	MaxConns     int
	MaxPerAddr   int           // connections at once from one address (IPv6: one /64)
	MaxLogin     int           // connections still logging in at once; 0: a quarter of MaxConns
	LoginGrace   time.Duration // from connect to entering the world
	CmdRate      int           // commands a second per player
	CmdBurst     int           // commands at once per player
	MaxChars     int           // characters an account may hold
	WriteTimeout time.Duration
	LogFormat    string
	LogLevel     string
	AdminAddr    string // admin console (SSH) listen address; "" or "off" disables it
	MetricsAddr  string // Prometheus /metrics listen address; "" or "off" disables it
	Ops          opsConfig

	// testHash makes password hashing cheap; only tests set it, to keep
	// the race detector's runs short.
	testHash bool
}

// flagHelp is returned when -h or -help asked for the usage text.
var flagHelp = flag.ErrHelp

// errUsage marks a configuration error: the process exits with status 2.
var errUsage = errors.New("usage")

// parseConfig reads flags from args, then the environment (getenv) for every
// flag not given, then validates. Errors name the flag and the fix.
func parseConfig(args []string, getenv func(string) string, stderr io.Writer) (config, error) {
	var cfg config
	fs := flag.NewFlagSet("mythosd", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&cfg.DataDir, "data", "./var", "`DIR` for the SQLite database and all other state")
	fs.StringVar(&cfg.WorldDir, "world", "", "world `DIR` to load (default: the shipped world built into the binary)")
	fs.StringVar(&cfg.WorldImport, "world-import", importAuto, "when to import -world at start: auto (when the folder changed, refusing to undo builders' changes), always or never")
	fs.StringVar(&cfg.TelnetAddr, "telnet", ":4000", "telnet listen `ADDR`; empty or \"off\" disables it")
	fs.StringVar(&cfg.SSHAddr, "ssh", ":4022", "player SSH listen `ADDR` (ssh -p 4022 NAME@host, or new@host); empty or \"off\" disables it")
	fs.StringVar(&cfg.TelnetTLS, "telnet-tls", "", "telnet over TLS listen `ADDR`; empty or \"off\" disables it")
	fs.StringVar(&cfg.TLSCert, "tls-cert", "", "PEM certificate `FILE` for -telnet-tls (default: a self-signed one kept in the data dir)")
	fs.StringVar(&cfg.TLSKey, "tls-key", "", "PEM private key `FILE` for -tls-cert")
	fs.DurationVar(&cfg.Tick, "tick", 100*time.Millisecond, "world tick `DURATION`")
	fs.DurationVar(&cfg.FluxEvery, "flux-every", 15*time.Second, "cadence of passive lucidity flux, one in-game minute (`DURATION`)")
	fs.DurationVar(&cfg.CombatRound, "combat-round", 3*time.Second, "time between rounds of a fight (`DURATION`)")
	fs.DurationVar(&cfg.RoomTTL, "room-ttl", 60*time.Second, "how long a room stays cached (`DURATION`)")
	fs.StringVar(&cfg.StartRoom, "start", "", "`ROOM_ID` where new characters wake (default: the world's sanitarium, else its first room)")
	fs.IntVar(&cfg.MaxConns, "max-conns", 2000, "most connections at once per listener (`N`)")
	fs.IntVar(&cfg.MaxPerAddr, "max-per-addr", 10, "most connections at once per listener from one address, IPv6 by /64 (`N`); 0 for no cap")
	fs.IntVar(&cfg.MaxLogin, "max-login-conns", 0, "most connections still logging in at once per listener (`N`; default a quarter of -max-conns)")
	fs.DurationVar(&cfg.LoginGrace, "login-grace", 60*time.Second, "a connection must enter the world within this `DURATION` of connecting")
	fs.IntVar(&cfg.CmdRate, "cmd-rate", 20, "commands a second each player may send (`N`); beyond the burst they wait their turn")
	fs.IntVar(&cfg.CmdBurst, "cmd-burst", 60, "commands each player may send at once (`N`) before -cmd-rate applies")
	fs.IntVar(&cfg.MaxChars, "max-characters", 5, "characters each account may hold (`N`)")
	fs.DurationVar(&cfg.WriteTimeout, "write-timeout", 10*time.Second, "drop a client that cannot take output for this `DURATION`")
	fs.StringVar(&cfg.Node, "node", defaultNode(), "this node's `NAME` (who marks players of other nodes with it)")
	fs.StringVar(&cfg.NATS, "nats", "", "NATS `URL[,URL...]` of an external cluster for chat between nodes (default: NATS embedded in the process)")
	fs.StringVar(&cfg.NATSListen, "nats-listen", "", "open the embedded NATS server's client port on `ADDR` so other nodes can join with -nats")
	fs.StringVar(&cfg.NATSCreds, "nats-creds", "", "NATS credentials `FILE` for -nats")
	fs.StringVar(&cfg.NATSCA, "nats-tls-ca", "", "CA certificate `FILE` to verify the NATS servers of -nats")
	fs.StringVar(&cfg.NATSCert, "nats-tls-cert", "", "client certificate `FILE` for -nats (with -nats-tls-key)")
	fs.StringVar(&cfg.NATSKey, "nats-tls-key", "", "client key `FILE` for -nats-tls-cert")
	fs.StringVar(&cfg.LogFormat, "log-format", "text", "log format: text or json")
	fs.StringVar(&cfg.LogLevel, "log-level", "info", "log level: debug, info, warn or error")
	fs.StringVar(&cfg.AdminAddr, "admin", "127.0.0.1:4023", "admin console (SSH, keys in DIR/admin_authorized_keys) listen `ADDR`; empty or \"off\" disables it")
	fs.StringVar(&cfg.MetricsAddr, "metrics", "127.0.0.1:4080", "Prometheus metrics listen `ADDR` (path /metrics); empty or \"off\" disables it")
	cfg.Ops.register(fs)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return cfg, err
		}
		return cfg, fmt.Errorf("%w: %v", errUsage, err)
	}
	if fs.NArg() > 0 {
		return cfg, fmt.Errorf("%w: unexpected argument %q (flags start with -)", errUsage, fs.Arg(0))
	}
	if err := applyEnv(fs, getenv); err != nil {
		return cfg, err
	}
	return cfg, cfg.validate()
}

// envName is the environment variable for a flag: -log-format is
// MYTHOS_LOG_FORMAT.
func envName(flagName string) string {
	return "MYTHOS_" + strings.ToUpper(strings.ReplaceAll(flagName, "-", "_"))
}

// applyEnv sets every flag not given on the command line from its
// environment variable, when that is set.
func applyEnv(fs *flag.FlagSet, getenv func(string) string) error {
	given := make(map[string]bool)
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	var err error
	fs.VisitAll(func(f *flag.Flag) {
		v := getenv(envName(f.Name))
		if given[f.Name] || v == "" || err != nil {
			return
		}
		if e := f.Value.Set(v); e != nil {
			err = fmt.Errorf("%w: %s=%q: %v", errUsage, envName(f.Name), v, e)
		}
	})
	return err
}

// bad is a usage error that names the flag at fault and the fix.
func bad(flag, msg string) error { return fmt.Errorf("%w: -%s: %s", errUsage, flag, msg) }

// validate checks values that parse but make no sense.
func (c *config) validate() error {
	switch {
	case c.DataDir == "":
		return bad("data", "must name a directory, e.g. -data ./var")
	case c.Tick < time.Millisecond || c.Tick > time.Minute:
		return bad("tick", fmt.Sprintf("%v is out of range; use 1ms to 1m, e.g. -tick 100ms", c.Tick))
	case c.FluxEvery < c.Tick:
		return bad("flux-every", fmt.Sprintf("%v is shorter than the tick (%v); use e.g. -flux-every 15s", c.FluxEvery, c.Tick))
	case c.CombatRound < c.Tick || c.CombatRound > time.Minute:
		return bad("combat-round", fmt.Sprintf("%v is out of range; use the tick (%v) to 1m, e.g. -combat-round 3s", c.CombatRound, c.Tick))
	case c.RoomTTL < time.Second:
		return bad("room-ttl", fmt.Sprintf("%v is too short; use at least 1s, e.g. -room-ttl 60s", c.RoomTTL))
	case c.MaxConns < 1:
		return bad("max-conns", "must be at least 1")
	case c.MaxPerAddr < 0:
		return bad("max-per-addr", "must be 0 (no cap) or more, e.g. -max-per-addr 10")
	case c.MaxLogin < 0 || c.MaxLogin > c.MaxConns:
		return bad("max-login-conns", fmt.Sprintf("%d is out of range; use 1 to -max-conns (%d), or 0 for a quarter of it", c.MaxLogin, c.MaxConns))
	case c.LoginGrace < time.Second || c.LoginGrace > time.Hour:
		return bad("login-grace", fmt.Sprintf("%v is out of range; use 1s to 1h, e.g. -login-grace 60s", c.LoginGrace))
	case c.CmdRate < 1 || c.CmdRate > 1000:
		return bad("cmd-rate", fmt.Sprintf("%d is out of range; use 1 to 1000, e.g. -cmd-rate 20", c.CmdRate))
	case c.CmdBurst < 1 || c.CmdBurst > 10000:
		return bad("cmd-burst", fmt.Sprintf("%d is out of range; use 1 to 10000, e.g. -cmd-burst 60", c.CmdBurst))
	case c.MaxChars < 1 || c.MaxChars > 100:
		return bad("max-characters", fmt.Sprintf("%d is out of range; use 1 to 100, e.g. -max-characters 5", c.MaxChars))
	case c.WriteTimeout < 100*time.Millisecond:
		return bad("write-timeout", "use at least 100ms, e.g. -write-timeout 10s")
	case !validImportMode(c.WorldImport):
		return bad("world-import", fmt.Sprintf("%q is not a mode; use auto, always or never", c.WorldImport))
	case c.LogFormat != "text" && c.LogFormat != "json":
		return bad("log-format", fmt.Sprintf("%q is not a format; use text or json", c.LogFormat))
	}
	if _, err := parseLevel(c.LogLevel); err != nil {
		return bad("log-level", err.Error())
	}
	for _, l := range []struct{ flag, addr string }{
		{"telnet", c.TelnetAddr}, {"ssh", c.SSHAddr}, {"admin", c.AdminAddr}, {"metrics", c.MetricsAddr},
	} {
		if err := checkAddr(l.addr); err != nil {
			return bad(l.flag, err.Error())
		}
	}
	if err := c.Ops.validate(); err != nil {
		return err
	}
	if err := c.validateBus(); err != nil {
		return err
	}
	if err := c.validateTLS(); err != nil {
		return err
	}
	if c.WorldDir != "" {
		if st, err := os.Stat(c.WorldDir); err != nil || !st.IsDir() {
			return bad("world", fmt.Sprintf("%q is not a directory; give the folder that holds the plane folders", c.WorldDir))
		}
	}
	return nil
}

// listenerOff reports whether an address disables its listener.
func listenerOff(addr string) bool { return addr == "" || addr == "off" }

// checkAddr accepts host:port addresses and the words that disable a listener.
func checkAddr(addr string) error {
	if listenerOff(addr) {
		return nil
	}
	if _, port, err := net.SplitHostPort(addr); err != nil || port == "" {
		return fmt.Errorf("%q is not HOST:PORT; use e.g. :4000 or 127.0.0.1:4000, or off", addr)
	}
	return nil
}
