package main

import (
	"context"
	"fmt"
	"slices"
	"time"

	"mythosd/store"
	"mythosd/world"
	"mythosd/world/worldfile"
)

// reloadWorld is the server's world.Reloader, for `admin reload world`:
// off the loop, it loads the folder dir (else -world, else the shipped
// world), refuses one with errors with the loader's report and, unless
// force, one that would undo builders' changes made since the last
// import; then it has the write-behind writer commit everything submitted
// so far and imports the folder, moving the items on floors of removed
// rooms to the start room. The start room stays: a folder without it is
// refused.
func (s *server) reloadWorld(ctx context.Context, dir string, force bool) (world.WorldReload, error) {
	if dir == "" {
		dir = s.cfg.WorldDir
	}
	src, err := loadSource(dir)
	if err != nil {
		return world.WorldReload{}, err
	}
	res := world.WorldReload{Source: src.name, World: src.world, Warnings: src.report.Count(worldfile.Warning)}
	if err := src.report.Err(); err != nil {
		return res, fmt.Errorf("world %s refused: %w", src.name, err)
	}
	if !slices.ContainsFunc(src.world.Rooms, func(r store.Room) bool { return r.ID == s.startRoom }) {
		return res, fmt.Errorf("world %s refused: it has no room %s, where characters start and wake; "+
			"keep that room, or restart the server on the new world", src.name, s.startRoom)
	}
	if !force {
		if err := checkConflicts(ctx, s.db, src); err != nil {
			return res, fmt.Errorf("%w; export them first (mythosd export-world) and reload that folder, or add force", err)
		}
	}
	if err := s.db.Flush(ctx); err != nil {
		return res, fmt.Errorf("commit the changes made before the reload: %w", err)
	}
	if res.Stats, res.Moved, err = importSource(ctx, s.db, src, s.startRoom, time.Now()); err != nil {
		return res, err
	}
	return res, nil
}
