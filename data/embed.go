// Package data holds what ships inside the binary: the world (JSON in
// MythosMUD's unified room format, under world/) and the help texts (under
// help/). See docs/WORLD-FORMAT.md for the format.
package data

import (
	"embed"
	"io/fs"
)

// files is the embedded tree; it is read-only.
//
//go:embed world help
var files embed.FS

// World returns the shipped world: plane folders at its root.
func World() fs.FS { return sub("world") }

// Help returns the help texts: {topic}.txt, index.txt and motd.txt.
func Help() fs.FS { return sub("help") }

func sub(dir string) fs.FS {
	f, err := fs.Sub(files, dir)
	if err != nil {
		panic("data: embedded folder " + dir + " missing: " + err.Error()) // a build error, never a runtime one
	}
	return f
}
