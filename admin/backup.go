package admin

import (
	"context"
	"errors"
	"fmt"
)

// errNoBackups answers B when the console's actions cannot start a backup.
var errNoBackups = errors.New("this console cannot start backups")

// backup is the action that starts a backup of the database.
func backup(_, _ string) (action, error) {
	return action{
		name: "backup", question: "Start a backup of the database now?", done: "backup started",
		run: func(ctx context.Context, a Actions, by string) error {
			b, ok := a.(BackupStarter)
			if !ok {
				return errNoBackups
			}
			return b.StartBackup(ctx, by)
		},
	}, nil
}

// backupLine shows the last backup (when, who asked, size, how long, ok or
// failed and why), whether one runs now, and the counts since the start.
func (m Model) backupLine(w int) string {
	b := m.snap.Backup
	text := m.st.dim.Render("none since the start")
	if last := b.Last; !last.At.IsZero() {
		text = m.lastBackup()
	}
	if b.Running {
		text += "  " + m.st.prompt.Render("running now")
	}
	text += m.st.label.Render("  taken ") + count(b.Taken) + m.st.label.Render("  failed ") + m.alarm(uint64(b.Failed))
	return fit(m.st.title.Render("Backup")+"  "+text, w)
}

// noBackups reports whether the server has taken no backup, is taking none
// and failed none since it started.
func (m Model) noBackups() bool {
	b := m.snap.Backup
	return b.Last.At.IsZero() && !b.Running && b.Taken == 0 && b.Failed == 0
}

// lastBackup describes the last finished backup. (The console reads the
// store's figures only through the world's snapshot.)
func (m Model) lastBackup() string {
	b := m.snap.Backup.Last
	when := b.At.Local().Format("2006-01-02 15:04:05")
	if !b.OK {
		return m.st.bad.Render("failed") + m.st.label.Render(" at ") + when + m.st.label.Render(" by ") + b.By +
			"  " + m.st.bad.Render(b.Err)
	}
	return m.st.good.Render("ok") + m.st.label.Render(" at ") + when + m.st.label.Render(" by ") + b.By +
		m.st.label.Render("  size ") + bytes(b.Size) + m.st.label.Render("  took ") + dur(b.Took)
}

// bytes is a size in B, KiB, MiB or GiB.
func bytes(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	div, exp := int64(unit), 0
	for v := n / unit; v >= unit && exp < 2; v /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %ciB", float64(n)/float64(div), "KMG"[exp])
}
