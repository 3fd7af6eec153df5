package world

import (
	"strings"
	"testing"
)

// styledConn is a test connection that renders colour, like telnet and ssh.
type styledConn struct {
	testConn
	mode   ColorMode
	reader bool
}

func (c *styledConn) SetColorMode(m ColorMode) { c.mode = m }
func (c *styledConn) SetScreenReader(on bool)  { c.reader = on }
func (c *styledConn) Style() (ColorMode, bool) { return c.mode, c.reader }

func TestRoomsAndChatAreColoured(t *testing.T) {
	tw := newTestWorld(t, "")
	alice := tw.create(t, "Alice")
	bob := tw.create(t, "Bob")
	alice.conn.all, bob.conn.all = &strings.Builder{}, &strings.Builder{}
	alice.do("look")
	alice.conn.mu.Lock()
	all := alice.conn.all.String()
	alice.conn.mu.Unlock()
	for _, want := range []string{styleRoom + "Ward [Arkham Sanitarium]" + styleReset, styleExits + "Exits:"} {
		if !strings.Contains(all, want) {
			t.Errorf("room text lacks %q", want)
		}
	}
	alice.do("global hello")
	bob.conn.mu.Lock()
	heard := bob.conn.all.String()
	bob.conn.mu.Unlock()
	if !strings.Contains(heard, styleChat+"[Global]"+styleReset) {
		t.Errorf("global chat tag is not coloured: %q", heard)
	}
}

func TestConfigColorIsKept(t *testing.T) {
	dir := t.TempDir()
	tw := newTestWorld(t, dir)
	conn := &styledConn{}
	p := &player{t: t, conn: &conn.testConn, sess: tw.Accept(conn)}
	p.conn.take()
	p.do("Alice")
	p.do("y")
	p.do("secret1")
	p.do("secret1")
	p.do("k")
	tests := []struct {
		line   string
		want   string
		mode   ColorMode
		reader bool
	}{
		{"config", "Colour: auto (now auto); screen reader: off.", ColorAuto, false},
		{"config color 256", "Colour: 256", Color256, false},
		{"config screenreader on", "screen reader: on", Color256, true},
		{"config color purple", "Usage: config color", Color256, true},
		{"config colour 16", "Usage: config [color", Color256, true},
	}
	for _, tt := range tests {
		wantContains(t, p.do(tt.line), tt.want)
		if conn.mode != tt.mode || conn.reader != tt.reader {
			t.Errorf("after %q: mode %v reader %v, want %v %v", tt.line, conn.mode, conn.reader, tt.mode, tt.reader)
		}
	}
	p.do("quit")
	tw.stop()
	again := newTestWorld(t, dir)
	conn2 := &styledConn{}
	p2 := &player{t: t, conn: &conn2.testConn, sess: again.Accept(conn2)}
	p2.do("alice")
	p2.do("secret1")
	if conn2.mode != Color256 || !conn2.reader {
		t.Errorf("after a new login: mode %v reader %v, want 256 and on", conn2.mode, conn2.reader)
	}
	wantContains(t, again.create(t, "Bob").do("config"), "nothing to configure")
}
