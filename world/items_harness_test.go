package world

import (
	"mythosd/store"
)

// keyed gives exit e a key.
func keyed(e store.Exit, key string) store.Exit {
	e.Key = key
	return e
}

// What the test rooms start with.
const (
	testWardItems   = `{"items":[{"proto":"lamp"},{"proto":"tonic","quantity":2}]}`
	testHallItems   = `{"items":[{"proto":"cabinet","state":"locked","contents":[{"proto":"papers"},{"proto":"key_west"}]},{"proto":"anvil"}]}`
	testGardenItems = `{"items":[{"proto":"satchel"},{"proto":"coat"},{"proto":"ring"},{"proto":"letter"},{"proto":"revolver"},{"proto":"amulet"},{"proto":"key_cabinet"},{"proto":"box"}]}`
)

// testProtos are the prototypes of the test world.
func testProtos() []store.ItemProto {
	yes, no := true, false
	return []store.ItemProto{
		{ID: "lamp", Name: "a brass lamp", Keywords: []string{"lamp", "brass"}, RoomText: "A brass lamp stands here.",
			Description: "A dented railroad lamp.", Type: "equipment", Weight: 30, Value: 175, Slots: []string{"off_hand"}},
		{ID: "tonic", Name: "a folk tonic", Keywords: []string{"tonic", "folk"}, Description: "A brown bottle.",
			Type: "consumable", Weight: 5, Value: 50, Use: &store.ItemUse{Verb: "drink", Lucidity: 3, Text: "Bitter as gall."}},
		{ID: "papers", Name: "some case notes", Plural: "bundles of case notes", Keywords: []string{"notes", "papers", "case"},
			Description: "Notes in a cramped hand.", Type: "junk", Weight: 1, Use: &store.ItemUse{Verb: "read", Text: "Patient 7 dreams of a city under the sea.", Consumed: &no}},
		{ID: "key_west", Name: "an iron key", Keywords: []string{"key", "iron"}, Description: "A heavy key.", Type: "key", Weight: 2, KeyID: "key_west"},
		{ID: "key_cabinet", Name: "a small brass key", Keywords: []string{"key", "small", "brass"}, Description: "A small key.", Type: "key", Weight: 1, KeyID: "key_cabinet"},
		{ID: "cabinet", Name: "a filing cabinet", Keywords: []string{"cabinet", "filing"}, RoomText: "A filing cabinet leans against the wall.",
			Description: "Grey steel.", Type: "container", Weight: 1000, Flags: []string{"fixed"},
			Container: &store.ItemContainer{Capacity: 5, MaxWeight: 500, Closable: true, Key: "key_cabinet"}},
		{ID: "anvil", Name: "an anvil", Keywords: []string{"anvil"}, Description: "Very heavy.", Type: "junk", Weight: 10000},
		{ID: "satchel", Name: "a leather satchel", Keywords: []string{"satchel", "leather"}, Description: "Worn leather.",
			Type: "container", Weight: 10, Container: &store.ItemContainer{Capacity: 2, MaxWeight: 50, Closable: true}},
		{ID: "candle", Name: "a tallow candle", Keywords: []string{"candle", "tallow"}, Description: "It smokes.",
			Type: "equipment", Weight: 2, Slots: []string{"off_hand"}},
		{ID: "box", Name: "a tin box", Plural: "tin boxes", Keywords: []string{"box", "tin"}, Description: "A tin box.",
			Type: "container", Weight: 5, Container: &store.ItemContainer{Capacity: 3, MaxWeight: 40}},
		{ID: "coat", Name: "a greatcoat", Keywords: []string{"coat", "greatcoat"}, Description: "Deep pockets.", Type: "container",
			Weight: 40, Slots: []string{"torso"}, Protection: 2, Container: &store.ItemContainer{Capacity: 4, MaxWeight: 60}},
		{ID: "ring", Name: "a black ring", Keywords: []string{"ring", "black"}, Description: "Cold to the touch.", Type: "equipment",
			Weight: 1, Slots: []string{"ring"}, Flags: []string{"cursed"}},
		{ID: "letter", Name: "a sealed letter", Keywords: []string{"letter"}, Description: "Addressed to you.", Type: "quest",
			Weight: 1, Flags: []string{"no_drop", "quest"}, Use: &store.ItemUse{Verb: "read", Text: "Do not trust the doctor.", Consumed: &yes}},
		{ID: "revolver", Name: "a .38 revolver", Keywords: []string{"revolver", "gun"}, Description: "Six chambers.", Type: "weapon",
			Weight: 20, Slots: []string{"main_hand"}, Weapon: &store.ItemWeapon{Min: 1, Max: 10}},
		{ID: "bandage", Name: "a roll of bandage", Plural: "rolls of bandage", Keywords: []string{"bandage", "roll"}, Description: "Clean linen.",
			Type: "consumable", Weight: 2, Value: 30, Use: &store.ItemUse{Verb: "use", DP: 3, Consumed: &yes}},
		{ID: "amulet", Name: "a jade amulet", Keywords: []string{"amulet", "jade"}, Description: "A carved hound.", Type: "equipment",
			Weight: 1, Slots: []string{"amulet"}, Flags: []string{"unique"}},
	}
}
