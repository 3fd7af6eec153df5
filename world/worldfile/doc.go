// Package worldfile reads a world written in MythosMUD's unified room format
// (JSON files in a plane/zone/sub-zone folder tree) into store.World.
//
// Load reads the whole tree from an fs.FS, checks every file and resolves
// exit targets that name a room inexactly (see docs/WORLD-FORMAT.md). It
// always returns the best world it can build; Report.Err tells whether that
// world is fit to ship. StartRoom picks where new characters wake, and
// EffectiveEnvironment gives a room's environment after the zone fall-backs.
package worldfile
