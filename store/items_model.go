package store

import "time"

// Item places: where an instance is. Holder names the room, character or
// container item.
const (
	PlaceRoom = "room" // on a room's floor; holder is the room id
	PlaceInv  = "inv"  // carried; holder is the character id
	PlaceWorn = "worn" // in an equipment slot; holder is the character id
	PlaceIn   = "in"   // inside a container instance; holder is its item id
)

// MetaNextItemID is the meta key holding the next item id to hand out.
const MetaNextItemID = "items.next_id"

// ItemState is one item instance as the store keeps it. A batch carries
// the latest state of every item that moved, changed, appeared or went
// (Gone), keyed by id: a move is one row, so a batch moves it atomically.
type ItemState struct {
	ID        int64
	Proto     string
	Place     string
	Holder    string
	Slot      string // the equipment slot, when worn
	State     string // a container's lock state: open, closed, locked, sealed
	Origin    string // the placement it was made for ("room#index"), if any
	DroppedAt time.Time
	Blessed   bool // a cursed item's curse is lifted
	Gone      bool // the item left the world (used up, swept, purged)
}

// Holder is a place that holds items: a room floor, a character's
// inventory or equipment, a container.
type Holder struct {
	Place, ID string
}

// ItemProto is an item prototype in the world format (docs/WORLD-ITEMS.md).
type ItemProto struct {
	ID          string         `json:"id"`
	Name        string         `json:"name"`
	Plural      string         `json:"plural,omitempty"`
	Keywords    []string       `json:"keywords"`
	RoomText    string         `json:"room_text,omitempty"`
	Description string         `json:"description"`
	Type        string         `json:"type"`
	Weight      int            `json:"weight"`
	Value       int            `json:"value"`
	Slots       []string       `json:"slots,omitempty"`
	Flags       []string       `json:"flags,omitempty"`
	Weapon      *ItemWeapon    `json:"weapon,omitempty"`
	Protection  int            `json:"protection,omitempty"`
	Use         *ItemUse       `json:"use,omitempty"`
	Container   *ItemContainer `json:"container,omitempty"`
	KeyID       string         `json:"key_id,omitempty"`
}

// ItemWeapon is a weapon's damage.
type ItemWeapon struct {
	Min      int `json:"min"`
	Max      int `json:"max"`
	Modifier int `json:"modifier"`
}

// ItemUse is what using a consumable or reading a paper does.
type ItemUse struct {
	Verb     string `json:"verb"`
	Lucidity int    `json:"lucidity,omitempty"`
	DP       int    `json:"dp,omitempty"`
	Text     string `json:"text,omitempty"`
	Consumed *bool  `json:"consumed,omitempty"`
}

// ItemContainer is what a container holds.
type ItemContainer struct {
	Capacity  int    `json:"capacity"`
	MaxWeight int    `json:"max_weight"`
	Closable  bool   `json:"closable,omitempty"`
	Key       string `json:"key,omitempty"`
}

// Placement is an item a room starts with at every reset.
type Placement struct {
	Proto    string      `json:"proto"`
	Quantity int         `json:"quantity,omitempty"`
	State    string      `json:"state,omitempty"`
	Contents []Placement `json:"contents,omitempty"`
}
