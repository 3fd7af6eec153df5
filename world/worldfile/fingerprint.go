package worldfile

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"io/fs"
)

// Fingerprint identifies the world tree in fsys by its content: the
// sha256, in hex, over the path and bytes of every file Load would read
// (every *.json file whose path has no part starting with "."), in path
// order. Two trees with the same fingerprint load the same world.
func Fingerprint(fsys fs.FS) (string, error) {
	h := sha256.New()
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if read, err := worldFile(p, d); !read {
			return err
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		writeField(h, []byte(p))
		writeField(h, b)
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("fingerprint world: %w", err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// writeField writes b with its length first, so that no two trees hash
// alike by shifting bytes between a path and a file.
func writeField(h interface{ Write([]byte) (int, error) }, b []byte) {
	var n [8]byte
	binary.BigEndian.PutUint64(n[:], uint64(len(b)))
	h.Write(n[:])
	h.Write(b)
}
