package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
)

// CheckBackup opens the database at path and runs PRAGMA integrity_check
// on it; it also checks that the file is a mythosd database (it has the
// migrations table). A failure wraps ErrBadBackup.
func CheckBackup(ctx context.Context, path string) error {
	return checkFile(ctx, path, false)
}

// checkFile is CheckBackup; with schema it also checks that this binary
// knows every migration of the file, else it fails with ErrSchemaTooNew.
func checkFile(ctx context.Context, path string, schema bool) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	if st, err := os.Stat(abs); err != nil {
		return fmt.Errorf("check %s: %w", path, err)
	} else if !st.Mode().IsRegular() {
		return fmt.Errorf("check %s: not a regular file: %w", path, ErrBadBackup)
	}
	q := commonParams()
	q.Set("mode", "ro")
	pool, err := openPool(ctx, fileURI(abs, q), 1)
	if err != nil {
		return fmt.Errorf("check %s: %w: %w", path, ErrBadBackup, err)
	}
	defer pool.Close()
	if err := integrityCheck(ctx, pool); err != nil {
		return fmt.Errorf("check %s: %w: %w", path, ErrBadBackup, err)
	}
	applied, err := appliedVersions(ctx, pool)
	if err != nil || len(applied) == 0 {
		return fmt.Errorf("check %s: %w: not a mythosd database (no migrations recorded)", path, ErrBadBackup)
	}
	if !schema {
		return nil
	}
	ms, err := loadMigrations(migrationFiles)
	if err != nil {
		return err
	}
	if err := checkNotNewer(applied, ms); err != nil {
		return fmt.Errorf("check %s: %w", path, err)
	}
	return nil
}

// integrityCheck runs PRAGMA integrity_check and returns its findings as
// an error unless it says ok.
func integrityCheck(ctx context.Context, pool *sql.DB) error {
	rows, err := pool.QueryContext(ctx, `PRAGMA integrity_check`)
	if err != nil {
		return err
	}
	defer rows.Close()
	var found []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return err
		}
		found = append(found, line)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if len(found) == 1 && found[0] == "ok" {
		return nil
	}
	return fmt.Errorf("integrity_check: %q", found)
}
