package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// Meta keys of the last world import: the fingerprint of the folder it
// came from and when it ran (RFC 3339, UTC). With MetaWorldEdited they say
// whether the stored world holds builder changes no world folder has.
const (
	MetaWorldFingerprint = "world_fingerprint"
	MetaWorldImported    = "world_imported_at"
	// metaWorldDigest holds the digest of every part of the world as the
	// last marked import left it (JSON), to tell builders' changes from
	// a folder's.
	metaWorldDigest = "world_import_digest"
)

// ImportMark is what ImportWorldMarked records with an import.
type ImportMark struct {
	// Fingerprint identifies the world folder (worldfile.Fingerprint).
	Fingerprint string
	// At is when the import ran; it is stored as MetaWorldImported.
	At time.Time
	// StartRoom receives the items lying on floors of rooms the stored
	// world no longer has, as if dropped there at At (so they are swept
	// away like any dropped item); "" leaves them where they are.
	StartRoom string
}

// ImportWorldMarked is ImportWorld that, in the same transaction, records
// m's fingerprint and time and moves the items on floors of rooms the
// world lacks to m.StartRoom. It returns those items, their contents
// included, as they were before the move (Holder is the room they left).
func (db *DB) ImportWorldMarked(ctx context.Context, w World, m ImportMark) (ImportStats, []ItemState, error) {
	if err := validateWorld(w); err != nil {
		return ImportStats{}, nil, fmt.Errorf("import world: %w", err)
	}
	var stats ImportStats
	var moved []ItemState
	err := db.inWriteTx(ctx, func(tx *sql.Tx) error {
		var err error
		if stats, err = importAll(ctx, tx, w); err != nil {
			return err
		}
		if moved, err = rehomeStrays(ctx, tx, m.StartRoom, m.At); err != nil {
			return err
		}
		digest, err := json.Marshal(digestOf(w))
		if err != nil {
			return fmt.Errorf("encode world digest: %w", err)
		}
		for key, value := range map[string]string{
			MetaWorldFingerprint: m.Fingerprint,
			MetaWorldImported:    m.At.UTC().Format(time.RFC3339Nano),
			metaWorldDigest:      string(digest),
		} {
			if _, err := tx.ExecContext(ctx, upsertMeta, key, value); err != nil {
				return fmt.Errorf("set meta %s: %w", key, err)
			}
		}
		return nil
	})
	if err != nil {
		return ImportStats{}, nil, fmt.Errorf("import world: %w", err)
	}
	db.log.Info("world imported", "added", stats.Added, "updated", stats.Updated,
		"unchanged", stats.Unchanged, "removed", stats.Removed, "items_moved", len(moved))
	return stats, moved, nil
}

// strayFloor selects the items lying on floors of rooms that do not exist.
const strayFloor = `place = 'room' AND holder NOT IN (SELECT id FROM rooms)`

// rehomeStrays moves the items on floors of missing rooms to start, as
// dropped there at now, and returns them with their contents, as they
// were.
func rehomeStrays(ctx context.Context, tx *sql.Tx, start string, now time.Time) ([]ItemState, error) {
	if start == "" {
		return nil, nil
	}
	out, err := queryItems(ctx, tx, `SELECT `+itemColumns+` FROM items WHERE `+strayFloor+` ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("read stray items: %w", err)
	}
	for i := 0; i < len(out) && i < maxStrays; i++ {
		inner, err := queryItems(ctx, tx, itemsOfHolder,
			PlaceIn, fmt.Sprint(out[i].ID))
		if err != nil {
			return nil, fmt.Errorf("read contents of item %d: %w", out[i].ID, err)
		}
		out = append(out, inner...)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE items SET holder = ?, origin = '', dropped_at = ? WHERE `+strayFloor,
		start, toNanos(now)); err != nil {
		return nil, fmt.Errorf("move stray items to %s: %w", start, err)
	}
	return out, nil
}

// maxStrays bounds the stray items (contents included) an import reads
// back; it moves them all regardless.
const maxStrays = 100_000

// queryItems runs an item query (of itemColumns) through q.
func queryItems(ctx context.Context, q querier, query string, args ...any) ([]ItemState, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ItemState
	for rows.Next() {
		it, err := scanItem(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, it)
	}
	return out, rows.Err()
}

// WorldImport is what the store knows of its last world import.
type WorldImport struct {
	Fingerprint string    // "" before the first marked import
	At          time.Time // zero before the first marked import
	EditedAt    time.Time // the last builder change; zero when none
}

// EditedSince reports whether a builder changed the world after the last
// marked import.
func (wi WorldImport) EditedSince() bool { return wi.EditedAt.After(wi.At) }

// LastWorldImport reads the import marks and the last builder change,
// through the write-behind writer.
func (db *DB) LastWorldImport(ctx context.Context) (WorldImport, error) {
	var wi WorldImport
	var err error
	if wi.Fingerprint, err = db.metaOr(ctx, MetaWorldFingerprint); err != nil {
		return WorldImport{}, err
	}
	if wi.At, err = db.metaTime(ctx, MetaWorldImported); err != nil {
		return WorldImport{}, err
	}
	if wi.EditedAt, err = db.metaTime(ctx, MetaWorldEdited); err != nil {
		return WorldImport{}, err
	}
	return wi, nil
}

// metaOr returns the value of key, "" when unset.
func (db *DB) metaOr(ctx context.Context, key string) (string, error) {
	v, err := db.MetaGet(ctx, key)
	if errors.Is(err, ErrNotFound) {
		return "", nil
	}
	return v, err
}

// metaTime returns the time stored under key, zero when unset.
func (db *DB) metaTime(ctx context.Context, key string) (time.Time, error) {
	v, err := db.metaOr(ctx, key)
	if err != nil || v == "" {
		return time.Time{}, err
	}
	t, err := time.Parse(time.RFC3339Nano, v)
	if err != nil {
		return time.Time{}, fmt.Errorf("meta %s: %q is not a time: %w", key, v, err)
	}
	return t, nil
}

// WorldConflicts lists what importing w would change or remove of the
// changes builders made in the game since the last import: nothing when
// they made none; else every part (room, zone, item prototype, NPC,
// spawn) that differs from what the last import left and that w has
// otherwise than the store ("room X changed", "room X removed" when w
// lacks it, "room X added" when a builder removed it), at most limit of
// them, sorted, and how many there are. A part only w changed is no
// conflict, so a folder exported from the store, with other changes merged
// in, imports. Before the first marked import every difference counts.
func (db *DB) WorldConflicts(ctx context.Context, w World, limit int) ([]string, int, error) {
	wi, err := db.LastWorldImport(ctx)
	if err != nil || !wi.EditedSince() {
		return nil, 0, err
	}
	stored, err := db.World(ctx)
	if err != nil {
		return nil, 0, err
	}
	base, err := db.importDigest(ctx)
	if err != nil {
		return nil, 0, err
	}
	list := conflicts(base, digestOf(stored), digestOf(w))
	return list[:min(limit, len(list))], len(list), nil
}

// importDigest returns the digest the last marked import left, nil when
// there is none.
func (db *DB) importDigest(ctx context.Context) (worldDigest, error) {
	v, err := db.metaOr(ctx, metaWorldDigest)
	if err != nil || v == "" {
		return nil, err
	}
	var d worldDigest
	if err := json.Unmarshal([]byte(v), &d); err != nil {
		return nil, fmt.Errorf("meta %s: %w", metaWorldDigest, err)
	}
	return d, nil
}
