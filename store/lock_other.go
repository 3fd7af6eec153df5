//go:build !unix

package store

import "os"

// lockFile does nothing where advisory locks are not implemented: restore
// cannot tell a running server there.
func lockFile(*os.File) error { return nil }
