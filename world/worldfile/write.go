package worldfile

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"mythosd/store"
)

// ExportMarker is the file an export leaves at the top of its folder; the
// loader skips it (its name starts with "."). A folder holding it is an
// earlier export, which Write may replace.
const ExportMarker = ".mythosd-export"

// exportMarkerText is the marker's whole content: no date, so that an
// export of the same world is byte-identical.
const exportMarkerText = "This folder is written by `mythosd export-world`; its .json files are replaced by the next export.\n"

// ErrNotExport is returned by Write for a folder that holds files but is no
// earlier export.
var ErrNotExport = errors.New("folder is not empty and holds no " + ExportMarker)

// WriteStats counts what Write did to the folder's world files.
type WriteStats struct {
	Written   int // files new or changed
	Unchanged int // files already as they should be
	Removed   int // .json files of an earlier export the world no longer has
}

// Write exports w into dir in the world format (see Encode). dir may be
// missing, empty or an earlier export (it holds ExportMarker); any other
// folder is refused with ErrNotExport. Into an earlier export, Write
// writes only the files that changed and removes the .json files w no
// longer has, leaving every name that starts with "." (.git) and every
// file that is not .json alone.
func Write(dir string, w store.World) (WriteStats, error) {
	files, err := Encode(w)
	if err != nil {
		return WriteStats{}, err
	}
	if err := checkExportDir(dir); err != nil {
		return WriteStats{}, err
	}
	files[ExportMarker] = []byte(exportMarkerText)
	var stats WriteStats
	if stats.Removed, err = removeStale(dir, files); err != nil {
		return stats, err
	}
	for _, p := range sortedPaths(files) {
		same, err := writeIfChanged(filepath.Join(dir, filepath.FromSlash(p)), files[p])
		if err != nil {
			return stats, fmt.Errorf("export world: %w", err)
		}
		switch {
		case p == ExportMarker:
		case same:
			stats.Unchanged++
		default:
			stats.Written++
		}
	}
	return stats, nil
}

// checkExportDir refuses a folder that is neither missing, empty nor an
// earlier export.
func checkExportDir(dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("export world: %w", err)
	case len(entries) == 0:
		return nil
	}
	if _, err := os.Stat(filepath.Join(dir, ExportMarker)); err != nil {
		return fmt.Errorf("export world to %s: %w", dir, ErrNotExport)
	}
	return nil
}

// removeStale removes the .json files under dir that files does not hold,
// then the folders left empty; names starting with "." are left alone.
func removeStale(dir string, files map[string][]byte) (int, error) {
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		return 0, nil
	}
	removed := 0
	var dirs []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		switch {
		case d.IsDir():
			dirs = append(dirs, p)
		case path.Ext(p) == ".json" && files[filepath.ToSlash(rel)] == nil:
			if err := os.Remove(p); err != nil {
				return err
			}
			removed++
		}
		return nil
	})
	if err != nil {
		return removed, fmt.Errorf("export world: clear old files: %w", err)
	}
	for _, d := range slices.Backward(dirs) {
		if d != dir {
			os.Remove(d) //nolint:errcheck // only empty folders go; the others stay
		}
	}
	return removed, nil
}

// writeIfChanged writes data to p (through a temporary file and a rename)
// unless p already holds it, and reports whether it did hold it.
func writeIfChanged(p string, data []byte) (bool, error) {
	if old, err := os.ReadFile(p); err == nil && bytes.Equal(old, data) {
		return true, nil
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return false, err
	}
	tmp, err := os.CreateTemp(filepath.Dir(p), ".export-*")
	if err != nil {
		return false, err
	}
	_, werr := tmp.Write(data)
	cerr := tmp.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(tmp.Name()) //nolint:errcheck // best effort after a failed write
		return false, fmt.Errorf("write %s: %w", p, err)
	}
	if err := errors.Join(os.Chmod(tmp.Name(), 0o644), os.Rename(tmp.Name(), p)); err != nil {
		os.Remove(tmp.Name()) //nolint:errcheck // best effort after a failed rename
		return false, fmt.Errorf("write %s: %w", p, err)
	}
	return false, nil
}

// sortedPaths returns the keys of files, sorted.
func sortedPaths(files map[string][]byte) []string {
	ps := make([]string, 0, len(files))
	for p := range files {
		ps = append(ps, p)
	}
	slices.Sort(ps)
	return ps
}
