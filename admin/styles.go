package admin

import "github.com/charmbracelet/lipgloss"

// styles are the console's looks, bound to the admin's terminal.
type styles struct {
	header   lipgloss.Style
	title    lipgloss.Style
	label    lipgloss.Style
	dim      lipgloss.Style
	good     lipgloss.Style
	warn     lipgloss.Style
	bad      lipgloss.Style
	graph    lipgloss.Style
	colHead  lipgloss.Style
	selected lipgloss.Style
	prompt   lipgloss.Style
	box      lipgloss.Style
	tiers    map[string]lipgloss.Style
}

// Colours from the 256-colour palette; terminals with fewer get the
// nearest.
const (
	colGreen  = lipgloss.Color("71")
	colYellow = lipgloss.Color("179")
	colOrange = lipgloss.Color("173")
	colRed    = lipgloss.Color("167")
	colViolet = lipgloss.Color("140")
	colTeal   = lipgloss.Color("73")
	colGrey   = lipgloss.Color("245")
	colFrame  = lipgloss.Color("60")
)

func newStyles(r *lipgloss.Renderer) styles {
	s := r.NewStyle()
	return styles{
		header:   s.Bold(true).Foreground(lipgloss.Color("230")).Background(lipgloss.Color("54")),
		title:    s.Bold(true).Foreground(colViolet),
		label:    s.Foreground(colGrey),
		dim:      s.Faint(true),
		good:     s.Foreground(colGreen),
		warn:     s.Foreground(colYellow),
		bad:      s.Bold(true).Foreground(colRed),
		graph:    s.Foreground(colTeal),
		colHead:  s.Bold(true).Underline(true),
		selected: s.Reverse(true),
		prompt:   s.Bold(true).Foreground(colYellow),
		box:      s.Border(lipgloss.RoundedBorder()).BorderForeground(colFrame).Padding(0, 1),
		tiers: map[string]lipgloss.Style{
			"lucid": s.Foreground(colGreen), "uneasy": s.Foreground(colYellow),
			"fractured": s.Foreground(colOrange), "deranged": s.Foreground(colRed),
			"catatonic": s.Bold(true).Foreground(colRed),
		},
	}
}
