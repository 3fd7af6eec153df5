package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"time"

	"mythosd/store"
	"mythosd/world/worldfile"
)

const importUsage = "usage: mythosd import-world [-data DIR] [-world DIR] [-force]"

// runImportWorld is `mythosd import-world [-data DIR] [-world DIR]
// [-force]`: offline, it imports a world folder (default: the shipped
// world) into the database as a start would, refusing while a server holds
// the data directory and, without -force, when the import would undo
// changes builders made in the game since the last import. It prints what
// the import did and returns 0, 1 on failure, 2 for bad arguments.
func runImportWorld(args []string, getenv func(string) string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("mythosd import-world", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dataDir := fs.String("data", "./var", "`DIR` holding the database (as for the server)")
	worldDir := fs.String("world", "", "world `DIR` to import (default: the shipped world)")
	force := fs.Bool("force", false, "import even over builders' changes the folder would undo")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		fmt.Fprintln(stderr, importUsage)
		return 2
	}
	for name, v := range map[string]*string{"data": dataDir, "world": worldDir} {
		if e := getenv(envName(name)); e != "" && !flagGiven(fs, name) {
			*v = e
		}
	}
	line, err := importWorldOffline(context.Background(), *dataDir, *worldDir, *force)
	switch {
	case errors.Is(err, errUsage):
		fmt.Fprintln(stderr, "mythosd:", err)
		return 2
	case errors.Is(err, errWorldEdited):
		fmt.Fprintf(stderr, "mythosd: %v.\nTo keep them, run `mythosd export-world -data %s -out NEWDIR` and import that; to undo them, add -force\n",
			err, *dataDir)
		return 1
	case err != nil:
		fmt.Fprintln(stderr, "mythosd:", err)
		return 1
	}
	fmt.Fprintln(stdout, line)
	return 0
}

// importWorldOffline locks the data directory, opens its database and
// imports the world folder dir, returning a line of statistics.
func importWorldOffline(ctx context.Context, dataDir, dir string, force bool) (string, error) {
	unlock, err := lockData(config{DataDir: dataDir})
	if err != nil {
		return "", err
	}
	defer unlock()
	src, err := loadSource(dir)
	if err != nil {
		return "", err
	}
	if err := src.report.Err(); err != nil {
		return "", fmt.Errorf("world %s refused (see `mythosd check-world%s`): %w", src.name, worldFlag(dir), err)
	}
	db, err := store.Open(filepath.Join(dataDir, dbFile), nil)
	if err != nil {
		return "", err
	}
	defer db.Close()
	if !force {
		if err := checkConflicts(ctx, db, src); err != nil {
			return "", err
		}
	}
	start := worldfile.StartRoom(src.world)
	stats, moved, err := importSource(ctx, db, src, start, time.Now())
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("world %s imported: %d rooms (%d added, %d updated, %d unchanged, %d removed), "+
		"%d item prototypes and %d NPC rows changed, %d items moved to %s",
		src.name, len(src.world.Rooms), stats.Added, stats.Updated, stats.Unchanged, stats.Removed,
		stats.Prototypes, stats.NPCs, len(moved), start), nil
}
