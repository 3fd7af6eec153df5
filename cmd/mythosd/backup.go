package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"mythosd/store"
)

// runBackup is `mythosd backup [-data DIR] -out FILE`: an online backup of
// the database, taken beside a running server or a stopped one, checked
// with PRAGMA integrity_check before it counts. It returns 0, 1 on
// failure, 2 for bad arguments.
func runBackup(args []string, getenv func(string) string, stdout, stderr io.Writer) int {
	data, out, ok := parseTool(toolSpec{name: "backup", flag: "out", help: "backup `FILE` to write; it must not exist",
		usage: "usage: mythosd backup [-data DIR] -out FILE"}, args, getenv, stderr)
	if !ok {
		return 2
	}
	if _, err := os.Lstat(out); !errors.Is(err, os.ErrNotExist) {
		fmt.Fprintf(stderr, "mythosd: %s already exists; remove it or choose another -out\n", out)
		return 1
	}
	info, err := store.BackupFile(context.Background(), filepath.Join(data, dbFile), out)
	if err != nil {
		fmt.Fprintln(stderr, "mythosd:", err)
		return 1
	}
	fmt.Fprintf(stdout, "backup written: %s (%d bytes, %d pages, %v); integrity ok\n",
		info.Path, info.Size, info.Pages, info.Took.Round(time.Millisecond))
	return 0
}

// runRestore is `mythosd restore [-data DIR] -from FILE`: it replaces the
// database with a backup after checking the backup's integrity, keeping
// the replaced database aside. It refuses while a server runs on the data
// directory. It returns 0, 1 on failure, 2 for bad arguments.
func runRestore(args []string, getenv func(string) string, stdout, stderr io.Writer) int {
	data, from, ok := parseTool(toolSpec{name: "restore", flag: "from", help: "backup `FILE` to restore",
		usage: "usage: mythosd restore [-data DIR] -from FILE"}, args, getenv, stderr)
	if !ok {
		return 2
	}
	path := filepath.Join(data, dbFile)
	aside, err := store.Restore(context.Background(), path, from, time.Now())
	if errors.Is(err, store.ErrInUse) {
		fmt.Fprintf(stderr, "mythosd: a server is running on %s; stop it first, then restore\n", data)
		return 1
	}
	if err != nil {
		fmt.Fprintln(stderr, "mythosd:", err)
		return 1
	}
	fmt.Fprintf(stdout, "restored %s from %s (integrity ok)\n", path, from)
	if aside != "" {
		fmt.Fprintf(stdout, "the replaced database is kept as %s\n", aside)
	}
	return 0
}

// toolSpec describes a subcommand that works on the data directory and
// one required path: `mythosd NAME [-data DIR] -FLAG PATH`.
type toolSpec struct {
	name  string // the subcommand: "backup"
	flag  string // its path flag: "out"
	help  string // the path flag's help text
	usage string // the line shown when the arguments will not do
}

// parseTool reads a toolSpec subcommand's flags, -data with its
// MYTHOS_DATA fallback; ok is false (after the usage or the flag error
// went to stderr) when the arguments will not do.
func parseTool(spec toolSpec, args []string, getenv func(string) string, stderr io.Writer) (data, path string, ok bool) {
	fs := flag.NewFlagSet("mythosd "+spec.name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&data, "data", "./var", "`DIR` holding the database (as for the server)")
	fs.StringVar(&path, spec.flag, "", spec.help)
	if err := fs.Parse(args); err != nil {
		return "", "", false
	}
	if v := getenv(envName("data")); v != "" && !flagGiven(fs, "data") {
		data = v
	}
	if path == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, spec.usage)
		return "", "", false
	}
	return data, path, true
}

// newBackups makes the server's backups, which the world and the console
// start and the schedule takes; startHousekeeping schedules them.
func (s *server) newBackups() *store.Backups {
	s.backups = store.NewBackups(s.db, s.cfg.backupDir(), s.cfg.Ops.BackupKeep, nil, s.log)
	return s.backups
}

// lockData takes the lock of the database in cfg's data directory, which
// a running server holds so that restore (and a second server) refuses.
func lockData(cfg config) (func() error, error) {
	path := filepath.Join(cfg.DataDir, dbFile)
	if err := os.MkdirAll(cfg.DataDir, 0o750); err != nil {
		return nil, fmt.Errorf("open database %s: create the data directory: %w", path, err)
	}
	unlock, err := store.Lock(path)
	if errors.Is(err, store.ErrInUse) {
		return nil, fmt.Errorf("%w: -data %s: another mythosd is running on it; stop it or choose another -data", errUsage, cfg.DataDir)
	}
	return unlock, err
}
