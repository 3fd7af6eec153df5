package store

import (
	"errors"
	"fmt"
	"os"
)

// ErrInUse reports a database held by a running mythosd.
var ErrInUse = errors.New("database in use by a running mythosd")

// lockSuffix names the lock file beside the database.
const lockSuffix = ".lock"

// Lock takes the lock file beside the database at path (path + ".lock"),
// which a running server holds for its lifetime, so that a second server
// or a restore on the same database refuses with ErrInUse. The operating
// system releases the lock when the process ends, even by a crash; unlock
// releases it before that.
func Lock(path string) (unlock func() error, err error) {
	f, err := os.OpenFile(path+lockSuffix, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	if err := lockFile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	return f.Close, nil
}
