package worldfile

import (
	"testing"
	"testing/fstest"

	"mythosd/data"
)

// TestFingerprint: the same files give the same fingerprint; a changed
// byte, a renamed file or a moved byte between path and content change
// it; what Load skips (dot names, other extensions) does not count.
func TestFingerprint(t *testing.T) {
	base := fstest.MapFS{
		"earth/a/b/room.json":      {Data: []byte(`{"id":"x"}`)},
		"earth/a/zone_config.json": {Data: []byte(`{}`)},
	}
	with := func(path, data string) fstest.MapFS {
		fs := fstest.MapFS{}
		for k, v := range base {
			fs[k] = v
		}
		fs[path] = &fstest.MapFile{Data: []byte(data)}
		return fs
	}
	renamed := fstest.MapFS{
		"earth/a/b/room2.json":     base["earth/a/b/room.json"],
		"earth/a/zone_config.json": base["earth/a/zone_config.json"],
	}
	want, err := Fingerprint(base)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		fs   fstest.MapFS
		same bool
	}{
		{"same files", with("earth/a/zone_config.json", `{}`), true},
		{"a note", with("earth/a/b/README.md", "notes"), true},
		{"a dot file", with("earth/a/b/.room.json.swp", "x"), true},
		{"a dot folder", with(".git/x.json", "{}"), true},
		{"export marker", with(ExportMarker, "x"), true},
		{"changed byte", with("earth/a/b/room.json", `{"id":"y"}`), false},
		{"new room", with("earth/a/b/other.json", `{}`), false},
		{"renamed", renamed, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Fingerprint(tt.fs)
			if err != nil || (got == want) != tt.same {
				t.Errorf("Fingerprint = %s, %v; same as the base (%s): %v, want %v", got, err, want, got == want, tt.same)
			}
		})
	}
}

// BenchmarkFingerprintShipped fingerprints the shipped world, as every
// start does before it decides whether to import.
func BenchmarkFingerprintShipped(b *testing.B) {
	fsys := data.World()
	for b.Loop() {
		if _, err := Fingerprint(fsys); err != nil {
			b.Fatal(err)
		}
	}
}
