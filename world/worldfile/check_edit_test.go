package worldfile

import (
	"encoding/json"
	"strings"
	"testing"

	"mythosd/store"
)

// TestCheckEditedEntries: the checks for entries changed in the game say
// what Load says of the same entries in files, without the file.
func TestCheckEditedEntries(t *testing.T) {
	box := store.ItemProto{ID: "box", Name: "a box", Keywords: []string{"box"}, Description: "Tin.", Type: "container",
		Container: &store.ItemContainer{Capacity: 1, MaxWeight: 10}}
	lamp := store.ItemProto{ID: "lamp", Name: "a lamp", Keywords: []string{"lamp"}, Description: "Brass.", Type: "junk"}
	protos := map[string]store.ItemProto{"box": box, "lamp": lamp}
	find := func(id string) (store.ItemProto, bool) { p, ok := protos[id]; return p, ok }
	isNPC := func(id string) bool { return id == "rat" }
	for _, tc := range []struct {
		name string
		err  error
		want string
	}{
		{"proto ok", checkEditedProto(`{"id":"lamp","name":"a lamp","keywords":["lamp"],"description":"Brass.","type":"junk","weight":0,"value":0}`), ""},
		{"proto weight", checkEditedProto(`{"id":"lamp","name":"a lamp","keywords":["lamp"],"description":"Brass.","type":"junk","weight":-4,"value":0}`),
			"weight: must be 0 to 10000, not -4"},
		{"proto unknown key", checkEditedProto(`{"id":"lamp","name":"a lamp","keywords":["lamp"],"description":"B.","type":"junk","weight":0,"value":0,"colour":"red"}`),
			`colour: unknown key "colour"`},
		{"proto no id", checkEditedProto(`{"name":"a lamp"}`), "id: required field is missing"},
		{"placements ok", CheckPlacements([]store.Placement{{Proto: "box", Contents: []store.Placement{{Proto: "lamp"}}}}, find), ""},
		{"placements full", CheckPlacements([]store.Placement{{Proto: "box", Contents: []store.Placement{{Proto: "lamp"}, {Proto: "lamp"}}}}, find),
			`items[0].contents: 2 placements, more than "box" holds (1)`},
		{"placements deep", CheckPlacements([]store.Placement{{Proto: "box", Contents: []store.Placement{{Proto: "box",
			Contents: []store.Placement{{Proto: "lamp"}}}}}}, find), "contents are one level deep"},
		{"room spawn max", spawnErr(CheckRoomSpawns("r1", []RoomSpawn{{NPC: "rat", Max: 101}}, isNPC)), "spawns[0].max: must be 1 to 100, not 101"},
		{"sub-zone spawn room", spawnErr(CheckSubZoneSpawns("z", []json.RawMessage{json.RawMessage(`{"npc":"rat","room":"r9"}`)},
			[]string{"r1", "r2"}, isNPC)), `spawns[0].room: no room "r9" in this sub-zone`},
		{"sub-zone spawn npc", spawnErr(CheckSubZoneSpawns("z", []json.RawMessage{json.RawMessage(`{"npc":"bat"}`)},
			[]string{"r1"}, isNPC)), `spawns[0].npc: unknown NPC "bat"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			switch {
			case tc.want == "" && tc.err != nil:
				t.Errorf("refused: %v", tc.err)
			case tc.want != "" && (tc.err == nil || !strings.Contains(tc.err.Error(), tc.want)):
				t.Errorf("error %v, want %q", tc.err, tc.want)
			}
		})
	}
	spawns, err := CheckSubZoneSpawns("z", []json.RawMessage{json.RawMessage(`{"npc":"rat","max":2}`), json.RawMessage(`{"npc":"rat","room":"r2"}`)},
		[]string{"r1", "r2"}, isNPC)
	if err != nil || len(spawns) != 2 || spawns[0].ID != "z#0" || len(spawns[0].Rooms) != 2 || spawns[1].Rooms[0] != "r2" {
		t.Errorf("resolved sub-zone spawns = %+v, %v", spawns, err)
	}
}

func checkEditedProto(raw string) error {
	_, err := CheckItemProto([]byte(raw), func(string) bool { return false })
	return err
}

func spawnErr(_ []store.NPCSpawn, err error) error { return err }
