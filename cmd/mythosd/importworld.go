package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"slices"
	"strings"
	"time"

	"mythosd/data"
	"mythosd/store"
	"mythosd/world/worldfile"
)

// The -world-import modes.
const (
	importAuto   = "auto"   // import when the folder changed, unless that undoes builders' changes
	importAlways = "always" // import at every start
	importNever  = "never"  // never import at start
)

func validImportMode(m string) bool { return m == importAuto || m == importAlways || m == importNever }

// errWorldEdited reports an import that would undo changes builders made
// in the game since the last import.
var errWorldEdited = errors.New("the stored world has changes made in the game since the last import")

// maxConflictsShown is how many differences a refused import names.
const maxConflictsShown = 5

// worldSource is a world folder, loaded and fingerprinted.
type worldSource struct {
	name        string
	world       store.World
	report      *worldfile.Report
	fingerprint string
}

// loadSource reads the world folder dir ("" for the shipped world). A
// folder without rooms is an error; other problems are in the report.
func loadSource(dir string) (worldSource, error) {
	fsys, name := worldFS(dir)
	fp, err := worldfile.Fingerprint(fsys)
	if err != nil {
		return worldSource{}, fmt.Errorf("read world %s: %w", name, err)
	}
	w, report, err := worldfile.Load(fsys)
	if err != nil {
		return worldSource{}, fmt.Errorf("read world %s: %w", name, err)
	}
	if len(w.Rooms) == 0 {
		return worldSource{}, fmt.Errorf("world %s has no rooms (check -world)", name)
	}
	return worldSource{name: name, world: w, report: report, fingerprint: fp}, nil
}

// checkConflicts refuses src when importing it would change or remove
// builders' changes made since the last import.
func checkConflicts(ctx context.Context, db *store.DB, src worldSource) error {
	diff, n, err := db.WorldConflicts(ctx, src.world, maxConflictsShown)
	if err != nil {
		return fmt.Errorf("compare world %s with the store: %w", src.name, err)
	}
	if n == 0 {
		return nil
	}
	more := ""
	if n > len(diff) {
		more = fmt.Sprintf("; and %d more", n-len(diff))
	}
	return fmt.Errorf("%w that importing %s would change or remove (%d differences: %s%s)",
		errWorldEdited, src.name, n, strings.Join(diff, "; "), more)
}

// importSource imports src, records its fingerprint and moves the items
// on floors of removed rooms to start.
func importSource(ctx context.Context, db *store.DB, src worldSource, start string, now time.Time) (store.ImportStats, []store.ItemState, error) {
	stats, moved, err := db.ImportWorldMarked(ctx, src.world, store.ImportMark{
		Fingerprint: src.fingerprint, At: now, StartRoom: start})
	if err != nil {
		return store.ImportStats{}, nil, fmt.Errorf("import world %s: %w", src.name, err)
	}
	return stats, moved, nil
}

// importWorld loads the world files, logs what the loader reports, imports
// the world into the store as -world-import says and returns the start
// room. In auto mode a folder imported before (same fingerprint) is not
// imported again, so that a world built in the game survives restarts on
// the same folder; a changed folder that would undo builders' changes
// stops the start with a message naming the fixes.
func importWorld(ctx context.Context, db *store.DB, cfg config, log *slog.Logger) (string, error) {
	src, err := loadSource(cfg.WorldDir)
	if err != nil {
		return "", err
	}
	logReport(log, src.report)
	start, err := startRoom(cfg.StartRoom, src.world)
	if err != nil {
		return "", err
	}
	skip, err := skipImport(ctx, db, cfg, src, log)
	if err != nil {
		return "", err
	}
	if skip {
		return start, checkStored(ctx, db, start)
	}
	stats, moved, err := importSource(ctx, db, src, start, time.Now())
	if err != nil {
		return "", err
	}
	log.Info("world imported", "source", src.name, "rooms", len(src.world.Rooms), "zones", len(src.world.Zones),
		"added", stats.Added, "updated", stats.Updated, "unchanged", stats.Unchanged, "removed", stats.Removed,
		"prototypes", len(src.world.Items), "prototypes_changed", stats.Prototypes,
		"npcs", len(src.world.NPCs), "spawns", len(src.world.Spawns), "npc_rows_changed", stats.NPCs,
		"items_moved_to_start", len(moved))
	return start, nil
}

// skipImport decides, by -world-import, whether the start imports src; it
// refuses the start when an automatic import would undo builders' work.
func skipImport(ctx context.Context, db *store.DB, cfg config, src worldSource, log *slog.Logger) (bool, error) {
	switch cfg.WorldImport {
	case importNever:
		log.Info("world not imported (-world-import never)", "source", src.name)
		return true, nil
	case importAlways:
		return false, nil
	}
	last, err := db.LastWorldImport(ctx)
	if err != nil {
		return false, err
	}
	if last.Fingerprint == src.fingerprint {
		log.Info("world unchanged since its last import; not imported", "source", src.name, "imported_at", last.At)
		return true, nil
	}
	if err := checkConflicts(ctx, db, src); err != nil {
		return false, fmt.Errorf("%w.\nTo keep them, run `mythosd export-world -data %s -out NEWDIR` and start with -world NEWDIR; "+
			"to undo them, start with -world-import=always or run `mythosd import-world -data %s%s -force`",
			err, cfg.DataDir, cfg.DataDir, worldFlag(cfg.WorldDir))
	}
	return false, nil
}

// checkStored makes sure the stored world, not imported at this start,
// has the start room.
func checkStored(ctx context.Context, db *store.DB, start string) error {
	_, err := db.Room(ctx, start)
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("%w: -world-import: the database holds no room %s to start in; import a world "+
			"(-world-import auto, or mythosd import-world)", errUsage, start)
	}
	if err != nil {
		return fmt.Errorf("read the start room: %w", err)
	}
	return nil
}

// worldFlag is " -world DIR", or "" for the shipped world.
func worldFlag(dir string) string {
	if dir == "" {
		return ""
	}
	return " -world " + dir
}

// logReport logs what the loader found. A world with problems still starts
// when it has rooms: the loader has skipped or repaired what it could not
// use, and `mythosd check-world` holds a world to no problems at all.
func logReport(log *slog.Logger, report *worldfile.Report) {
	for _, p := range report.Problems {
		level := slog.LevelWarn
		if p.Severity == worldfile.Error {
			level = slog.LevelError
		}
		log.Log(context.Background(), level, "world file problem", "problem", p.String())
	}
	if n := len(report.Resolved); n > 0 {
		log.Info("world exit targets resolved by the naming rule", "count", n)
	}
}

// worldFS returns the world tree to load and a name for it in messages.
func worldFS(dir string) (fs.FS, string) {
	if dir == "" {
		return data.World(), "(shipped)"
	}
	return os.DirFS(dir), dir
}

// startRoom checks the -start room, or picks the world's default.
func startRoom(flagRoom string, w store.World) (string, error) {
	if flagRoom == "" {
		return worldfile.StartRoom(w), nil
	}
	if !slices.ContainsFunc(w.Rooms, func(r store.Room) bool { return r.ID == flagRoom }) {
		return "", fmt.Errorf("%w: -start: no room %q in this world", errUsage, flagRoom)
	}
	return flagRoom, nil
}
