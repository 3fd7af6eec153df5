package world

import (
	"strings"
	"sync"
	"testing"
)

// dataConn is a test connection that also takes GMCP packages.
type dataConn struct {
	testConn
	dmu  sync.Mutex
	data []string // "Package payload"
}

func (c *dataConn) SendData(pkg string, payload []byte) bool {
	c.dmu.Lock()
	defer c.dmu.Unlock()
	c.data = append(c.data, pkg+" "+string(payload))
	return true
}

// takeData returns the packages sent since the last call.
func (c *dataConn) takeData() string {
	c.dmu.Lock()
	defer c.dmu.Unlock()
	s := strings.Join(c.data, "\n")
	c.data = nil
	return s
}

// dataPlayer creates name on a connection that takes GMCP packages.
func (tw *testWorld) dataPlayer(t testing.TB, name string) (*player, *dataConn) {
	t.Helper()
	conn := &dataConn{}
	p := &player{t: t, conn: &conn.testConn, sess: tw.Accept(conn)}
	p.conn.take()
	for _, answer := range []string{name, "y", "secret1", "secret1", "k"} {
		p.do(answer)
	}
	return p, conn
}

func TestItemsGMCP(t *testing.T) {
	tw := newTestWorld(t, "")
	tw.create(t, "Watcher")
	p, conn := tw.dataPlayer(t, "Alice")
	tw.setAttrs("Alice", 90, 90)
	wantContains(t, conn.takeData(), `Char.Items.List {"location":"room","items":[{"id":"1","name":"a brass lamp","attrib":"Wt"}`,
		`Char.Items.List {"location":"inv","items":[]}`)
	tests := []struct {
		line string
		want []string
	}{
		{"get lamp", []string{`Char.Items.Remove {"location":"room","item":{"id":"1","name":"a brass lamp","attrib":"W"}}`,
			`Char.Items.Add {"location":"inv","item":{"id":"1","name":"a brass lamp","attrib":"W"}}`}},
		{"wear lamp", []string{`Char.Items.Update {"location":"inv","item":{"id":"1","name":"a brass lamp","attrib":"w"}}`}},
		{"drop tonic", nil},
		{"get tonic", []string{`Char.Items.Add {"location":"inv","item":{"id":"2","name":"a folk tonic"}}`}},
		{"drop tonic", []string{`Char.Items.Add {"location":"room","item":{"id":"2","name":"a folk tonic","attrib":"t"}}`}},
		{"i", []string{`Char.Items.List {"location":"inv","items":[{"id":"1","name":"a brass lamp","attrib":"w"}]}`}},
		{"get tonic", nil},
		{"look in coat", nil},
	}
	for _, tt := range tests {
		p.do(tt.line)
		wantContains(t, conn.takeData(), tt.want...)
	}
	tw.giveItems(t, "Alice", "satchel", 1)
	tests = []struct {
		line string
		want []string
	}{
		{"open satchel", nil},
		{"put tonic in satchel", []string{`Char.Items.Remove {"location":"inv","item":{"id":"3"`}},
		{"look in satchel", []string{`Char.Items.List {"location":"rep4","items":[{"id":"3","name":"a folk tonic"}]}`}},
	}
	for _, tt := range tests {
		p.do(tt.line)
		wantContains(t, conn.takeData(), tt.want...)
	}
}

func TestSealedContainerOpensForAdminsOnly(t *testing.T) {
	tw := newTestWorld(t, "")
	alice := tw.create(t, "Alice")
	tw.onLoop(func() {
		box := tw.newItem(tw.protos["cabinet"], floorOf("ward"), "")
		box.state = stateSealed
	})
	runSteps(t, alice, []step{
		{"open cabinet", []string{"A filing cabinet is sealed; only the keepers of this place may open it."}, ""},
		{"unlock cabinet", []string{"A filing cabinet is sealed; no key of yours will turn in it."}, ""},
		{"look in cabinet", []string{"A filing cabinet is sealed."}, ""},
	})
	tw.onLoop(func() { tw.chars["alice"].Admin = true })
	runSteps(t, alice, []step{
		{"open cabinet", []string{"You open a filing cabinet."}, ""},
	})
}
