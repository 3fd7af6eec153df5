package telnet

import (
	"slices"
	"testing"
)

// wantGMCP returns a check of the client's hello and of which packages
// it supports among a few the world sends.
func wantGMCP(hello string, supported ...string) func(testing.TB, *negotiator) {
	return func(tb testing.TB, n *negotiator) {
		tb.Helper()
		c := n.Client()
		if c.Hello != hello {
			tb.Fatalf("hello %q, want %q", c.Hello, hello)
		}
		var got []string
		for _, pkg := range []string{"Char.Name", "Char.Vitals", "Room.Info", "Comm.Channel.Text"} {
			if c.gmcp.supports(pkg) {
				got = append(got, pkg)
			}
		}
		if !slices.Equal(got, supported) {
			tb.Fatalf("supports %q, want %q", got, supported)
		}
	}
}

// gmcpSB is a GMCP message.
func gmcpSB(msg string) string { return "\xff\xfa\xc9" + msg + "\xff\xf0" }

func TestGMCP(t *testing.T) {
	const (
		willGMCP = "\xff\xfb\xc9"
		doGMCP   = "\xff\xfd\xc9"
	)
	runOptionCases(t, only(func() Option { return gmcpOption{} }), []optionCase{
		{"offers at the start", "", willGMCP, wantGMCP("")},
		{"hello", doGMCP + gmcpSB(`Core.Hello {"client": "Mudlet", "version": "4.17.2"}`), willGMCP, wantGMCP("Mudlet 4.17.2")},
		{"supports set", doGMCP + gmcpSB(`Core.Supports.Set ["Char 1", "Room 1"]`), willGMCP,
			wantGMCP("", "Char.Name", "Char.Vitals", "Room.Info")},
		{"sub-package only", doGMCP + gmcpSB(`Core.Supports.Set ["Char.Vitals 1", "Comm.Channel 1"]`), willGMCP,
			wantGMCP("", "Char.Vitals", "Comm.Channel.Text")},
		{"set replaces", doGMCP + gmcpSB(`Core.Supports.Set ["Char 1"]`) + gmcpSB(`Core.Supports.Set ["Room 1"]`), willGMCP,
			wantGMCP("", "Room.Info")},
		{"add and remove", doGMCP + gmcpSB(`Core.Supports.Set ["Char 1"]`) + gmcpSB(`Core.Supports.Add ["Room 1", "Comm 1"]`) +
			gmcpSB(`Core.Supports.Remove ["Char"]`), willGMCP, wantGMCP("", "Room.Info", "Comm.Channel.Text")},
		{"names are case-insensitive", doGMCP + gmcpSB(`core.supports.set ["room.info 1"]`), willGMCP, wantGMCP("", "Room.Info")},
		{"ping answered", doGMCP + gmcpSB("Core.Ping"), willGMCP + gmcpSB("Core.Ping"), wantGMCP("")},
		{"bad JSON ignored", doGMCP + gmcpSB(`Core.Supports.Set ["Room 1"`) + gmcpSB(`Core.Hello nope`), willGMCP, wantGMCP("")},
		{"unknown packages ignored", doGMCP + gmcpSB(`Char.Login {"name": "x"}`) + gmcpSB(""), willGMCP, wantGMCP("")},
		{"before agreement ignored", gmcpSB(`Core.Supports.Set ["Room 1"]`), willGMCP, wantGMCP("")},
		{"withdrawn forgets", doGMCP + gmcpSB(`Core.Supports.Set ["Room 1"]`) + "\xff\xfe\xc9", willGMCP + "\xff\xfc\xc9", wantGMCP("")},
		{"client's WILL refused", "\xff\xfb\xc9", willGMCP + "\xff\xfe\xc9", wantGMCP("")},
		{"IAC in JSON undoubled", doGMCP + gmcpSB("Core.Hello {\"client\": \"x\xff\xff\"}"), willGMCP, wantGMCP("x")},
	})
}

func TestGMCPModulesBounded(t *testing.T) {
	var m gmcpModules
	items := make([]string, 0, 2*maxGMCPModules)
	for i := range 2 * maxGMCPModules {
		items = append(items, string(rune('a'+i%26))+string(rune('a'+i/26))+" 1")
	}
	items = append(items, string(make([]byte, maxGMCPModuleName+1))+" 1", "", "   ")
	m.add(items)
	m.add(items)
	if len(m) != maxGMCPModules {
		t.Fatalf("%d modules kept, want %d", len(m), maxGMCPModules)
	}
	m.remove(items)
	if len(m) != 0 {
		t.Fatalf("%d modules left after removing all", len(m))
	}
}
