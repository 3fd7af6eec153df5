package worldfile

import (
	"testing"

	"mythosd/store"
)

func TestStartRoom(t *testing.T) {
	room := func(zone, sub, id string) store.Room {
		return store.Room{ID: id, Plane: "earth", Zone: zone, SubZone: sub}
	}
	sanitarium := func(zone, attrs string) store.Zone {
		return store.Zone{ID: ZoneID("earth", zone, "sanitarium"), Plane: "earth", Zone: zone, SubZone: "sanitarium", Attributes: attrs}
	}
	streets := []store.Room{room("arkham", "northside", "earth_arkham_northside_b"), room("arkham", "northside", "earth_arkham_northside_a")}
	ward := []store.Room{room("arkham", "sanitarium", "earth_arkham_sanitarium_ward_2"), room("arkham", "sanitarium", "earth_arkham_sanitarium_ward_1")}
	cases := []struct {
		name string
		w    store.World
		want string
	}{
		{name: "empty world", want: ""},
		{name: "no sanitarium: first room by id", w: store.World{Rooms: streets}, want: "earth_arkham_northside_a"},
		{name: "start_room of the sanitarium",
			w:    store.World{Zones: []store.Zone{sanitarium("arkham", `{"start_room":"earth_arkham_sanitarium_ward_2"}`)}, Rooms: append(streets, ward...)},
			want: "earth_arkham_sanitarium_ward_2"},
		{name: "start_room names no room",
			w:    store.World{Zones: []store.Zone{sanitarium("arkham", `{"start_room":"earth_arkham_sanitarium_ward_9"}`)}, Rooms: append(streets, ward...)},
			want: "earth_arkham_sanitarium_ward_1"},
		{name: "config not JSON",
			w:    store.World{Zones: []store.Zone{sanitarium("arkham", `{`)}, Rooms: append(streets, ward...)},
			want: "earth_arkham_sanitarium_ward_1"},
		{name: "sanitarium rooms without a config", w: store.World{Rooms: append(streets, ward...)}, want: "earth_arkham_sanitarium_ward_1"},
		{name: "sanitarium sub-zones in zone id order",
			w: store.World{Zones: []store.Zone{
				sanitarium("zzz", `{"start_room":"earth_arkham_northside_a"}`),
				sanitarium("dunwich", `{"start_room":"earth_arkham_northside_b"}`),
				sanitarium("arkham", `{"start_room":"nowhere"}`),
			}, Rooms: streets},
			want: "earth_arkham_northside_b"},
		{name: "a zone named sanitarium does not count",
			w: store.World{Zones: []store.Zone{{ID: "earth_sanitarium", Plane: "earth", Zone: "sanitarium",
				Attributes: `{"start_room":"earth_arkham_northside_b"}`}}, Rooms: streets},
			want: "earth_arkham_northside_a"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := StartRoom(tc.w); got != tc.want {
				t.Errorf("StartRoom = %q, want %q", got, tc.want)
			}
		})
	}
}
