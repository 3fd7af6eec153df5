package store

// NPC kinds.
const (
	NPCPassive    = "passive"
	NPCAggressive = "aggressive"
	NPCShopkeeper = "shopkeeper"
)

// NPCDef is an NPC definition in the world format (docs/WORLD-NPCS.md).
type NPCDef struct {
	ID          string       `json:"id"`
	Name        string       `json:"name"`
	Keywords    []string     `json:"keywords"`
	RoomText    string       `json:"room_text"`
	Description string       `json:"description"`
	Kind        string       `json:"kind"`
	Lucidity    string       `json:"lucidity,omitempty"` // none (""), disturbing, horrific, cosmic
	DP          int          `json:"dp"`
	DEX         int          `json:"dex"`
	STR         int          `json:"str"`
	Damage      NPCDamage    `json:"damage"`
	Protection  int          `json:"protection,omitempty"`
	XP          int          `json:"xp,omitempty"`
	Loot        []NPCLoot    `json:"loot,omitempty"`
	Behaviour   NPCBehaviour `json:"behaviour"`
	Shop        *NPCShop     `json:"shop,omitempty"`
}

// NPCDamage is what an NPC's blow does.
type NPCDamage struct {
	Min int `json:"min"`
	Max int `json:"max"`
}

// NPCLoot is one line of a loot table: an item prototype, the chance that
// it drops, and how many.
type NPCLoot struct {
	Proto    string  `json:"proto"`
	Chance   float64 `json:"chance"`
	Quantity int     `json:"quantity"`
}

// NPCBehaviour is what an NPC does on its own.
type NPCBehaviour struct {
	WanderSeconds int     `json:"wander_seconds,omitempty"` // 0: stays put
	Greet         string  `json:"greet,omitempty"`          // said to who enters
	FleeBelow     float64 `json:"flee_below,omitempty"`     // share of DP
}

// NPCShop is a shopkeeper's stock.
type NPCShop struct {
	Stock []NPCStock `json:"stock"`
}

// NPCStock is one line of a shop's stock.
type NPCStock struct {
	Proto    string `json:"proto"`
	Quantity int    `json:"quantity"`
}

// Spawn times of day.
const (
	SpawnAny   = "any"
	SpawnDay   = "day"
	SpawnNight = "night"
)

// NPCSpawn is where an NPC appears: a population of at most Max, each
// appearing with probability Chance at the time of day Time, in one of
// Rooms (one room, or every room of a sub-zone).
type NPCSpawn struct {
	ID     string   `json:"id"` // the file's room or sub-zone id, "#", index
	NPC    string   `json:"npc"`
	Rooms  []string `json:"rooms"`
	Max    int      `json:"max"`
	Chance float64  `json:"chance"`
	Time   string   `json:"time"`
}
