package world

import (
	"encoding/json"
	"hash/fnv"

	"mythosd/store"
)

// sendData offers a structured package to c's connection, when it carries
// such data (telnet GMCP); the connection drops what its client did not ask
// for. Loop only; marshalling is the only cost when nobody listens.
func (w *World) sendData(c *Character, pkg string, v any) {
	if c.sess == nil {
		return
	}
	ds, ok := c.sess.conn.(DataSender)
	if !ok {
		return
	}
	payload, err := json.Marshal(v)
	if err != nil {
		w.log.Error("marshal data package", "package", pkg, "err", err)
		return
	}
	ds.SendData(pkg, payload)
}

// wantsData reports whether c's connection carries structured data.
func (c *Character) wantsData() bool {
	if c.sess == nil {
		return false
	}
	_, ok := c.sess.conn.(DataSender)
	return ok
}

// sendVitals sends Char.Vitals: DP as hp and maxhp (the names Mudlet's
// gauges read), lucidity and tier, level and XP.
func (w *World) sendVitals(c *Character) {
	if !c.wantsData() {
		return // building the payload costs an allocation: skip it
	}
	w.sendData(c, "Char.Vitals", struct {
		HP       int    `json:"hp"`
		MaxHP    int    `json:"maxhp"`
		Lucidity int    `json:"lucidity"`
		Tier     string `json:"tier"`
		Level    int    `json:"level"`
		XP       int64  `json:"xp"`
	}{c.dp, c.maxDP(), c.Lucidity, c.Tier().String(), level(c.xp), c.xp})
}

// sendWelcome sends what a client wants on entering: Char.Name,
// Char.Status and Char.Vitals.
func (w *World) sendWelcome(c *Character) {
	w.sendData(c, "Char.Name", struct {
		Name     string `json:"name"`
		Fullname string `json:"fullname"`
	}{c.Name, c.Name})
	w.sendData(c, "Char.Status", struct {
		Name     string `json:"name"`
		Lucidity int    `json:"lucidity"`
		Tier     string `json:"tier"`
		Explored int    `json:"explored"`
	}{c.Name, c.Lucidity, c.Tier().String(), len(c.visited)})
	w.sendVitals(c)
}

// roomInfo is GMCP Room.Info in the shape Mudlet's generic mapper reads.
type roomInfo struct {
	Num         uint32            `json:"num"`
	ID          string            `json:"id"`
	Name        string            `json:"name"`
	Area        string            `json:"area"`
	Environment string            `json:"environment"`
	Exits       map[string]uint32 `json:"exits"`
}

// sendRoomInfo sends Room.Info for room r.
func (w *World) sendRoomInfo(c *Character, r *Room) {
	if !c.wantsData() {
		return
	}
	info := roomInfo{Num: roomNum(r.ID), ID: r.ID, Name: r.Name, Area: r.Area, Environment: r.Env,
		Exits: make(map[string]uint32, len(r.Exits))}
	for _, e := range r.Exits {
		if !e.Has(store.ExitHidden) {
			info.Exits[abbrev(e.Direction)] = roomNum(e.Target)
		}
	}
	w.sendData(c, "Room.Info", info)
}

// sendChannel sends Comm.Channel.Text for a line of chat c heard.
func (w *World) sendChannel(c *Character, channel, talker, text string) {
	w.sendData(c, "Comm.Channel.Text", struct {
		Channel string `json:"channel"`
		Talker  string `json:"talker"`
		Text    string `json:"text"`
	}{channel, talker, text})
}

// roomNum is a room's stable number for mappers: a hash of its id.
func roomNum(id string) uint32 {
	h := fnv.New32a()
	h.Write([]byte(id))
	return h.Sum32() & 0x7fffffff
}

// abbrev returns a direction's short form: "north" -> "n".
func abbrev(dir string) string {
	for _, d := range directions() {
		if d.name == dir {
			return d.abbrev
		}
	}
	return dir
}
