package worldfile

import (
	"path"

	"mythosd/store"
)

// RoomPath is the path, under a world's root, of the file export-world
// writes room r to: its sub-zone's folder and the name the export gives
// it. Rooms built in the game keep it as their source file.
func RoomPath(r store.Room) (string, error) {
	dir, err := folderPath(r.Plane, r.Zone, r.SubZone)
	if err != nil {
		return "", err
	}
	name, err := roomFileName(r)
	if err != nil {
		return "", err
	}
	return path.Join(dir, name), nil
}
