package admin

import (
	"context"
	"io"
	"log/slog"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"mythosd/world"
	"mythosd/world/netcore"
)

// refreshEvery is how often the console reads a new snapshot: five times a
// second, as often as the world publishes.
const refreshEvery = 200 * time.Millisecond

// Config is what a console model is made of. Source and Actions are
// required.
type Config struct {
	Source  Source
	Actions Actions
	// By is the admin's key fingerprint, passed to every action for the log.
	By string
	// Renderer styles the view for the admin's terminal; nil renders plain
	// text.
	Renderer *lipgloss.Renderer
	// Logger records every action; nil discards.
	Logger *slog.Logger
	// Width and Height are the terminal's size until the first resize;
	// zero means 80x24.
	Width, Height int
	// Conns returns the players' listeners' connection figures; nil shows
	// none.
	Conns func() netcore.Stats
}

// Model is the admin console: panels of live figures, the session table,
// and the actions, each confirmed before it runs. It is a Bubble Tea model;
// one runs per admin session.
type Model struct {
	cfg      Config
	st       styles
	log      *slog.Logger
	snap     *world.Snapshot
	hist     *history
	width    int
	height   int
	sessions view   // sort and filter of the session table
	filtOn   bool   // the filter is being typed
	selected string // name of the selected session
	form     *form  // the action being prepared, nil while browsing
	status   string
	failed   bool // the status reports a failure
}

// refreshMsg asks the model to read a new snapshot.
type refreshMsg struct{}

// doneMsg reports the end of an action.
type doneMsg struct {
	text string
	err  error
}

// ClosingMsg tells the console that the server is shutting down: it says
// so and quits.
type ClosingMsg struct{}

// New returns a console model showing cfg.Source's latest snapshot.
func New(cfg Config) Model {
	if cfg.Renderer == nil {
		cfg.Renderer = lipgloss.NewRenderer(io.Discard)
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	m := Model{
		cfg:    cfg,
		st:     newStyles(cfg.Renderer),
		log:    log.With("component", "admin"),
		hist:   &history{},
		width:  orSize(cfg.Width, 80),
		height: orSize(cfg.Height, 24),
	}
	m.refresh()
	return m
}

func orSize(n, def int) int {
	if n <= 0 {
		return def
	}
	return n
}

// Init starts the refresh cycle.
func (m Model) Init() tea.Cmd { return nextRefresh() }

// nextRefresh asks for a refresh after refreshEvery.
func nextRefresh() tea.Cmd {
	return tea.Tick(refreshEvery, func(time.Time) tea.Msg { return refreshMsg{} })
}

// refresh reads the latest snapshot.
func (m *Model) refresh() {
	m.snap = m.cfg.Source.Snapshot()
	if m.snap == nil {
		m.snap = &world.Snapshot{}
	}
	m.hist.add(m.snap)
}

// Update handles a message: a resize, a refresh, a key, an action's end.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = orSize(msg.Width, 80), orSize(msg.Height, 24)
	case refreshMsg:
		m.refresh()
		return m, nextRefresh()
	case doneMsg:
		m.status, m.failed = msg.text, msg.err != nil
		if msg.err != nil {
			m.status = "failed: " + msg.err.Error()
		}
	case ClosingMsg:
		m.status, m.failed = "the server is shutting down; the console closes", true
		return m, tea.Quit
	case tea.KeyMsg:
		return m.key(msg)
	}
	return m, nil
}

// run returns the command that runs a confirmed action and logs it with
// the admin's fingerprint.
func (m Model) run(a action) tea.Cmd {
	acts, by, log := m.cfg.Actions, m.cfg.By, m.log
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), actionTimeout)
		defer cancel()
		err := a.run(ctx, acts, by)
		attrs := append([]any{"action", a.name, "by", by}, a.args...)
		if err != nil {
			log.Warn("admin action failed", append(attrs, "err", err)...)
		} else {
			log.Info("admin action", attrs...)
		}
		return doneMsg{text: a.done, err: err}
	}
}
