package world

import "strconv"

// gmcpItem is one item in the IRE Char.Items shape Mudlet packages read.
type gmcpItem struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Attrib string `json:"attrib,omitempty"`
}

// gmcpItemList is Char.Items.List.
type gmcpItemList struct {
	Location string     `json:"location"`
	Items    []gmcpItem `json:"items"`
}

// gmcpItemOne is Char.Items.Add, Remove and Update.
type gmcpItemOne struct {
	Location string   `json:"location"`
	Item     gmcpItem `json:"item"`
}

// gmcpOf describes it: attrib w worn, W wearable, c container, t takeable.
func gmcpOf(it *Item) gmcpItem {
	attrib := ""
	if it.where == worn {
		attrib += "w"
	} else if len(it.proto.slots) > 0 {
		attrib += "W"
	}
	if it.proto.isContainer() {
		attrib += "c"
	}
	if it.where == onFloor && !it.proto.has(flagFixed) {
		attrib += "t"
	}
	return gmcpItem{ID: strconv.FormatInt(it.ID, 10), Name: it.name(), Attrib: attrib}
}

// sendItemList sends Char.Items.List of c's inventory ("inv") or room.
func (w *World) sendItemList(c *Character, location string) {
	if !c.wantsData() {
		return
	}
	list := gmcpItemList{Location: location, Items: []gmcpItem{}}
	items := w.floorItems(c)
	if location == "inv" {
		items = append(append([]*Item(nil), c.inv...), c.wornList()...)
	}
	for _, it := range items {
		list.Items = append(list.Items, gmcpOf(it))
	}
	if location == "room" {
		for _, n := range w.visibleNPCs(c) {
			list.Items = append(list.Items, gmcpNPC(n))
		}
	}
	w.sendData(c, "Char.Items.List", list)
}

// sendContents sends Char.Items.List of what box holds, as location
// "rep<id>" (IRE's shape for a container's contents).
func (w *World) sendContents(c *Character, box *Item) {
	if !c.wantsData() {
		return
	}
	list := gmcpItemList{Location: "rep" + strconv.FormatInt(box.ID, 10), Items: make([]gmcpItem, 0, len(box.contents))}
	for _, it := range box.contents {
		list.Items = append(list.Items, gmcpOf(it))
	}
	w.sendData(c, "Char.Items.List", list)
}

// itemEvent tells the clients that watch them that it left one place and
// reached another: Remove and Add for inventories and floors, Update when
// it stays with the same character (worn, taken off).
func (w *World) itemEvent(it *Item, from, to itemPlace) {
	if (from.where == carried || from.where == worn) && (to.where == carried || to.where == worn) && from.char == to.char {
		w.sendItem(from.char, "Char.Items.Update", "inv", it)
		return
	}
	switch from.where {
	case carried, worn:
		w.sendItem(from.char, "Char.Items.Remove", "inv", it)
	case onFloor:
		w.sendRoomItem(from.room, "Char.Items.Remove", it)
	}
	switch to.where {
	case carried, worn:
		w.sendItem(to.char, "Char.Items.Add", "inv", it)
	case onFloor:
		w.sendRoomItem(to.room, "Char.Items.Add", it)
	}
}

// sendItem sends one item package to c.
func (w *World) sendItem(c *Character, pkg, location string, it *Item) {
	if c != nil && c.wantsData() {
		w.sendData(c, pkg, gmcpItemOne{Location: location, Item: gmcpOf(it)})
	}
}

// sendRoomItem sends one item package to everyone in room id.
func (w *World) sendRoomItem(id, pkg string, it *Item) {
	p := w.places[id]
	if p == nil {
		return
	}
	for _, o := range p.chars {
		w.sendItem(o, pkg, "room", it)
	}
}
