package worldfile

import (
	"testing"

	"mythosd/store"
)

func TestKnownEnvironment(t *testing.T) {
	if n := len(Environments()); n != 17 {
		t.Fatalf("%d environments, want 17", n)
	}
	for _, env := range Environments() {
		if !KnownEnvironment(env) {
			t.Errorf("KnownEnvironment(%q) = false", env)
		}
	}
	for _, env := range []string{"", "Indoors", "lava", "outdoors "} {
		if KnownEnvironment(env) {
			t.Errorf("KnownEnvironment(%q) = true", env)
		}
	}
}

func TestEffectiveEnvironment(t *testing.T) {
	zone := store.Zone{ID: "earth_arkham", Environment: "street_paved"}
	sub := store.Zone{ID: "earth_arkham_ward", Environment: "sanctuary"}
	bare := store.Zone{ID: "earth_arkham_ward"}
	room := store.Room{ID: "earth_arkham_ward_a", Plane: "earth", Zone: "arkham", SubZone: "ward"}
	haunted := room
	haunted.Environment = "haunted"
	cases := []struct {
		name  string
		room  store.Room
		zones []store.Zone
		want  string
	}{
		{"room's own", haunted, []store.Zone{zone, sub}, "haunted"},
		{"sub-zone's", room, []store.Zone{zone, sub}, "sanctuary"},
		{"zone's when the sub-zone names none", room, []store.Zone{zone, bare}, "street_paved"},
		{"zone's when there is no sub-zone", room, []store.Zone{zone}, "street_paved"},
		{"outdoors", room, nil, "outdoors"},
		{"outdoors with bare zones", room, []store.Zone{bare, {ID: "earth_arkham"}}, "outdoors"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := EffectiveEnvironment(tc.room, ZoneMap(tc.zones)); got != tc.want {
				t.Errorf("EffectiveEnvironment = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestNames(t *testing.T) {
	for in, want := range map[string]string{
		"arkham_city": "Arkham City", "east_town": "East Town", "a__b_": "A B", "": "", "ünter_welt": "Ünter Welt",
	} {
		if got := DisplayName(in); got != want {
			t.Errorf("DisplayName(%q) = %q, want %q", in, got, want)
		}
	}
	for _, tc := range []struct{ plane, zone, sub, want string }{
		{"earth", "arkham_city", "", "earth_arkham_city"},
		{"earth", "arkham_city", "northside", "earth_arkham_city_northside"},
	} {
		if got := ZoneID(tc.plane, tc.zone, tc.sub); got != tc.want {
			t.Errorf("ZoneID(%q, %q, %q) = %q, want %q", tc.plane, tc.zone, tc.sub, got, tc.want)
		}
	}
}
