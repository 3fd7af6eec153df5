package main

import (
	"io"
	"strings"
	"testing"
	"time"
)

func TestParseConfig(t *testing.T) {
	tests := []struct {
		name string
		args []string
		err  string // part of the error; "" for none
	}{
		{"defaults", nil, ""},
		{"the brief's command", strings.Fields("-addr 127.0.0.1:4000 -bots 1000 -rate 1s -duration 60s -ramp 10s -prefix Load"), ""},
		{"localhost", []string{"-addr", "localhost:4000"}, ""},
		{"IPv6 loopback", []string{"-addr", "[::1]:4000"}, ""},
		{"idle shorter than rate", []string{"-idle", "-duration", "10ms"}, ""},
		{"remote allowed", []string{"-addr", "192.0.2.1:4000", "-allow-remote"}, ""},
		{"remote refused", []string{"-addr", "192.0.2.1:4000"}, "-allow-remote"},
		{"name refused", []string{"-addr", "mud.example.org:4000"}, "not a loopback"},
		{"no port", []string{"-addr", "127.0.0.1"}, "-addr"},
		{"no bots", []string{"-bots", "0"}, "-bots 0"},
		{"too many bots", []string{"-bots", "10001"}, "-bots 10001"},
		{"zero rate", []string{"-rate", "0s"}, "-rate"},
		{"duration shorter than rate", []string{"-duration", "500ms"}, "no look would be sent"},
		{"endless duration", []string{"-duration", "2h"}, "-duration"},
		{"negative ramp", []string{"-ramp", "-1s"}, "-ramp"},
		{"long timeout", []string{"-timeout", "2m"}, "-timeout"},
		{"zero login timeout", []string{"-login-timeout", "0s"}, "-login-timeout"},
		{"digits in prefix", []string{"-prefix", "Bot1"}, "-prefix"},
		{"empty prefix", []string{"-prefix", ""}, "-prefix"},
		{"long prefix", []string{"-prefix", strings.Repeat("a", 17)}, "-prefix"},
		{"negative pid", []string{"-server-pid", "-1"}, "-server-pid"},
		{"metrics page", []string{"-metrics", "http://127.0.0.1:4080/metrics"}, ""},
		{"metrics elsewhere", []string{"-metrics", "http://192.0.2.1:4080/metrics"}, "-allow-remote"},
		{"metrics elsewhere allowed", []string{"-metrics", "http://192.0.2.1:4080/metrics", "-allow-remote"}, ""},
		{"metrics not http", []string{"-metrics", "ftp://127.0.0.1/metrics"}, "-metrics"},
		{"metrics no host", []string{"-metrics", "/metrics"}, "-metrics"},
		{"stray argument", []string{"go"}, "unexpected argument"},
		{"unknown flag", []string{"-color"}, "-color"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseConfig(tt.args, io.Discard)
			switch {
			case tt.err == "" && err != nil:
				t.Errorf("error %v, want none", err)
			case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
				t.Errorf("error %v, want one with %q", err, tt.err)
			}
		})
	}
}

func TestParseConfigValues(t *testing.T) {
	c, err := parseConfig(strings.Fields("-bots 7 -rate 250ms -duration 2s -ramp 0s -prefix Load -seed 9 -json -server-pid 42"), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	want := config{Addr: "127.0.0.1:4000", Bots: 7, Rate: 250 * time.Millisecond, Duration: 2 * time.Second,
		Timeout: 5 * time.Second, LoginTimeout: 2 * time.Minute, Prefix: "Load", Password: botPassword,
		ServerPID: 42, Seed: 9, JSON: true, Sources: 250}
	if c != want {
		t.Errorf("config %+v, want %+v", c, want)
	}
}

func TestBotName(t *testing.T) {
	tests := []struct {
		prefix string
		i      int
		want   string
	}{
		{"Bot", 0, "Botaaaa"},
		{"Bot", 1, "Botaaab"},
		{"Bot", 25, "Botaaaz"},
		{"Bot", 26, "Botaaba"},
		{"Bot", 26*26*26*26 - 1, "Botzzzz"},
		{"A", maxBots - 1, "Aaoup"},
		{"ABCDEFGHIJKLMNOP", 3, "ABCDEFGHIJKLMNOPaaad"},
	}
	seen := map[string]bool{}
	for _, tt := range tests {
		got := botName(tt.prefix, tt.i)
		if got != tt.want {
			t.Errorf("botName(%q, %d) = %q, want %q", tt.prefix, tt.i, got, tt.want)
		}
		if len(got) < 3 || len(got) > maxNameLen || !letters(got) {
			t.Errorf("botName(%q, %d) = %q is no valid name", tt.prefix, tt.i, got)
		}
	}
	for i := range maxBots {
		n := botName("Bot", i)
		if seen[n] {
			t.Fatalf("botName(Bot, %d) = %q twice", i, n)
		}
		seen[n] = true
	}
}

func TestJitterIsSeededAndBounded(t *testing.T) {
	a, b, c := jitter(1, 500, time.Second), jitter(1, 500, time.Second), jitter(2, 500, time.Second)
	differ := false
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("offset %d: %v then %v with the same seed", i, a[i], b[i])
		}
		if a[i] < 0 || a[i] >= time.Second {
			t.Fatalf("offset %d = %v, want within [0, 1s)", i, a[i])
		}
		differ = differ || a[i] != c[i]
	}
	if !differ {
		t.Error("seeds 1 and 2 give the same offsets")
	}
}
