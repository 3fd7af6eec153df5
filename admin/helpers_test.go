package admin

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"mythosd/world"
)

// testFP stands for the admin's key fingerprint.
const testFP = "SHA256:testfingerprint"

// source serves whatever snapshot the test put in it.
type source struct {
	mu   sync.Mutex
	snap *world.Snapshot
}

func (s *source) Snapshot() *world.Snapshot {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.snap
}

func (s *source) set(snap *world.Snapshot) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.snap = snap
}

// recorder is an Actions that writes down each call; the console's
// boundary, so the model's tests need no world.
type recorder struct {
	mu    sync.Mutex
	calls []string
	err   error
}

func (r *recorder) note(format string, args ...any) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.calls = append(r.calls, fmt.Sprintf(format, args...))
	return r.err
}

func (r *recorder) Kick(_ context.Context, name, reason, by string) error {
	return r.note("Kick(%s, %q, %s)", name, reason, by)
}

func (r *recorder) Broadcast(_ context.Context, text, by string) error {
	return r.note("Broadcast(%q, %s)", text, by)
}

func (r *recorder) Teleport(_ context.Context, name, room, by string) error {
	return r.note("Teleport(%s, %s, %s)", name, room, by)
}

func (r *recorder) SetLucidity(_ context.Context, name string, n int, by string) error {
	return r.note("SetLucidity(%s, %d, %s)", name, n, by)
}

func (r *recorder) ScheduleShutdown(_ context.Context, d time.Duration, by string) error {
	return r.note("ScheduleShutdown(%v, %s)", d, by)
}

func (r *recorder) CancelShutdown(_ context.Context, by string) error {
	return r.note("CancelShutdown(%s)", by)
}

func (r *recorder) Ban(_ context.Context, target string, d time.Duration, reason, by string) error {
	return r.note("Ban(%s, %v, %q, %s)", target, d, reason, by)
}

func (r *recorder) Unban(_ context.Context, target, by string) error {
	return r.note("Unban(%s, %s)", target, by)
}

func (r *recorder) StartBackup(_ context.Context, by string) error {
	return r.note("StartBackup(%s)", by)
}

func (r *recorder) SetRole(_ context.Context, name, role string, grant bool, by string) error {
	return r.note("SetRole(%s, %s, %v, %s)", name, role, grant, by)
}

func (r *recorder) SetFrozen(_ context.Context, name string, frozen bool, by string) error {
	return r.note("SetFrozen(%s, %v, %s)", name, frozen, by)
}

func (r *recorder) recorded() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.calls...)
}

// epoch is the time of the sample snapshot.
var epoch = time.Date(2026, 3, 14, 21, 7, 5, 0, time.UTC)

// snapshot is a snapshot whose every figure is distinct, so a view can be
// searched for each.
func snapshot() *world.Snapshot {
	s := &world.Snapshot{
		At: epoch,
		Ticks: world.TickStats{
			Count: 12345, OverBudget: 6, Last: 655 * time.Microsecond, LastLate: 120 * time.Microsecond,
			P50: 812 * time.Microsecond, P95: 1900 * time.Microsecond, P99: 2750 * time.Microsecond,
			Max: 4100 * time.Microsecond, MaxLate: 9500 * time.Microsecond, Window: 600,
		},
		RecentTicks: world.TickStats{
			Count: 12345, P50: 640 * time.Microsecond, P95: 700 * time.Microsecond,
			P99: 705 * time.Microsecond, Max: 731 * time.Microsecond, Window: 10,
		},
		TickEvery:     100 * time.Millisecond,
		TickDurations: []time.Duration{640 * time.Microsecond, 731 * time.Microsecond, 700 * time.Microsecond},
		Flux:          world.FluxStats{Passes: 77, Last: 42 * time.Microsecond, Characters: 3, Changed: 2},
		NPCs:          world.NPCStats{Population: 412, Scheduled: 530, Due: 5, Work: 31 * time.Microsecond, Fights: 3},
		Cache: world.CacheStats{
			Rooms: 29, Hits: 4321, Misses: 87, Loads: 90, LoadErrors: 2, Expirations: 11,
			InFlight: 3, AvgLoad: 1250 * time.Microsecond,
		},
		Sessions: players(),
	}
	setStore(s, 1500, 6000)
	return s
}

func players() []world.SessionInfo {
	return []world.SessionInfo{
		{Name: "Alice", Transport: "telnet", Client: "Mudlet", Addr: "10.0.0.7:50001",
			RoomID: "earth_arkham_city_campus_room_library_001", RoomName: "Orne Library",
			Lucidity: 88, Tier: "lucid", Idle: 4 * time.Second},
		{Name: "Bob", Transport: "ssh", Client: "xterm-256color", Addr: "10.0.0.3:40022",
			RoomID: "earth_arkham_city_sanitarium_room_foyer_001", RoomName: "Sanitarium Foyer",
			Lucidity: 12, Tier: "deranged", Idle: 90 * time.Second},
		{Name: "Carol", Transport: "telnet+tls", Client: "TINTIN++", Addr: "10.0.0.9:61000",
			RoomID: "earth_arkham_city_northside_room_derby_st_001", RoomName: "Derby Street",
			Lucidity: 45, Tier: "uneasy", Idle: 2 * time.Hour},
	}
}

// setStore sets the store writer's figures (admin may not import store).
func setStore(s *world.Snapshot, commits, rows uint64) {
	s.Store.QueueDepth, s.Store.Commits, s.Store.RowsWritten = 7, commits, rows
	s.Store.Errors, s.Store.LastCommit = 1, 3400*time.Microsecond
}

// newModel makes a console of src's snapshots, acting on acts, sized w x h.
func newModel(t testing.TB, src Source, acts Actions, w, h int) Model {
	t.Helper()
	return New(Config{Source: src, Actions: acts, By: testFP, Width: w, Height: h})
}

// keyMsg turns a key name into the message Bubble Tea would send.
func keyMsg(key string) tea.KeyMsg {
	named := map[string]tea.KeyType{
		"enter": tea.KeyEnter, "esc": tea.KeyEsc, "up": tea.KeyUp, "down": tea.KeyDown,
		"backspace": tea.KeyBackspace, "space": tea.KeySpace, "ctrl+c": tea.KeyCtrlC,
		"home": tea.KeyHome, "end": tea.KeyEnd, "ctrl+u": tea.KeyCtrlU,
	}
	if k, ok := named[key]; ok {
		return tea.KeyMsg{Type: k}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(key)}
}

// press sends keys in order and runs the commands they return, feeding
// their messages back, as a Bubble Tea program would (ticks excepted).
func press(t testing.TB, m Model, keys ...string) Model {
	t.Helper()
	for _, k := range keys {
		m = send(t, m, keyMsg(k))
	}
	return m
}

// typeText sends each rune of text as a key.
func typeText(t testing.TB, m Model, text string) Model {
	t.Helper()
	for _, r := range text {
		m = send(t, m, keyMsg(string(r)))
	}
	return m
}

// send delivers msg and runs a returned action command to its end.
func send(t testing.TB, m Model, msg tea.Msg) Model {
	t.Helper()
	next, cmd := m.Update(msg)
	m = next.(Model)
	if cmd == nil {
		return m
	}
	if _, isRefresh := msg.(refreshMsg); isRefresh {
		return m // the next refresh is a timer: the test sends it itself
	}
	if done, ok := cmd().(doneMsg); ok {
		next, _ = m.Update(done)
		m = next.(Model)
	}
	return m
}

// lines splits a view into its lines.
func lines(view string) []string { return strings.Split(view, "\n") }

var errTest = errors.New("test failure")
