package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"mythosd/store"
	"mythosd/world/worldfile"
)

const exportUsage = "usage: mythosd export-world [-data DIR] -out DIR"

// runExportWorld is `mythosd export-world [-data DIR] -out DIR`: it writes
// the world kept in the database (as imported, and as building changes
// it) into a folder in the world format, byte-stable, so that the folder
// can live in git and be loaded with -world. -out must be missing, empty
// or an earlier export (it holds worldfile.ExportMarker, which every
// export writes); an earlier export is brought up to date in place. It
// reads the database beside a running server or a stopped one, and
// returns 0, 1 on failure, 2 for bad arguments.
func runExportWorld(args []string, getenv func(string) string, stdout, stderr io.Writer) int {
	data, out, ok := parseTool(toolSpec{name: "export-world", flag: "out",
		help: "`DIR` to write the world into: missing, empty or an earlier export", usage: exportUsage}, args, getenv, stderr)
	if !ok {
		return 2
	}
	stats, rooms, err := exportWorld(context.Background(), filepath.Join(data, dbFile), out)
	switch {
	case errors.Is(err, worldfile.ErrNotExport):
		fmt.Fprintf(stderr, "mythosd: -out %s holds files but no %s from an earlier export; choose a missing or empty -out\n",
			out, worldfile.ExportMarker)
		return 1
	case errors.Is(err, os.ErrNotExist):
		fmt.Fprintf(stderr, "mythosd: -data %s holds no database (%s); import a world by starting the server first\n",
			data, dbFile)
		return 1
	case err != nil:
		fmt.Fprintln(stderr, "mythosd:", err)
		return 1
	}
	fmt.Fprintf(stdout, "world exported to %s: %d rooms; %d files written, %d unchanged, %d removed\n",
		out, rooms, stats.Written, stats.Unchanged, stats.Removed)
	return 0
}

// exportWorld reads the world from the database at path and writes it
// into out, returning what Write did and the number of rooms.
func exportWorld(ctx context.Context, path, out string) (worldfile.WriteStats, int, error) {
	if _, err := os.Stat(path); err != nil {
		return worldfile.WriteStats{}, 0, fmt.Errorf("open database: %w", err)
	}
	db, err := store.Open(path, nil)
	if err != nil {
		return worldfile.WriteStats{}, 0, err
	}
	defer db.Close()
	w, err := db.World(ctx)
	if err != nil {
		return worldfile.WriteStats{}, 0, err
	}
	if len(w.Rooms) == 0 {
		return worldfile.WriteStats{}, 0, fmt.Errorf("export world: the database at %s holds no rooms", path)
	}
	stats, err := worldfile.Write(out, w)
	return stats, len(w.Rooms), err
}
