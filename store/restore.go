package store

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"
)

// Restore replaces the database at path with the backup from. It refuses
// with ErrInUse while a server holds the database (see Lock), with
// ErrBadBackup when from fails its integrity check, and with
// ErrSchemaTooNew when a newer mythosd made it. The database replaced
// (and its WAL files, if any) is kept aside as path.replaced-TIME, whose
// name it returns ("" when there was none); from itself is copied, not
// moved.
func Restore(ctx context.Context, path, from string, now time.Time) (aside string, err error) {
	unlock, err := Lock(path)
	if err != nil {
		return "", fmt.Errorf("restore %s: %w", path, err)
	}
	defer unlock()
	if err := checkFile(ctx, from, true); err != nil {
		return "", fmt.Errorf("restore %s: %w", path, err)
	}
	tmp := path + ".restoring"
	if err := copyFile(from, tmp); err != nil {
		return "", errors.Join(fmt.Errorf("restore %s: copy %s: %w", path, from, err), os.Remove(tmp))
	}
	aside, err = moveAside(path, now)
	if err != nil {
		return "", errors.Join(fmt.Errorf("restore %s: %w", path, err), os.Remove(tmp))
	}
	if err := os.Rename(tmp, path); err != nil {
		return aside, fmt.Errorf("restore %s: %w (the old database is %s)", path, err, aside)
	}
	return aside, nil
}

// moveAside renames the database at path and its WAL files to
// path.replaced-TIME. It returns "" when there is no database.
func moveAside(path string, now time.Time) (string, error) {
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return "", nil
	}
	aside := path + ".replaced-" + now.UTC().Format("20060102T150405Z")
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		err := os.Rename(path+suffix, aside+suffix)
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			return "", fmt.Errorf("keep the old database aside: %w", err)
		}
	}
	return aside, nil
}

// copyFile copies from to a new file to and syncs it.
func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
