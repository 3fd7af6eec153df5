package main

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"mythosd/data"
	"mythosd/store"
	"mythosd/world/worldfile"
)

// importInto imports the world of fsys into a new database in dir and
// returns what the database holds.
func importInto(tb testing.TB, dir string, fsys fs.FS) store.World {
	tb.Helper()
	w, report, err := worldfile.Load(fsys)
	if err != nil || report.Err() != nil {
		tb.Fatalf("load world: %v %v", err, report.Err())
	}
	db, err := store.Open(filepath.Join(dir, dbFile), nil)
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	if _, err := db.ImportWorld(ctx, w); err != nil {
		tb.Fatal(err)
	}
	stored, err := db.World(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	return stored
}

// readTree returns every file under dir by its slash path.
func readTree(tb testing.TB, dir string) map[string]string {
	tb.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	return files
}

// TestExportWorldIdentity: the shipped world imported, exported, checked
// (no errors), imported into a fresh database (the same world there) and
// exported again, byte for byte the first export.
func TestExportWorldIdentity(t *testing.T) {
	base := t.TempDir()
	data1, data2 := filepath.Join(base, "var1"), filepath.Join(base, "var2")
	out1, out2 := filepath.Join(base, "out1"), filepath.Join(base, "out2")
	first := importInto(t, data1, data.World())
	if code, out := runCLI(runExportWorld, "-data", data1, "-out", out1); code != 0 {
		t.Fatalf("export-world: status %d: %s", code, out)
	}
	var check strings.Builder
	code := runCheckWorld([]string{"-world", out1}, &check, &check)
	out := check.String()
	if code != 0 || !strings.Contains(out, " 0 errors, 0 warnings") {
		t.Fatalf("check-world of the export: status %d: %s", code, out)
	}
	second := importInto(t, data2, os.DirFS(out1))
	if !reflect.DeepEqual(first, second) {
		t.Errorf("the world imported from the export differs from the shipped one")
	}
	if code, out := runCLI(runExportWorld, "-data", data2, "-out", out2); code != 0 {
		t.Fatalf("second export-world: status %d: %s", code, out)
	}
	if a, b := readTree(t, out1), readTree(t, out2); !reflect.DeepEqual(a, b) {
		t.Errorf("second export differs from the first (%d and %d files)", len(a), len(b))
	}
	code, out = runCLI(runExportWorld, "-data", data2, "-out", out1)
	if code != 0 || !strings.Contains(out, " 0 files written, ") || !strings.Contains(out, " 0 removed") {
		t.Errorf("export over the earlier one: status %d: %s", code, out)
	}
}

// TestExportWorldRefusals answers bad arguments with status 2 and folders
// it must not touch with status 1, naming the flag.
func TestExportWorldRefusals(t *testing.T) {
	base := t.TempDir()
	dataDir := filepath.Join(base, "var")
	importInto(t, dataDir, data.World())
	foreign := filepath.Join(base, "foreign")
	if err := os.MkdirAll(foreign, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(foreign, "notes.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no -out", []string{"-data", dataDir}, 2, "-out"},
		{"an argument", []string{"-data", dataDir, "-out", filepath.Join(base, "x"), "extra"}, 2, "-out"},
		{"bad flag", []string{"-nope"}, 2, "-nope"},
		{"foreign -out", []string{"-data", dataDir, "-out", foreign}, 1, "-out " + foreign},
		{"no database", []string{"-data", filepath.Join(base, "none"), "-out", filepath.Join(base, "y")}, 1, "-data"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if code, out := runCLI(runExportWorld, tc.args...); code != tc.code || !strings.Contains(out, tc.want) {
				t.Errorf("status %d, output %q; want %d and %q", code, out, tc.code, tc.want)
			}
		})
	}
	if b, err := os.ReadFile(filepath.Join(foreign, "notes.txt")); err != nil || string(b) != "mine" {
		t.Errorf("the foreign folder was touched: %q, %v", b, err)
	}
	if _, err := os.Stat(filepath.Join(base, "none", dbFile)); err == nil {
		t.Error("a missing database was created")
	}
}
