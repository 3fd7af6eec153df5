package main

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"
)

func noEnv(string) string { return "" }

func TestParseConfigDefaults(t *testing.T) {
	cfg, err := parseConfig(nil, noEnv, &bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	if cfg.DataDir != "./var" || cfg.WorldDir != "" || cfg.TelnetAddr != ":4000" ||
		cfg.Tick != 100*time.Millisecond || cfg.LogFormat != "text" || cfg.RoomTTL != time.Minute || cfg.MaxChars != 5 {
		t.Errorf("defaults: %+v", cfg)
	}
}

func TestParseConfigEnvFallback(t *testing.T) {
	env := map[string]string{"MYTHOS_MAX_CHARACTERS": "3", "MYTHOS_TICK": "250ms", "MYTHOS_LOG_FORMAT": "json", "MYTHOS_TELNET": "off", "MYTHOS_DATA": "/tmp/x"}
	cfg, err := parseConfig([]string{"-data", "/srv/mythos"}, func(k string) string { return env[k] }, &bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Tick != 250*time.Millisecond || cfg.LogFormat != "json" || !listenerOff(cfg.TelnetAddr) || cfg.MaxChars != 3 {
		t.Errorf("env not applied: %+v", cfg)
	}
	if cfg.DataDir != "/srv/mythos" {
		t.Errorf("the flag must win over the environment: data %q", cfg.DataDir)
	}
}

func TestParseConfigErrorsNameTheFlag(t *testing.T) {
	tests := []struct {
		args []string
		env  map[string]string
		want string
	}{
		{[]string{"-tick", "soon"}, nil, "-tick"},
		{[]string{"-tick", "0s"}, nil, "-tick"},
		{[]string{"-log-format", "xml"}, nil, "-log-format"},
		{[]string{"-world-import", "sometimes"}, nil, "-world-import"},
		{nil, map[string]string{"MYTHOS_WORLD_IMPORT": "Always"}, "-world-import"},
		{[]string{"-log-level", "loud"}, nil, "-log-level"},
		{[]string{"-telnet", "4000"}, nil, "-telnet"},
		{[]string{"-data", ""}, nil, "-data"},
		{[]string{"-world", "/no/such/dir"}, nil, "-world"},
		{[]string{"-max-conns", "0"}, nil, "-max-conns"},
		{[]string{"-room-ttl", "1ms"}, nil, "-room-ttl"},
		{[]string{"-cmd-rate", "0"}, nil, "-cmd-rate"},
		{[]string{"-cmd-burst", "-5"}, nil, "-cmd-burst"},
		{nil, map[string]string{"MYTHOS_CMD_RATE": "99999"}, "-cmd-rate"},
		{[]string{"-max-characters", "0"}, nil, "-max-characters"},
		{[]string{"-max-characters", "999999999999999999999"}, nil, "-max-characters"},
		{nil, map[string]string{"MYTHOS_MAX_CHARACTERS": "-1"}, "-max-characters"},
		{[]string{"-combat-round", "1ms"}, nil, "-combat-round"},
		{[]string{"-combat-round", "2m"}, nil, "-combat-round"},
		{[]string{"stray"}, nil, "unexpected argument"},
		{[]string{"-nosuchflag"}, nil, "nosuchflag"},
		{nil, map[string]string{"MYTHOS_TICK": "fast"}, "MYTHOS_TICK"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			_, err := parseConfig(tt.args, func(k string) string { return tt.env[k] }, &bytes.Buffer{})
			if !errors.Is(err, errUsage) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want a usage error naming %q", err, tt.want)
			}
		})
	}
}

func TestRunExitStatus(t *testing.T) {
	tests := []struct {
		args []string
		want int
		msg  string
	}{
		{[]string{"-tick", "never"}, 2, "-tick"},
		{[]string{"-h"}, 0, "-data"},
		{[]string{"-data", "/proc/mythosd-cannot-write-here", "-telnet", "off"}, 1, "mythos.db"},
	}
	for _, tt := range tests {
		var stderr bytes.Buffer
		if got := run(tt.args, noEnv, &stderr); got != tt.want || !strings.Contains(stderr.String(), tt.msg) {
			t.Errorf("run(%q) = %d, stderr %q; want %d mentioning %q", tt.args, got, stderr.String(), tt.want, tt.msg)
		}
	}
}

func TestCheckWorld(t *testing.T) {
	tests := []struct {
		args []string
		want int
		out  string
	}{
		{nil, 0, "0 errors, 0 warnings, 0 exits resolved; start room earth_arkham_city_sanitarium_room_ward_001"},
		{[]string{"-world", compatRooms}, 1, "56 exits resolved"},
		{[]string{"-bogus"}, 2, ""},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		if got := runCheckWorld(tt.args, &stdout, &stderr); got != tt.want || !strings.Contains(stdout.String(), tt.out) {
			t.Errorf("check-world %q = %d, output %q; want %d with %q", tt.args, got, stdout.String(), tt.want, tt.out)
		}
	}
}

func TestGrantAdmin(t *testing.T) {
	dir := t.TempDir()
	srv := startServer(t, testConfig(dir))
	c := dial(t, srv.addr("telnet"))
	c.createCharacter("Keeper", "lanterns1")
	c.send("admin flux")
	c.expect("grope for the meaning")
	c.send("quit")
	c.expect("Until next time")
	tests := []struct {
		args []string
		want int
		out  string
	}{
		{[]string{"-data", dir, "keeper"}, 0, "keeper is now an admin"},
		{[]string{"-data", dir, "nobody"}, 1, `no account called "nobody"`},
		{[]string{"-data", dir}, 2, "usage"},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		got := runGrantAdmin(tt.args, noEnv, &stdout, &stderr)
		if got != tt.want || !strings.Contains(stdout.String()+stderr.String(), tt.out) {
			t.Errorf("grant-admin %q = %d, %q %q; want %d with %q", tt.args, got, stdout.String(), stderr.String(), tt.want, tt.out)
		}
	}
	c = dial(t, srv.addr("telnet"))
	c.login("Keeper", "lanterns1")
	wantIn(t, c.do("admin flux", "Flux pass:"), "active characters evaluated")
	var stdout, stderr bytes.Buffer
	if got := runGrantAdmin([]string{"-data", dir, "-revoke", "Keeper"}, noEnv, &stdout, &stderr); got != 0 {
		t.Errorf("revoke: %d %s", got, stderr.String())
	}
}
