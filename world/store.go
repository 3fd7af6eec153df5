package world

import (
	"context"
	"time"

	"mythosd/store"
)

// Store is what the world needs from persistence; *store.DB provides it.
// The world loop itself never calls it: loads run on their own goroutines
// and writes leave as batches through Submit, which never blocks on I/O.
type Store interface {
	AccountByName(ctx context.Context, name string) (store.Account, error)
	CreateCharacter(ctx context.Context, name, passwordHash, roomID string, lucidity int, now time.Time) (store.Account, store.Character, error)
	// The characters of an account (the character menu, characters,
	// rename, delete).
	CharacterByName(ctx context.Context, name string) (store.Character, error)
	CharactersOf(ctx context.Context, accountID int64) ([]store.Character, error)
	AddCharacter(ctx context.Context, accountID int64, name, roomID string, lucidity, limit int, now time.Time) (store.Character, error)
	RenameCharacter(ctx context.Context, id int64, newName string) (string, error)
	DeleteCharacter(ctx context.Context, id int64) (int64, error)
	Visits(ctx context.Context, characterID int64) ([]string, error)
	Facts(ctx context.Context, characterID int64) (map[string]int64, error)
	Room(ctx context.Context, id string) (store.Room, error)
	Zone(ctx context.Context, id string) (store.Zone, error)
	// RoomIDs returns every room's id, sorted (dig picks a free one).
	RoomIDs(ctx context.Context) ([]string, error)
	// SubZoneRooms lists a sub-zone's rooms (spawn zone).
	SubZoneRooms(ctx context.Context, plane, zone, subZone string) ([]string, error)
	// RoomsLeadingTo lists the rooms with an exit to a room (rdelete).
	RoomsLeadingTo(ctx context.Context, id string) ([]string, error)
	// ItemsOf returns what the holders hold, containers' contents included.
	ItemsOf(ctx context.Context, holders ...store.Holder) ([]store.ItemState, error)
	// The SSH keys players register (keys add, list, remove).
	AddKey(ctx context.Context, account string, k store.PlayerKey) (store.PlayerKey, error)
	Keys(ctx context.Context, account string) ([]store.PlayerKey, error)
	RemoveKey(ctx context.Context, account, fingerprint string) error
	AccountByKeyFingerprint(ctx context.Context, fingerprint string) (store.Account, error)
	// SetAttributes records a new character's rolled attributes.
	SetAttributes(ctx context.Context, characterID int64, a store.Attributes) error
	// Submit hands a batch to the write-behind writer without waiting.
	Submit(b store.Batch) bool
	// Stats describes the writer; it never waits on I/O.
	Stats() store.WriterStats
	SetMute(ctx context.Context, m store.Mute) error
	Unmute(ctx context.Context, owner int64, name string) error
	Mutes(ctx context.Context, owners []int64, now time.Time) (map[int64][]store.Mute, error)
	// OnHealth has fn called when commits start failing or succeed again.
	OnHealth(fn func(store.Health))
	// SetRole, SetFrozen and SetPassword change an account (admin role
	// and freeze commands, password).
	SetRole(ctx context.Context, name string, role store.Role, grant bool) error
	SetFrozen(ctx context.Context, name string, frozen bool) error
	SetPassword(ctx context.Context, name, hash string) error
	// ChatLog reads what name said since a time (admin chatlog).
	ChatLog(ctx context.Context, name string, since time.Time) ([]store.ChatLine, error)
	// Bans reads the bans in force at now; changes leave through Submit.
	Bans(ctx context.Context, now time.Time) ([]store.Ban, error)
	// Staff reads the builders and admins, for the console.
	Staff(ctx context.Context) ([]store.StaffMember, error)
}
