package main

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"mythosd/store"
	"mythosd/world/worldfile"
)

const builtCorridor = "A corridor a builder rebuilt in the game."

// openStore opens the database of a stopped server in dataDir.
func openStore(tb testing.TB, dataDir string) *store.DB {
	tb.Helper()
	db, err := store.Open(filepath.Join(dataDir, dbFile), slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		tb.Fatal(err)
	}
	return db
}

// storedRoom returns room id as the database in dataDir holds it.
func storedRoom(tb testing.TB, dataDir, id string) store.Room {
	tb.Helper()
	db := openStore(tb, dataDir)
	defer db.Close()
	r, err := db.Room(context.Background(), id)
	if err != nil {
		tb.Fatal(err)
	}
	return r
}

// buildInGame changes the corridor in the database in dataDir as a
// builder would (the building commands are not part of this branch): the
// room changes and the world-edited mark moves past the last import.
func buildInGame(tb testing.TB, dataDir, worldDir string) {
	tb.Helper()
	w, _, err := worldfile.Load(os.DirFS(worldDir))
	if err != nil {
		tb.Fatal(err)
	}
	for i := range w.Rooms {
		if w.Rooms[i].ID == corridorRoom {
			w.Rooms[i].Description = builtCorridor
		}
	}
	db := openStore(tb, dataDir)
	defer db.Close()
	ctx := context.Background()
	if _, err := db.ImportWorld(ctx, w); err != nil {
		tb.Fatal(err)
	}
	if err := db.MetaSet(ctx, store.MetaWorldEdited, time.Now().Add(time.Second).UTC().Format(time.RFC3339Nano)); err != nil {
		tb.Fatal(err)
	}
}

// restart starts a server on cfg and stops it again, returning the start's
// error.
func restart(tb testing.TB, cfg config) error {
	tb.Helper()
	srv, err := start(context.Background(), cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		return err
	}
	stopServer(tb, srv)
	return nil
}

// TestStartImportPolicy: a restart on the same folder imports nothing (a
// world built in the game survives it); a changed folder imports; a
// changed folder that would undo builders' changes stops the start with
// a message naming the fixes; export, then a restart from the export
// (with the folder's own change merged in) keeps the building and imports
// that change; -world-import=always imports anyway and never never.
func TestStartImportPolicy(t *testing.T) {
	cfg := testConfig(t.TempDir())
	cfg.WorldDir = copyWorld(t)
	original := storedRoomAfterStart(t, cfg)

	buildInGame(t, cfg.DataDir, cfg.WorldDir)
	if err := restart(t, cfg); err != nil {
		t.Fatalf("restart on the same folder: %v", err)
	}
	if got := storedRoom(t, cfg.DataDir, corridorRoom).Description; got != builtCorridor {
		t.Fatalf("a restart on the same folder undid the building: %q", got)
	}

	editFile(t, cfg.WorldDir, sanitarium+"/room_garden_001.json", `"description": "`, `"description": "Weeds. `)
	err := restart(t, cfg)
	if err == nil || !errors.Is(err, errWorldEdited) {
		t.Fatalf("restart on a changed folder over building: %v; want it refused", err)
	}
	wantIn(t, err.Error(), "room "+corridorRoom+" changed", "export-world -data "+cfg.DataDir, "-world-import=always", "import-world", "-force")

	export := filepath.Join(t.TempDir(), "export")
	if code, out := runCLI(runExportWorld, "-data", cfg.DataDir, "-out", export); code != 0 {
		t.Fatalf("export-world: %d %s", code, out)
	}
	// The folder's own change merged into the export, as git would.
	editFile(t, export, sanitarium+"/room_garden_001.json", `"description": "`, `"description": "Weeds. `)
	fromExport := cfg
	fromExport.WorldDir = export
	if err := restart(t, fromExport); err != nil {
		t.Fatalf("restart from the export: %v", err)
	}
	if got := storedRoom(t, cfg.DataDir, corridorRoom).Description; got != builtCorridor {
		t.Fatalf("the restart from the export lost the building: %q", got)
	}
	if got := storedRoom(t, cfg.DataDir, gardenRoom).Description; !strings.HasPrefix(got, "Weeds. ") {
		t.Fatalf("the restart from the export did not import the merged garden: %q", got)
	}

	never := cfg
	never.WorldImport = importNever
	if err := restart(t, never); err != nil {
		t.Fatalf("-world-import=never: %v", err)
	}
	if got := storedRoom(t, cfg.DataDir, corridorRoom).Description; got != builtCorridor {
		t.Fatalf("-world-import=never imported: %q", got)
	}
	always := cfg
	always.WorldImport = importAlways
	if err := restart(t, always); err != nil {
		t.Fatalf("-world-import=always: %v", err)
	}
	if got := storedRoom(t, cfg.DataDir, corridorRoom).Description; got != original.Description {
		t.Fatalf("-world-import=always kept the building: %q", got)
	}
	if got := storedRoom(t, cfg.DataDir, gardenRoom).Description; !strings.HasPrefix(got, "Weeds. ") {
		t.Fatalf("-world-import=always did not import the garden: %q", got)
	}
}

// TestStartImportNeverOnEmptyStore: -world-import=never on a database
// without the world refuses to start, naming the fix.
func TestStartImportNeverOnEmptyStore(t *testing.T) {
	cfg := testConfig(t.TempDir())
	cfg.WorldImport = importNever
	err := restart(t, cfg)
	if err == nil || !errors.Is(err, errUsage) {
		t.Fatalf("start: %v; want a usage error", err)
	}
	wantIn(t, err.Error(), "-world-import", "holds no room", "import-world")
}

// storedRoomAfterStart starts and stops a server on cfg (a fresh data
// directory: the world is imported) and returns the stored corridor.
func storedRoomAfterStart(tb testing.TB, cfg config) store.Room {
	tb.Helper()
	if err := restart(tb, cfg); err != nil {
		tb.Fatal(err)
	}
	return storedRoom(tb, cfg.DataDir, corridorRoom)
}

// TestImportWorldTool: import-world refuses while a server runs, refuses
// to undo building without -force, imports with it and prints the
// statistics; a folder with errors is refused.
func TestImportWorldTool(t *testing.T) {
	cfg := testConfig(t.TempDir())
	cfg.WorldDir = copyWorld(t)
	srv := startServer(t, cfg)
	code, out := runCLI(runImportWorld, "-data", cfg.DataDir, "-world", cfg.WorldDir)
	if code != 2 || !strings.Contains(out, "another mythosd is running") {
		t.Errorf("import-world beside a running server: %d %q", code, out)
	}
	stopServer(t, srv)

	buildInGame(t, cfg.DataDir, cfg.WorldDir)
	reshaped := reshapeWorld(t)
	for _, tc := range []struct {
		name string
		args []string
		code int
		want []string
	}{
		{"bad flag", []string{"-nope"}, 2, []string{"usage: mythosd import-world"}},
		{"errors", []string{"-data", cfg.DataDir, "-world", brokenWorld(t), "-force"}, 1, []string{"refused", "2 error(s)"}},
		{"building", []string{"-data", cfg.DataDir, "-world", reshaped}, 1, []string{"changes made in the game", "add -force"}},
		{"forced", []string{"-data", cfg.DataDir, "-world", reshaped, "-force"}, 0,
			[]string{"imported:", "1 updated", "1 removed", "items moved to " + wardRoom}},
		{"again", []string{"-data", cfg.DataDir, "-world", reshaped}, 0, []string{"0 added, 0 updated"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out := runCLI(runImportWorld, tc.args...)
			if code != tc.code {
				t.Errorf("status %d, want %d: %s", code, tc.code, out)
			}
			wantIn(t, out, tc.want...)
		})
	}
	if got := storedRoom(t, cfg.DataDir, corridorRoom).Description; !strings.HasPrefix(got, newCorridor) {
		t.Errorf("the forced import left the corridor %q", got)
	}
}
