package worldfile

import (
	"testing"
	"testing/fstest"
)

// FuzzItemFile loads arbitrary bytes as a prototype file beside a room
// that places items: never a panic, and every prototype loaded has an id.
func FuzzItemFile(f *testing.F) {
	f.Add([]byte(`{"items":[{"id":"lamp","name":"a lamp","keywords":["lamp"],"description":"d","type":"equipment","weight":3,"value":1}]}`))
	f.Add([]byte(`{"items":[{"id":"c","name":"c","keywords":["c"],"description":"d","type":"container","weight":1e9,"value":-1,` +
		`"container":{"capacity":0,"max_weight":"x","closable":1,"key":"k"},"use":{"verb":"sing","consumed":"no"},"weapon":{"min":5,"max":1}}]}`))
	f.Add([]byte(`{"items":{}}`))
	f.Add([]byte("\xff"))
	room := rawFile(`{"id":"earth_a_b_room_x","name":"X","description":"Y","plane":"earth","zone":"a","sub_zone":"b",` +
		`"items":[{"proto":"lamp","quantity":2},{"proto":"c","state":"locked","contents":[{"proto":"lamp","contents":[]}]}],` +
		`"exits":{"north":{"target":"earth_a_b_room_x","flags":["locked"],"key":"k"}}}`)
	f.Fuzz(func(t *testing.T, data []byte) {
		w, _, err := Load(fstest.MapFS{"items/x.json": {Data: data}, "earth/a/b/room_x.json": room})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range w.Items {
			if p.ID == "" {
				t.Fatalf("a prototype without id loaded: %+v", p)
			}
		}
	})
}
