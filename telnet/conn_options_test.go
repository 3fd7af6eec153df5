package telnet

import (
	"testing"

	"mythosd/world"
)

// Client sequences used by the connection tests.
const (
	doMCCP2   = "\xff\xfd\x56"
	dontMCCP2 = "\xff\xfe\x56"
	sbMCCP2   = "\xff\xfa\x56\xff\xf0"
	doGMCP    = "\xff\xfd\xc9"
	willTTYPE = "\xff\xfb\x18"
)

// mtts is what an MTTS client answers to TTYPE with these flags.
func mtts(name string, flags string) string {
	return willTTYPE + is(name) + is("XTERM") + is("MTTS "+flags) + is("MTTS "+flags)
}

// sync sends a line and waits for its answer, so that everything sent
// before it has been handled.
func (c *client) sync() {
	c.tb.Helper()
	c.write("sync\r\n")
	c.readUntil("you said: sync\r\n")
}

func TestConnOffersDoNotDelayGreeting(t *testing.T) {
	tests := []struct {
		name    string
		answers string
	}{
		{"client answers nothing", ""},
		{"client agrees to everything", "\xff\xfb\x18\xff\xfb\x1f\xff\xfd\x2a\xff\xfd\x19\xff\xfd\xc9\xff\xfd\x46"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			addr := startServer(t, &Server{Acceptor: newTestAcceptor(), MSSP: testFigures})
			c := dial(t, addr)
			// The offers and the greeting come at once, before any answer.
			c.expect(offers + "\xff\xfb\x46" + "Welcome.\r\n")
			c.write(tt.answers + "look\r\n")
			c.readUntil("you said: look\r\n")
		})
	}
}

func TestConnMCCP2(t *testing.T) {
	c, _, _ := connect(t, &Server{})
	c.write(doMCCP2)
	c.expect(sbMCCP2)
	c.inflate()
	c.write("look\r\n")
	c.expect("you said: look\r\n")
	c.write("password\r\n")
	c.expect("\xff\xfb\x01Password: \xff\xf9")
	c.write(dontMCCP2) // the client ends compression: WONT, end of stream
	c.expect("\xff\xfc\x56")
	c.expectStreamEnd()
	c.write("x\r\n")
	c.expect("you said: x\r\n") // plain again
	c.write(doMCCP2)            // and compressed again, after our WILL
	c.expect("\xff\xfb\x56" + sbMCCP2)
	c.inflate()
	c.write("y\r\n")
	c.expect("you said: y\r\n")
}

func TestConnMCCP2EndsStreamOnClose(t *testing.T) {
	c, _, _ := connect(t, &Server{})
	c.write(doMCCP2)
	c.expect(sbMCCP2)
	c.inflate()
	c.write("quit\r\n")
	c.expect("Bye.\r\n")
	c.expectStreamEnd()
	if rest := c.readToEOF(); rest != "" {
		t.Fatalf("after the stream: %q", rest)
	}
}

func TestConnGMCP(t *testing.T) {
	c, _, _ := connect(t, &Server{})
	steps := []struct {
		send, want string
	}{
		{"gmcp\r\n", "sent: false\r\n"}, // GMCP not agreed
		{doGMCP + gmcpSB(`Core.Supports.Set ["Char 1"]`) + "gmcp\r\n", "sent: false\r\n"},
		{gmcpSB(`Core.Supports.Add ["Room 1"]`) + "gmcp\r\n", "\xff\xfa\xc9Room.Info {\"num\":1}\xff\xf0sent: true\r\n"},
		{gmcpSB(`Core.Supports.Remove ["Room 1"]`) + "gmcp\r\n", "sent: false\r\n"},
		{gmcpSB("Core.Ping"), "\xff\xfa\xc9Core.Ping\xff\xf0"},
	}
	for _, s := range steps {
		c.write(s.send)
		c.expect(s.want)
	}
}

// TestConnGMCPRequests: the client's Char.* messages reach the world's
// handler as requests once a line has gone to it; the protocol's own
// messages and anything sent before the first line do not.
func TestConnGMCPRequests(t *testing.T) {
	c, _, _ := connect(t, &Server{})
	c.write(doGMCP + gmcpSB("Char.Items.Inv") + "hello\r\n")
	c.expect("you said: hello\r\n")
	steps := []struct {
		send, want string
	}{
		{gmcpSB("Char.Items.Inv"), "data: Char.Items.Inv \r\n"},
		{gmcpSB(`char.items.contents "42"`), "data: char.items.contents \"42\"\r\n"},
		{gmcpSB(`Core.Supports.Set ["Char 1"]`) + gmcpSB("Room.Info") + "gmcp\r\n", "sent: false\r\n"},
	}
	for _, s := range steps {
		c.write(s.send)
		c.expect(s.want)
	}
}

func TestConnGMCPOverMCCP2(t *testing.T) {
	c, _, _ := connect(t, &Server{})
	c.write(doMCCP2)
	c.expect(sbMCCP2)
	c.inflate()
	c.write(doGMCP + gmcpSB(`Core.Supports.Set ["Room 1"]`) + "gmcp\r\n")
	c.expect("\xff\xfa\xc9Room.Info {\"num\":1}\xff\xf0sent: true\r\n")
}

func TestConnInfo(t *testing.T) {
	c, conn, _ := connect(t, &Server{})
	if got, want := conn.Info(), (world.ConnInfo{Transport: "telnet", RemoteAddr: c.nc.LocalAddr().String()}); got != want {
		t.Fatalf("Info before negotiation = %+v, want %+v", got, want)
	}
	c.write("\xff\xfb\x1f\xff\xfa\x1f\x00\x78\x00\x28\xff\xf0" + mtts("TINTIN++", "271"))
	c.sync()
	if got := conn.Info(); got.Client != "TINTIN++" || got.Width != 120 {
		t.Fatalf("Info = %+v, want client TINTIN++ and width 120", got)
	}
	c.write("\xff\xfa\x1f\x00\x50\x00\x18\xff\xf0") // resize
	c.sync()
	if got := conn.Info().Width; got != 80 {
		t.Fatalf("width after resize %d, want 80", got)
	}
}

func TestConnInfoHello(t *testing.T) {
	c, conn, _ := connect(t, &Server{})
	c.write(doGMCP + gmcpSB(`Core.Hello {"client":"Mudlet","version":"4.17"}`))
	c.sync()
	if got := conn.Info().Client; got != "Mudlet 4.17" {
		t.Fatalf("client %q, want the GMCP hello", got)
	}
}

func TestConnColor(t *testing.T) {
	const (
		red24  = "\x1b[38;2;255;0;0mred\x1b[0m\r\n"
		red256 = "\x1b[38;5;196mred\x1b[0m\r\n"
		red16  = "\x1b[91mred\x1b[0m\r\n"
		plain  = "red\r\n"
	)
	tests := []struct {
		name       string
		client     string
		style      func(world.Styler)
		want       string
		wantMode   world.ColorMode
		wantReader bool
	}{
		{"unknown client: none", "", nil, plain, world.ColorNone, false},
		{"MTTS truecolour", mtts("TINTIN++", "271"), nil, red24, world.ColorTrue, false},
		{"MTTS 256", mtts("X", "13"), nil, red256, world.Color256, false},
		{"MTTS 16", mtts("X", "5"), nil, red16, world.Color16, false},
		{"MTTS screen reader", mtts("X", "335"), nil, plain, world.ColorTrue, true},
		{"terminal name", willTTYPE + is("XTERM-256COLOR") + is("XTERM-256COLOR"), nil, red256, world.Color256, false},
		{"player chooses 16", mtts("X", "271"), func(s world.Styler) { s.SetColorMode(world.Color16) }, red16, world.Color16, false},
		{"player chooses none", mtts("X", "271"), func(s world.Styler) { s.SetColorMode(world.ColorNone) }, plain, world.ColorNone, false},
		{"player chooses colour over the client", "", func(s world.Styler) { s.SetColorMode(world.ColorTrue) }, red24, world.ColorTrue, false},
		{"back to auto", mtts("X", "13"), func(s world.Styler) {
			s.SetColorMode(world.Color16)
			s.SetColorMode(world.ColorAuto)
		}, red256, world.Color256, false},
		{"player turns the screen reader on", mtts("X", "271"), func(s world.Styler) { s.SetScreenReader(true) }, plain, world.ColorTrue, true},
		{"player turns the screen reader off", mtts("X", "335"), func(s world.Styler) { s.SetScreenReader(false) }, red24, world.ColorTrue, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, conn, _ := connect(t, &Server{})
			c.write(tt.client)
			c.sync()
			st := conn.(world.Styler)
			if tt.style != nil {
				tt.style(st)
			}
			c.write("color\r\n")
			c.expect(tt.want)
			if mode, reader := st.Style(); mode != tt.wantMode || reader != tt.wantReader {
				t.Fatalf("Style() = %v, %v; want %v, %v", mode, reader, tt.wantMode, tt.wantReader)
			}
		})
	}
}

func TestConnCharset(t *testing.T) {
	const (
		doCharset = "\xff\xfd\x2a"
		utf8Quote = "“Ph’nglui” — é…\r\n"
		ascii     = "\"Ph'nglui\" -- e...\r\n"
	)
	tests := []struct {
		name, client, want string
	}{
		{"nothing agreed: UTF-8", "", utf8Quote},
		{"UTF-8 accepted", doCharset + charsetSB("\x02UTF-8"), utf8Quote},
		{"UTF-8 rejected: ASCII", doCharset + charsetSB("\x03"), ascii},
		{"MTTS without UTF-8: ASCII", mtts("X", "1"), ascii},
		{"MTTS with UTF-8", mtts("X", "5"), utf8Quote},
		{"ASCII with colour", doCharset + charsetSB("\x03") + mtts("X", "1"), ascii},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _, _ := connect(t, &Server{})
			c.write(tt.client)
			c.sync()
			c.write("quote\r\n")
			c.expect(tt.want)
		})
	}
}

func TestConnColorAndASCII(t *testing.T) {
	c, conn, _ := connect(t, &Server{})
	c.write("\xff\xfd\x2a" + charsetSB("\x03"))
	c.sync()
	conn.(world.Styler).SetColorMode(world.Color16)
	conn.Send("\x1b[38;2;255;0;0m“red”\x1b[0m\n")
	c.expect("\x1b[91m\"red\"\x1b[0m\r\n")
}

func TestConnEORPrompt(t *testing.T) {
	c, _, _ := connect(t, &Server{})
	c.write("\xff\xfd\x19password\r\n") // DO EOR
	c.expect("\xff\xfb\x01Password: \xff\xef")
	c.write("\xff\xfe\x19password\r\n") // DONT EOR: GA again
	c.expect("\xff\xfc\x19Password: \xff\xf9")
}

func TestConnMSSP(t *testing.T) {
	const reply = "\r\nMSSP-REPLY-START\r\nNAME\tMythosMUD\r\nPLAYERS\t3\r\nUPTIME\t1700000000\r\nMSSP-REPLY-END\r\n"
	addr := startServer(t, &Server{Acceptor: newTestAcceptor(), MSSP: testFigures})
	c := dial(t, addr)
	c.expect(offers + "\xff\xfb\x46" + "Welcome.\r\n")
	c.write("MSSP-REQUEST\r\n")
	c.expect(reply)
	c.write("MSSP-REQUEST\r\n") // still before any line reached the world
	c.expect(reply)
	c.write("\xff\xfd\x46") // DO MSSP
	c.expect("\xff\xfa\x46\x01NAME\x02MythosMUD\x01PLAYERS\x023\x01UPTIME\x021700000000\xff\xf0")
	c.write("look\r\nMSSP-REQUEST\r\n") // once playing, it is just a line
	c.expect("you said: look\r\nyou said: MSSP-REQUEST\r\n")
}

func TestConnNoMSSP(t *testing.T) {
	c, _, _ := connect(t, &Server{})
	c.write("MSSP-REQUEST\r\n\xff\xfd\x46")
	c.expect("you said: MSSP-REQUEST\r\n\xff\xfc\x46")
}
