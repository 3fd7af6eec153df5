package main

import (
	"context"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"slices"

	"mythosd/data"
	"mythosd/store"
	"mythosd/world/worldfile"
)

// importWorld loads the world files, logs what the loader reports, imports
// the world into the store and returns the start room.
func importWorld(ctx context.Context, db *store.DB, cfg config, log *slog.Logger) (string, error) {
	fsys, source := worldFS(cfg.WorldDir)
	w, report, err := worldfile.Load(fsys)
	if err != nil {
		return "", fmt.Errorf("read world %s: %w", source, err)
	}
	logReport(log, report)
	if len(w.Rooms) == 0 {
		return "", fmt.Errorf("world %s has no rooms (check -world)", source)
	}
	stats, err := db.ImportWorld(ctx, w)
	if err != nil {
		return "", fmt.Errorf("import world %s: %w", source, err)
	}
	log.Info("world imported", "source", source, "rooms", len(w.Rooms), "zones", len(w.Zones),
		"added", stats.Added, "updated", stats.Updated, "unchanged", stats.Unchanged, "removed", stats.Removed,
		"prototypes", len(w.Items), "prototypes_changed", stats.Prototypes,
		"npcs", len(w.NPCs), "spawns", len(w.Spawns), "npc_rows_changed", stats.NPCs)
	return startRoom(cfg.StartRoom, w)
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
