package world

import (
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestParseDataRequest(t *testing.T) {
	tests := []struct {
		pkg, payload string
		want         dataRequest
		ok           bool
	}{
		{"Char.Items.Inv", "", dataRequest{list: "inv"}, true},
		{"char.items.room", "", dataRequest{list: "room"}, true},
		{"Char.Items.Contents", `"12"`, dataRequest{box: 12}, true},
		{"Char.Items.Contents", ` 12 `, dataRequest{box: 12}, true},
		{"Char.Items.Contents", `"-3"`, dataRequest{}, false},
		{"Char.Items.Contents", `"x"`, dataRequest{}, false},
		{"Char.Items.Contents", `"99999999999999999999999"`, dataRequest{}, false},
		{"Char.Items.Contents", strings.Repeat("1", 100), dataRequest{}, false},
		{"Char.Login", `{"name":"x"}`, dataRequest{}, false},
		{"", "", dataRequest{}, false},
	}
	for _, tt := range tests {
		got, ok := parseDataRequest(tt.pkg, []byte(tt.payload))
		if got != tt.want || ok != tt.ok {
			t.Errorf("parseDataRequest(%q, %q) = %+v, %v; want %+v, %v", tt.pkg, tt.payload, got, ok, tt.want, tt.ok)
		}
	}
}

// awaitData collects the packages conn is sent until they hold want.
func awaitData(t testing.TB, conn *dataConn, want string) string {
	t.Helper()
	var seen strings.Builder
	for deadline := time.Now().Add(10 * time.Second); !strings.Contains(seen.String(), want); {
		if time.Now().After(deadline) {
			t.Fatalf("never sent %q; sent %q", want, seen.String())
		}
		seen.WriteString(conn.takeData())
		time.Sleep(time.Millisecond)
	}
	return seen.String()
}

// TestDataRequests: the lists a client asks for itself (Mudlet's item
// window) are sent; a container's contents only when the character can
// reach it and see into it.
func TestDataRequests(t *testing.T) {
	tw := newTestWorld(t, "")
	p, conn := tw.dataPlayer(t, "Alice")
	tw.giveItems(t, "Alice", "satchel", 1)
	tw.giveItems(t, "Alice", "tonic", 1)
	p.do("open satchel")
	p.do("put tonic in satchel")
	var satchel string
	tw.onLoop(func() {
		for _, it := range tw.chars["alice"].inv {
			if it.proto.ID == "satchel" {
				satchel = strconv.FormatInt(it.ID, 10)
			}
		}
	})
	conn.takeData()
	recv := p.sess.(DataReceiver)
	for _, tt := range []struct{ pkg, payload, want string }{
		{"Char.Items.Inv", "", `Char.Items.List {"location":"inv","items":[{"id":"` + satchel + `"`},
		{"char.items.room", "", `Char.Items.List {"location":"room","items":[{"id":"1","name":"a brass lamp"`},
		{"Char.Items.Contents", `"` + satchel + `"`, `Char.Items.List {"location":"rep` + satchel + `","items":[{"id":`},
	} {
		recv.Data(tt.pkg, []byte(tt.payload))
		awaitData(t, conn, tt.want)
	}
	p.do("close satchel")
	conn.takeData()
	for _, refused := range []string{`"` + satchel + `"`, `"1"`, `"9999"`, `nonsense`} {
		recv.Data("Char.Items.Contents", []byte(refused)) // closed; no container; nothing; unreadable
	}
	recv.Data("Char.Items.Inv", nil) // answered after the refusals, in order
	if got := awaitData(t, conn, `"location":"inv"`); strings.Contains(got, `"location":"rep`) {
		t.Errorf("a refused request was answered: %q", got)
	}
}
