package store

import "errors"

// Sentinel errors that callers test with errors.Is.
var (
	// ErrNotFound reports that the account, character, room, zone or meta
	// key asked for does not exist.
	ErrNotFound = errors.New("not found")
	// ErrExists reports that an account or character name is already taken
	// (without regard to case).
	ErrExists = errors.New("already exists")
	// ErrLimit reports that an account already holds as many characters
	// as it may.
	ErrLimit = errors.New("limit reached")
	// ErrInvalid reports an argument the store refuses: an empty name, a
	// world with duplicate ids or unknown exit directions.
	ErrInvalid = errors.New("invalid")
	// ErrSchemaTooNew reports a database migrated by a newer mythosd than
	// this binary.
	ErrSchemaTooNew = errors.New("database schema is newer than this binary")
	// ErrClosed reports a call on a closed store.
	ErrClosed = errors.New("store closed")
)
