package world

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"mythosd/world/worldfile"
)

// FuzzBuildEdit feeds what a builder might type to the parsers of the
// building commands and to a prototype and a definition edit: nothing
// panics, and an edit the loader's checks accept is stable (checked again,
// it is the same entry).
func FuzzBuildEdit(f *testing.F) {
	for _, s := range []string{"weight 12", "weapon.max 4", "container.closable yes", "name a \xffknife",
		"loot tonic 0.5 2, lamp", "shop tonic 3", "value 99999999999999999999", "flags fixed no_drop",
		"use.lucidity -20", "behaviour.flee_below 0.25", "keywords A b", "kind shopkeeper", "weapon none"} {
		f.Add(s)
	}
	isKey := func(string) bool { return false }
	isProto := func(id string) bool { return id == "tonic" || id == "lamp" }
	f.Fuzz(func(t *testing.T, line string) {
		parsePlaceArgs(line, true)           //nolint:errcheck // only that it answers
		parseSpawnArgs(strings.Fields(line)) //nolint:errcheck // only that it answers
		readNPCList("loot", line)            //nolint:errcheck // only that it answers
		field, value, _ := strings.Cut(line, " ")
		proto, _ := json.Marshal(testProtos()[0])
		if raw, err := protoFields().setField(proto, field, value); err == nil {
			if p, err := worldfile.CheckItemProto(raw, isKey); err == nil {
				again, _ := json.Marshal(p)
				if p2, err := worldfile.CheckItemProto(again, isKey); err != nil || !reflect.DeepEqual(p, p2) {
					t.Errorf("accepted prototype %+v does not check again: %+v, %v", p, p2, err)
				}
			}
		}
		def, _ := json.Marshal(testNPCDefs()[0])
		if raw, err := npcFields().setField(def, field, value); err == nil {
			if d, err := worldfile.CheckNPCDef(raw, isProto); err == nil {
				again, _ := json.Marshal(d)
				if d2, err := worldfile.CheckNPCDef(again, isProto); err != nil || !reflect.DeepEqual(d, d2) {
					t.Errorf("accepted definition %+v does not check again: %+v, %v", d, d2, err)
				}
			}
		}
	})
}
