package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	sqlite3 "github.com/mattn/go-sqlite3"
)

const (
	// backupPages is how many pages one backup step copies.
	backupPages = 256
	// backupPause is the pause between steps, so that a backup leaves the
	// disk and the CPU to the server between them.
	backupPause = 2 * time.Millisecond
	// partialSuffix marks a backup being written; it is renamed once checked.
	partialSuffix = ".partial"
)

// ErrBadBackup reports a backup that failed its integrity check or is not a
// mythosd database.
var ErrBadBackup = errors.New("backup failed its check")

// BackupInfo describes one backup.
type BackupInfo struct {
	Path  string        // the file written (or that would have been)
	At    time.Time     // when it started
	Took  time.Duration // how long it took, check included
	Size  int64         // bytes of the file
	Pages int           // database pages copied
	By    string        // who asked: "schedule", an admin's name or key
	OK    bool          // copied and passed PRAGMA integrity_check
	Err   string        // why it failed, when it did
}

// Backup writes a consistent copy of the database to dest while the server
// runs: SQLite's online backup API copies it in steps of backupPages pages
// from a reader connection that holds one read transaction throughout, so
// the copy is one moment's state and, WAL mode allowing a writer beside
// readers, the write-behind writer keeps committing meanwhile. The copy is
// written beside dest, switched to a rollback journal (one self-contained
// file), checked with PRAGMA integrity_check and only then renamed to dest;
// a copy that fails is deleted. An existing dest is replaced.
func (db *DB) Backup(ctx context.Context, dest string) (BackupInfo, error) {
	conn, err := db.read.Conn(ctx)
	if err != nil {
		return failed(dest, fmt.Errorf("backup %s to %s: %w", db.path, dest, err))
	}
	defer conn.Close()
	return backupConn(ctx, conn, dest)
}

// BackupFile is Backup for a database that this process has not opened, as
// `mythosd backup` does beside a running server. The file must exist.
func BackupFile(ctx context.Context, path, dest string) (BackupInfo, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return failed(dest, fmt.Errorf("backup %s: %w", path, err))
	}
	pool, err := openPool(ctx, readerDSN(abs), 1)
	if err != nil {
		return failed(dest, fmt.Errorf("backup %s: open: %w", path, err))
	}
	defer pool.Close()
	conn, err := pool.Conn(ctx)
	if err != nil {
		return failed(dest, fmt.Errorf("backup %s: %w", path, err))
	}
	defer conn.Close()
	return backupConn(ctx, conn, dest)
}

// failed is the report of a backup to dest that could not start.
func failed(dest string, err error) (BackupInfo, error) {
	return BackupInfo{Path: dest, At: time.Now(), Err: err.Error()}, err
}

// backupConn copies the database of src to dest, checks the copy and
// reports it.
func backupConn(ctx context.Context, src *sql.Conn, dest string) (BackupInfo, error) {
	info := BackupInfo{Path: dest, At: time.Now()}
	err := copyChecked(ctx, src, dest, &info)
	info.Took = time.Since(info.At)
	if err != nil {
		info.Err = err.Error()
		return info, fmt.Errorf("backup to %s: %w", dest, err)
	}
	st, err := os.Stat(dest)
	if err != nil {
		info.Err = err.Error()
		return info, fmt.Errorf("backup to %s: %w", dest, err)
	}
	info.Size, info.OK = st.Size(), true
	return info, nil
}

// copyChecked copies src to dest's partial file, checks it and renames it
// to dest; on any failure the partial file is removed.
func copyChecked(ctx context.Context, src *sql.Conn, dest string, info *BackupInfo) error {
	tmp := dest + partialSuffix
	if err := removeDB(tmp); err != nil {
		return err
	}
	err := copyDB(ctx, src, tmp, info)
	if err == nil {
		err = CheckBackup(ctx, tmp)
	}
	if err == nil {
		err = os.Rename(tmp, dest)
	}
	if err != nil {
		return errors.Join(err, removeDB(tmp))
	}
	return nil
}

// copyDB copies src into a new database file at path, in one read
// transaction on src, and leaves path in rollback journal mode.
func copyDB(ctx context.Context, src *sql.Conn, path string, info *BackupInfo) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	dst, err := openPool(ctx, fileURI(abs, commonParams()), 1)
	if err != nil {
		return fmt.Errorf("create %s: %w", path, err)
	}
	defer dst.Close()
	dconn, err := dst.Conn(ctx)
	if err != nil {
		return fmt.Errorf("create %s: %w", path, err)
	}
	defer dconn.Close()
	if err := inReadTx(ctx, src, func() error { return stepBackup(ctx, src, dconn, info, stepPause) }); err != nil {
		return err
	}
	if _, err := dconn.ExecContext(ctx, `PRAGMA journal_mode=DELETE`); err != nil {
		return fmt.Errorf("set journal mode of %s: %w", path, err)
	}
	return nil
}

// inReadTx runs fn while conn holds one read transaction, so that every
// backup step sees the same state and none restarts because the writer
// committed in between.
func inReadTx(ctx context.Context, conn *sql.Conn, fn func() error) error {
	if _, err := conn.ExecContext(ctx, `BEGIN`); err != nil {
		return fmt.Errorf("begin read: %w", err)
	}
	var n int
	err := conn.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema`).Scan(&n)
	if err == nil {
		err = fn()
	}
	// ctx may be done: end the transaction regardless.
	if _, rerr := conn.ExecContext(context.WithoutCancel(ctx), `ROLLBACK`); rerr != nil {
		err = errors.Join(err, fmt.Errorf("end read: %w", rerr))
	}
	return err
}

// stepBackup runs the online backup from src to dst in steps, calling
// pause between them, until done or ctx ends.
func stepBackup(ctx context.Context, src, dst *sql.Conn, info *BackupInfo, pause func(context.Context) error) error {
	return src.Raw(func(s any) error {
		return dst.Raw(func(d any) error {
			sc, ok1 := s.(*sqlite3.SQLiteConn)
			dc, ok2 := d.(*sqlite3.SQLiteConn)
			if !ok1 || !ok2 {
				return fmt.Errorf("backup needs sqlite3 connections, got %T and %T", s, d)
			}
			b, err := dc.Backup("main", sc, "main")
			if err != nil {
				return fmt.Errorf("start backup: %w", err)
			}
			err = runSteps(ctx, b, pause)
			info.Pages = b.PageCount()
			if ferr := b.Finish(); ferr != nil && err == nil {
				err = fmt.Errorf("finish backup: %w", ferr)
			}
			return err
		})
	})
}

// runSteps steps b until it is done, calling pause between steps.
func runSteps(ctx context.Context, b *sqlite3.SQLiteBackup, pause func(context.Context) error) error {
	for {
		done, err := b.Step(backupPages)
		if err != nil {
			return fmt.Errorf("backup step: %w", err)
		}
		if done {
			return nil
		}
		if err := pause(ctx); err != nil {
			return err
		}
	}
}

// stepPause waits backupPause between two backup steps, or until ctx ends.
func stepPause(ctx context.Context) error {
	t := time.NewTimer(backupPause)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// removeDB removes a database file and its journals, if there.
func removeDB(path string) error {
	var errs []error
	for _, p := range []string{path, path + "-journal", path + "-wal", path + "-shm"} {
		if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}
