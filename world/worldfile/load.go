package worldfile

import (
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"

	"mythosd/store"
)

// maxFileSize caps the size of one world file, in bytes.
const maxFileSize = 1 << 20

// loader holds what Load has read so far.
type loader struct {
	report     *Report
	rooms      []store.Room      // in file order, duplicates left out
	roomFiles  map[string]string // room id -> file that defined it
	zones      map[location]*zoneEntry
	protos     map[string]*protoEntry // item prototypes by id
	protoOrder []string               // their ids in file order
	npcs       map[string]*npcEntry   // NPC definitions by id
	npcOrder   []string               // their ids in file order
}

// zoneEntry is a zone or sub-zone being assembled.
type zoneEntry struct {
	zone      store.Zone
	file      string // the config file, else the first room file seen
	startRoom string
}

// Load reads the world tree in fsys: {plane}/{zone}/zone_config.json,
// {plane}/{zone}/{sub_zone}/subzone_config.json and room files (any other
// *.json) in sub-zone folders. Names starting with "." are skipped.
//
// Load returns the best world it can build, sorted by id, and a report of
// every problem and exit rewrite; Report.Err is non-nil when the world is
// unfit to ship. The returned error is for I/O failures only.
func Load(fsys fs.FS) (store.World, *Report, error) {
	l := &loader{
		report:    &Report{},
		roomFiles: make(map[string]string),
		zones:     make(map[location]*zoneEntry),
		protos:    make(map[string]*protoEntry),
		npcs:      make(map[string]*npcEntry),
	}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("walk %s: %w", p, err)
		}
		return l.visit(fsys, p, d)
	})
	if err != nil {
		return store.World{}, nil, fmt.Errorf("load world: %w", err)
	}
	return l.finish(), l.report, nil
}

// worldFile reports whether the loader reads entry p of the tree: a
// *.json file with no part of its path starting with "."; err is
// fs.SkipDir for a hidden folder.
func worldFile(p string, d fs.DirEntry) (bool, error) {
	if p != "." && strings.HasPrefix(d.Name(), ".") {
		if d.IsDir() {
			return false, fs.SkipDir
		}
		return false, nil
	}
	return !d.IsDir() && path.Ext(p) == ".json", nil
}

// visit reads one entry of the tree.
func (l *loader) visit(fsys fs.FS, p string, d fs.DirEntry) error {
	if read, err := worldFile(p, d); !read {
		return err
	}
	if t := d.Type(); !t.IsRegular() && t&fs.ModeSymlink == 0 {
		l.report.add(p, "", Error, "not a regular file")
		return nil
	}
	data, err := readLimited(fsys, p)
	if err != nil {
		return err
	}
	if len(data) > maxFileSize {
		l.report.add(p, "", Error, "file is larger than %d bytes", maxFileSize)
		return nil
	}
	l.addFile(p, data)
	return nil
}

// readLimited reads at most maxFileSize+1 bytes of the file at p.
func readLimited(fsys fs.FS, p string) ([]byte, error) {
	f, err := fsys.Open(p)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", p, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", p, err)
	}
	return data, nil
}

// addFile sorts a JSON file by its place in the tree.
func (l *loader) addFile(p string, data []byte) {
	parts := strings.Split(p, "/")
	name := parts[len(parts)-1]
	switch {
	case parts[0] == itemsFolder && len(parts) == 2:
		l.addItemFile(p, data)
	case parts[0] == itemsFolder:
		l.report.add(p, "", Error, "items/ holds prototype files only, no folders")
	case parts[0] == npcsFolder && len(parts) == 2:
		l.addNPCFile(p, data)
	case parts[0] == npcsFolder:
		l.report.add(p, "", Error, "npcs/ holds NPC definition files only, no folders")
	case name == zoneConfigName && len(parts) == 3:
		l.addConfig(p, location{plane: parts[0], zone: parts[1]}, data)
	case name == subZoneConfigName && len(parts) == 4:
		l.addConfig(p, location{plane: parts[0], zone: parts[1], subZone: parts[2]}, data)
	case name == zoneConfigName:
		l.report.add(p, "", Error, "a zone config belongs in a {plane}/{zone}/ folder")
	case name == subZoneConfigName:
		l.report.add(p, "", Error, "a sub-zone config belongs in a {plane}/{zone}/{sub_zone}/ folder")
	case len(parts) == 4:
		l.addRoom(p, location{plane: parts[0], zone: parts[1], subZone: parts[2]}, data)
	default:
		l.report.add(p, "", Error, "a room file belongs in a {plane}/{zone}/{sub_zone}/ folder")
	}
}

// addRoom decodes a room file and keeps its room unless its id is taken.
func (l *loader) addRoom(p string, loc location, data []byte) {
	room, problems, ok := decodeRoom(p, loc, data)
	l.report.Problems = append(l.report.Problems, problems...)
	if !ok {
		return
	}
	if first, dup := l.roomFiles[room.ID]; dup {
		l.report.add(p, "id", Error, "duplicate room id %q, also in %s; this file is skipped", room.ID, first)
		return
	}
	l.roomFiles[room.ID] = p
	l.rooms = append(l.rooms, room)
	l.zone(loc.parent(), p)
	l.zone(loc, p)
}

// addConfig decodes a config file into its zone or sub-zone.
func (l *loader) addConfig(p string, loc location, data []byte) {
	cfg, problems := decodeConfig(p, loc, data)
	l.report.Problems = append(l.report.Problems, problems...)
	if loc.subZone != "" {
		l.zone(loc.parent(), p)
	}
	e := l.zone(loc, p)
	e.zone, e.file, e.startRoom = cfg.zone, p, cfg.startRoom
}

// zone returns the entry of the zone or sub-zone at loc, creating it (as it
// is without a config, first seen in file p) when needed.
func (l *loader) zone(loc location, p string) *zoneEntry {
	e, ok := l.zones[loc]
	if !ok {
		e = &zoneEntry{zone: newZone(loc), file: p}
		l.zones[loc] = e
	}
	return e
}
