package main

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// TestMatcherScripts plays scripts of sends, lines and prompts. A step is
// "send@T" (a look written at T ms), "L:text" (a line) or "P:text@T" (a
// prompt seen at T ms).
func TestMatcherScripts(t *testing.T) {
	tests := []struct {
		name                               string
		steps                              []string
		rtts                               []time.Duration // in ms
		answered, late, stray, outstanding int
	}{
		{
			name:  "one answer",
			steps: []string{"send@0", "L:The Ward", "L:Exits: north.", "P:> @2"},
			rtts:  []time.Duration{2}, answered: 1,
		},
		{
			name:  "arrival before the answer is skipped",
			steps: []string{"send@0", "L:", "L:Ann blinks into being.", "P:> @1", "L:The Ward", "L:Exits: none.", "P:> @3"},
			rtts:  []time.Duration{3}, answered: 1,
		},
		{
			name:  "news inside the answer",
			steps: []string{"send@0", "L:The Ward", "L:Exits: up.", "L:Also here: Ann.", "L:Bob blinks into being.", "P:> @4"},
			rtts:  []time.Duration{4}, answered: 1,
		},
		{
			name:  "pipelined looks pair oldest first",
			steps: []string{"send@0", "send@1", "L:Exits: up.", "P:> @5", "L:Exits: up.", "P:> @6"},
			rtts:  []time.Duration{5, 5}, answered: 2,
		},
		{
			name:  "answer nobody asked for",
			steps: []string{"L:Exits: up.", "P:> @1"},
			stray: 1,
		},
		{
			name:  "late answer",
			steps: []string{"send@0", "L:Exits: up.", "P:> @150"},
			rtts:  []time.Duration{150}, late: 1,
		},
		{
			name:        "other prompt after exits",
			steps:       []string{"send@0", "L:Exits: up.", "P:Password: @1"},
			outstanding: 1,
		},
		{
			name:        "exits only mid-line",
			steps:       []string{"send@0", "L:Ann says, \"Exits: none\"", "P:> @1"},
			outstanding: 1,
		},
		{
			name:        "prompt resets the exits seen",
			steps:       []string{"send@0", "L:Exits: up.", "P:Password: @1", "P:> @2"},
			outstanding: 1,
		},
		{
			name:  "indented exits, prompt without its space",
			steps: []string{"send@0", "L:  Exits: up.", "P:>@1"},
			rtts:  []time.Duration{1}, answered: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := &lookMatcher{timeout: 100 * time.Millisecond}
			for _, step := range tt.steps {
				playStep(t, m, step)
			}
			want := make([]time.Duration, len(tt.rtts))
			for i, ms := range tt.rtts {
				want[i] = ms * time.Millisecond
			}
			if !slices.Equal(m.rtts, want) || m.answered != tt.answered || m.late != tt.late ||
				m.stray != tt.stray || m.outstanding() != tt.outstanding {
				t.Errorf("rtts %v answered %d late %d stray %d outstanding %d; want %v %d %d %d %d",
					m.rtts, m.answered, m.late, m.stray, m.outstanding(),
					want, tt.answered, tt.late, tt.stray, tt.outstanding)
			}
		})
	}
}

// playStep applies one script step to m.
func playStep(t testing.TB, m *lookMatcher, step string) {
	t.Helper()
	at := func(s string) time.Time {
		i := strings.LastIndexByte(s, '@')
		d, err := time.ParseDuration(s[i+1:] + "ms")
		if err != nil {
			t.Fatalf("step %q: %v", step, err)
		}
		return time.Unix(0, 0).Add(d)
	}
	switch {
	case strings.HasPrefix(step, "send@"):
		m.send(at(step))
	case strings.HasPrefix(step, "L:"):
		m.line([]byte(step[2:]))
	case strings.HasPrefix(step, "P:"):
		i := strings.LastIndexByte(step, '@')
		m.prompt([]byte(step[2:i]), at(step))
	default:
		t.Fatalf("bad step %q", step)
	}
}

// TestMatcherReusesQueue: a bot that keeps up never grows its queue.
func TestMatcherReusesQueue(t *testing.T) {
	m := &lookMatcher{timeout: time.Second}
	for range 100 {
		m.send(time.Unix(0, 0))
		m.line([]byte("Exits: up."))
		m.prompt([]byte("> "), time.Unix(0, 0))
	}
	if m.answered != 100 || cap(m.pending) > 1 {
		t.Errorf("answered %d with a queue of capacity %d; want 100 and 1", m.answered, cap(m.pending))
	}
}
