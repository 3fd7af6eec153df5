package ssh

import (
	"errors"
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	gliderssh "github.com/gliderlabs/ssh"
	"github.com/muesli/termenv"
	gossh "golang.org/x/crypto/ssh"

	"mythosd/admin"
)

// handle runs one admin console for a session with a PTY; a session
// without one is refused with a one-line reason.
func (c *Console) handle(s gliderssh.Session) {
	if s.PublicKey() == nil { // only key logins get this far; never act unattributed
		s.Exit(1)
		return
	}
	if core := coreOf(s.Context()); core != nil {
		core.LoggedIn() // an authorized admin: no login grace any more
	}
	fp := gossh.FingerprintSHA256(s.PublicKey())
	log := c.log.With("admin", fp, "addr", s.RemoteAddr().String())
	defer func() {
		if r := recover(); r != nil {
			log.Error("admin console panicked", "panic", r)
			s.Exit(2)
		}
	}()
	pty, winch, ok := s.Pty()
	if !ok {
		fmt.Fprintln(s.Stderr(), "mythosd: the admin console needs a terminal; use `mythosd console` or `ssh -t`")
		s.Exit(1)
		return
	}
	p := tea.NewProgram(admin.New(admin.Config{
		Source: c.Source, Actions: c.Actions, By: fp, Logger: c.Logger, Conns: c.Conns,
		Renderer: renderer(s, pty.Term), Width: pty.Window.Width, Height: pty.Window.Height,
	}), tea.WithInput(s), tea.WithOutput(s), tea.WithAltScreen(), tea.WithoutSignalHandler(),
		tea.WithContext(s.Context()))
	if !c.track(p) {
		fmt.Fprintln(s.Stderr(), "mythosd: the server is shutting down")
		s.Exit(1)
		return
	}
	defer c.untrack(p)
	go follow(p, winch)
	log.Info("admin console opened", "term", pty.Term, "width", pty.Window.Width, "height", pty.Window.Height)
	_, err := p.Run()
	if err != nil && !errors.Is(err, tea.ErrProgramKilled) {
		log.Warn("admin console ended", "err", err)
	}
	log.Info("admin console closed")
	if c.isClosing() {
		fmt.Fprintln(s.Stderr(), "mythosd: the server is shutting down")
	}
	s.Exit(0)
}

// follow passes every window change to the program until the session ends.
func follow(p *tea.Program, winch <-chan gliderssh.Window) {
	for w := range winch {
		p.Send(tea.WindowSizeMsg{Width: w.Width, Height: w.Height})
	}
}

// track records a running program unless the console is closing.
func (c *Console) track(p *tea.Program) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closing {
		return false
	}
	c.programs[p] = struct{}{}
	c.sessions.Add(1)
	return true
}

func (c *Console) untrack(p *tea.Program) {
	c.mu.Lock()
	delete(c.programs, p)
	c.mu.Unlock()
	c.sessions.Done()
}

func (c *Console) isClosing() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.closing
}

// renderer styles for the session's terminal, by the TERM its PTY names.
func renderer(s gliderssh.Session, term string) *lipgloss.Renderer {
	r := lipgloss.NewRenderer(s)
	switch {
	case term == "" || term == "dumb":
		r.SetColorProfile(termenv.Ascii)
	case strings.Contains(term, "256color") || strings.Contains(term, "truecolor") || strings.Contains(term, "direct"):
		r.SetColorProfile(termenv.ANSI256)
	default:
		r.SetColorProfile(termenv.ANSI)
	}
	r.SetHasDarkBackground(true)
	return r
}
