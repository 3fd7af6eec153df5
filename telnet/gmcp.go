package telnet

import (
	"bytes"
	"encoding/json"
	"strings"
)

// gmcpOption is GMCP: we offer WILL GMCP; once the client answers DO it
// may send Core.Hello, Core.Supports.Set/Add/Remove and Core.Ping, and
// receives the packages it supports (see Conn.SendData). Messages are
// "Package.Name <json>" inside IAC SB GMCP ... IAC SE.
type gmcpOption struct{}

// Code returns OptGMCP.
func (gmcpOption) Code() byte { return OptGMCP }

// AllowLocal accepts DO GMCP.
func (gmcpOption) AllowLocal() bool { return true }

// AllowRemote refuses WILL GMCP: we offer it, the client does not.
func (gmcpOption) AllowRemote() bool { return false }

// Start offers GMCP.
func (gmcpOption) Start(p Peer) { p.RequestLocal(OptGMCP, true) }

// Changed forgets the supported packages when GMCP goes off.
func (gmcpOption) Changed(p Peer, side Side, enabled bool) {
	if side == Local && !enabled {
		p.Client().gmcp = nil
	}
}

// worldRequestPrefix starts the GMCP packages the client may send that the
// world answers (Char.Items.Inv, Char.Items.Room, Char.Items.Contents).
const worldRequestPrefix = "char."

// Subnegotiation handles one message from the client; package names are
// case-insensitive, and what is not understood is ignored.
func (gmcpOption) Subnegotiation(p Peer, data []byte) {
	pkg, payload, _ := bytes.Cut(data, []byte(" "))
	c := p.Client()
	switch strings.ToLower(string(pkg)) {
	case "core.hello":
		c.Hello = helloName(payload)
	case "core.supports.set":
		c.gmcp.set(moduleList(payload))
	case "core.supports.add":
		c.gmcp.add(moduleList(payload))
	case "core.supports.remove":
		c.gmcp.remove(moduleList(payload))
	case "core.ping":
		p.Subnegotiate(OptGMCP, []byte("Core.Ping"))
	default:
		if strings.HasPrefix(strings.ToLower(string(pkg)), worldRequestPrefix) {
			c.request = &gmcpRequest{pkg: string(pkg), payload: bytes.Clone(payload)}
		}
	}
}

// helloName reads Core.Hello {"client": "Mudlet", "version": "4.17"} as
// "Mudlet 4.17".
func helloName(payload []byte) string {
	var hello struct {
		Client  string `json:"client"`
		Version string `json:"version"`
	}
	if json.Unmarshal(payload, &hello) != nil {
		return ""
	}
	return cleanName([]byte(strings.TrimSpace(hello.Client + " " + hello.Version)))
}

// moduleList reads ["Char 1", "Room 1"]; anything else gives none.
func moduleList(payload []byte) []string {
	var items []string
	if json.Unmarshal(payload, &items) != nil {
		return nil
	}
	return items
}
