package store

import (
	"encoding/json"
	"time"
)

// Directions returns the ten exit directions in the order rooms show them.
func Directions() [10]string {
	return [10]string{
		"north", "south", "east", "west",
		"northeast", "northwest", "southeast", "southwest",
		"up", "down",
	}
}

// Exit flags known to the world format.
const (
	ExitOneWay        = "one_way"
	ExitHidden        = "hidden"
	ExitLocked        = "locked"
	ExitSelfReference = "self_reference"
)

// Zone is a zone or a sub-zone of the world: its place in the hierarchy and
// the attributes its config file gives it.
type Zone struct {
	// ID is "{plane}_{zone}" for a zone and "{plane}_{zone}_{subzone}" for a sub-zone.
	ID      string
	Plane   string
	Zone    string
	SubZone string // empty for a zone
	Name    string
	// Description is the config's prose, shown nowhere yet but kept.
	Description string
	// Environment is the config's environment, or "" when it names none.
	Environment string
	// DrainRate is special_rules.lucidity_drain_rate (older data:
	// sanity_drain_rate), 0 when absent.
	DrainRate float64
	// Attributes is the config file's JSON as read, for rules to come.
	Attributes string
}

// Exit is one way out of a room.
type Exit struct {
	Direction   string
	Target      string // a room id
	Flags       []string
	Description string
	// Key is the key_id that unlocks a locked exit, "" for none.
	Key string
}

// Has reports whether the exit carries flag.
func (e Exit) Has(flag string) bool {
	for _, f := range e.Flags {
		if f == flag {
			return true
		}
	}
	return false
}

// Room is one room of the world as the store keeps it.
type Room struct {
	ID          string
	Name        string
	Description string
	Plane       string
	Zone        string
	SubZone     string
	// Environment is the room's own environment, or "" when it names none;
	// the effective one falls back to the sub-zone's, the zone's, then outdoors.
	Environment string
	Exits       []Exit
	// Attributes holds the room file's extra keys as JSON (encounters,
	// overrides and whatever later rules read).
	Attributes string
	// SourceFile is the file the room came from, for messages.
	SourceFile string
}

// Exit returns the room's exit in direction dir.
func (r *Room) Exit(dir string) (Exit, bool) {
	for _, e := range r.Exits {
		if e.Direction == dir {
			return e, true
		}
	}
	return Exit{}, false
}

// World is a whole world to import: its zones, sub-zones and rooms.
type World struct {
	Zones  []Zone // zones and sub-zones together
	Rooms  []Room
	Items  []ItemProto // item prototypes
	NPCs   []NPCDef    // NPC definitions
	Spawns []NPCSpawn  // where NPCs appear
}

// Account is a login: a name, its password hash and its rights.
type Account struct {
	ID           int64
	Name         string
	PasswordHash string
	Admin        bool // holds the admin role
	Builder      bool // holds the builder role
	Frozen       bool // its commands are refused until an admin thaws it
	CreatedAt    time.Time
}

// Character is a player's character as the store keeps it.
type Character struct {
	ID        int64
	AccountID int64
	Name      string
	RoomID    string
	Lucidity  int
	// Residual is the fraction of a lucidity point, in thousandths, that
	// passive flux has accumulated but not yet applied.
	Residual   int
	CreatedAt  time.Time
	LastActive time.Time
	// Attributes are STR, CON, DEX, POW, CHA, LUCK, SIZ, INT, EDU; all 0
	// until rolled.
	Attributes Attributes
	Money      int64 // cents
	// Wounds are the DP below the maximum: 0 when unhurt.
	Wounds int
	XP     int64
	Prompt string // the player's prompt format; "" for the default
}

// Attributes are a character's nine attributes in the order STR, CON, DEX,
// POW, CHA, LUCK, SIZ, INT, EDU.
type Attributes [9]int

// CharacterState is the part of a character that the world loop changes
// and hands to the write-behind writer.
type CharacterState struct {
	ID         int64
	RoomID     string
	Lucidity   int
	Residual   int
	LastActive time.Time
	Attributes Attributes
	Money      int64
	Wounds     int
	XP         int64
	Prompt     string
}

// Fact is one named integer the world keeps about a character: a ritual's
// cooldown ("cooldown.pray", unix nanoseconds when it is ready), an
// encounter count ("encounters.horrific"), a liability's stacks
// ("liability.night_terrors"). A fact whose Value is 0 is deleted.
type Fact struct {
	CharacterID int64
	Key         string
	Value       int64
}

// LucidityChange is one change of a character's lucidity, for the log.
type LucidityChange struct {
	CharacterID int64
	Delta       int
	Reason      string // a reason code: passive_flux, pray, encounter_horrific, admin, ...
	At          time.Time
}

// Visit records a character's first visit to a room.
type Visit struct {
	CharacterID int64
	RoomID      string
	At          time.Time
}

// Batch is one tick's worth of changes for the writer. Batches merge: the
// latest state of each character wins, visits are kept once, the latest
// value of each fact and meta key wins, and lucidity changes of one
// character with one reason are summed (so a stalled writer holds at most
// one log entry per character and reason); the latest edit of each room
// wins.
type Batch struct {
	Characters map[int64]CharacterState
	Visits     []Visit
	Facts      []Fact
	Changes    []LucidityChange
	Meta       map[string]string
	// Items holds the latest state of each item that changed, by id.
	Items map[int64]ItemState
	Bans  []BanChange // the latest change of each target wins
	Chat  []ChatLine  // lines said, oldest first, for the chat log
	// Rooms holds the latest edit of each room built in the game, by id.
	Rooms map[string]RoomEdit
	// Building in the game (world_edits_protos.go): the latest version of
	// each prototype and NPC definition changed, by id (nil: removed); the
	// latest value of each room or zone key changed (nil: removed); the
	// whole list of spawns of each owner changed (a room's own spawns, or a
	// sub-zone's), by owner id.
	Protos    map[string]*ItemProto
	NPCDefs   map[string]*NPCDef
	RoomAttrs map[AttrKey]json.RawMessage
	ZoneAttrs map[AttrKey]json.RawMessage
	Spawns    map[string][]NPCSpawn
}
