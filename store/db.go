// Package store keeps mythosd's state in SQLite: accounts and characters,
// the imported world, exploration records, the facts and lucidity log that
// lucidity rules keep, and a small key/value table. It owns the
// write-behind writer that commits what the world loop hands it.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"time"

	_ "github.com/mattn/go-sqlite3" // registers the "sqlite3" driver
)

const (
	busyTimeout    = 5 * time.Second
	stmtCacheSize  = 32
	openTimeout    = time.Minute
	minReaderConns = 4
)

// DB is the store: a SQLite database in WAL mode and its write-behind writer.
//
// Connections come in two pools. SQLite lets one writer at a time hold the
// database, so every write (migrations, account creation, world import,
// meta, the write-behind commits) goes through a pool of exactly one
// connection (SetMaxOpenConns(1)) whose transactions begin IMMEDIATE: writers
// queue in Go, where contexts can cancel them, instead of spinning in
// SQLite's busy handler or failing to upgrade a read lock. Reads go through a
// second pool of several query-only connections; WAL lets them run while the
// writer commits, and each sees the last committed state. The busy timeout
// (5 s) covers the rare wait on a checkpoint or on another process.
type DB struct {
	path  string
	log   *slog.Logger
	read  *sql.DB
	write *sql.DB
	w     *writer

	closeOnce sync.Once
	closeErr  error
}

// config holds what Open fixes and tests may change.
type config struct {
	readConns    int
	minBackoff   time.Duration
	maxBackoff   time.Duration
	closeTimeout time.Duration
	migrations   fs.FS
}

func defaultConfig() config {
	return config{
		readConns:    max(minReaderConns, runtime.GOMAXPROCS(0)),
		minBackoff:   50 * time.Millisecond,
		maxBackoff:   5 * time.Second,
		closeTimeout: 30 * time.Second,
		migrations:   migrationFiles,
	}
}

// Open opens (creating if needed) the database at path, applies the
// migrations this binary embeds and starts the write-behind writer. A nil
// logger discards logs. Close releases it.
func Open(path string, logger *slog.Logger) (*DB, error) {
	return open(path, logger, defaultConfig())
}

func open(path string, logger *slog.Logger, cfg config) (*DB, error) {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	logger = logger.With("component", "store")
	ctx, cancel := context.WithTimeout(context.Background(), openTimeout)
	defer cancel()
	write, read, err := openPools(ctx, path, cfg)
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	db := &DB{path: path, log: logger, read: read, write: write}
	db.w = newWriter(write, logger, cfg)
	go db.w.run()
	logger.Info("database open", "path", path)
	return db, nil
}

// openPools opens the writer pool, migrates, then opens the reader pool.
func openPools(ctx context.Context, path string, cfg config) (write, read *sql.DB, err error) {
	if path == "" {
		return nil, nil, fmt.Errorf("empty path: %w", ErrInvalid)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, nil, fmt.Errorf("resolve path: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o750); err != nil {
		return nil, nil, fmt.Errorf("create directory: %w", err)
	}
	write, err = openPool(ctx, writerDSN(abs), 1)
	if err != nil {
		return nil, nil, err
	}
	if err := migrate(ctx, write, cfg.migrations); err != nil {
		return nil, nil, errors.Join(err, write.Close())
	}
	read, err = openPool(ctx, readerDSN(abs), cfg.readConns)
	if err != nil {
		return nil, nil, errors.Join(fmt.Errorf("readers: %w", err), write.Close())
	}
	return write, read, nil
}

// openPool opens a pool of at most conns connections, all kept open, and
// checks that one connects.
func openPool(ctx context.Context, dsn string, conns int) (*sql.DB, error) {
	pool, err := sql.Open("sqlite3", dsn)
	if err != nil {
		return nil, err
	}
	pool.SetMaxOpenConns(conns)
	pool.SetMaxIdleConns(conns)
	pool.SetConnMaxLifetime(0)
	pool.SetConnMaxIdleTime(0)
	if err := pool.PingContext(ctx); err != nil {
		return nil, errors.Join(err, pool.Close())
	}
	return pool, nil
}

// writerDSN opens read-write, creating the file, in WAL mode.
func writerDSN(abs string) string {
	q := commonParams()
	q.Set("mode", "rwc")
	q.Set("_journal_mode", "WAL")
	q.Set("_synchronous", "NORMAL")
	q.Set("_txlock", "immediate")
	return fileURI(abs, q)
}

// readerDSN opens an existing file whose journal mode the writer has set;
// query_only makes any write through these connections an error.
func readerDSN(abs string) string {
	q := commonParams()
	q.Set("mode", "rw")
	q.Set("_query_only", "true")
	return fileURI(abs, q)
}

func commonParams() url.Values {
	q := url.Values{}
	q.Set("_busy_timeout", strconv.Itoa(int(busyTimeout/time.Millisecond)))
	q.Set("_foreign_keys", "on")
	q.Set("_stmt_cache_size", strconv.Itoa(stmtCacheSize))
	return q
}

// fileURI escapes the path so that '?', '#' or '%' in it stay part of it.
func fileURI(abs string, q url.Values) string {
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(abs), RawQuery: q.Encode()}
	return u.String()
}

// Path returns the path the database was opened with.
func (db *DB) Path() string { return db.path }

// Ping checks that both the reader and the writer connections answer.
func (db *DB) Ping(ctx context.Context) error {
	if err := db.read.PingContext(ctx); err != nil {
		return fmt.Errorf("ping database %s readers: %w", db.path, err)
	}
	if err := db.write.PingContext(ctx); err != nil {
		return fmt.Errorf("ping database %s writer: %w", db.path, err)
	}
	return nil
}

// Close flushes what was submitted to the writer, stops it and closes every
// connection. If commits keep failing it gives up after 30 s and says how
// much was not written. Close is safe to call twice; it also releases
// any Pause so that a forgotten resume cannot hang shutdown.
func (db *DB) Close() error {
	db.closeOnce.Do(func() {
		werr := db.w.close()
		rerr := db.read.Close()
		cerr := db.write.Close()
		if err := errors.Join(werr, rerr, cerr); err != nil {
			db.closeErr = fmt.Errorf("close database %s: %w", db.path, err)
		}
		db.log.Info("database closed", "path", db.path)
	})
	return db.closeErr
}
