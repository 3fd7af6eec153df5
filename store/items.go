package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// maxItemDepth bounds how deep ItemsOf follows containers: a holder, its
// containers and theirs (nesting is two deep), and one more for safety.
const maxItemDepth = 4

// ItemsOf returns every item the holders hold, with the contents of the
// containers among them, nested to any depth the world allows. It reads
// through the write-behind writer: an item submitted as moved away (or
// gone) is left out even while the database still has it where it was, and
// one submitted as moved here is in.
func (db *DB) ItemsOf(ctx context.Context, holders ...Holder) ([]ItemState, error) {
	overlay := db.w.items() // before the database, as in CharacterByAccount
	var out []ItemState
	for depth := 0; len(holders) > 0 && depth < maxItemDepth; depth++ {
		var next []Holder
		for _, h := range holders {
			found, err := db.itemsAt(ctx, h, overlay)
			if err != nil {
				return nil, fmt.Errorf("items of %s %s: %w", h.Place, h.ID, err)
			}
			for _, it := range found {
				out = append(out, it)
				next = append(next, Holder{Place: PlaceIn, ID: strconv.FormatInt(it.ID, 10)})
			}
		}
		holders = next
	}
	return out, nil
}

// itemsOfHolder reads what one holder (place, holder) holds directly.
const itemsOfHolder = `SELECT ` + itemColumns + ` FROM items WHERE place = ? AND holder = ? ORDER BY id`

// itemsAt returns what one holder holds directly, overlay applied.
func (db *DB) itemsAt(ctx context.Context, h Holder, overlay map[int64]ItemState) ([]ItemState, error) {
	stored, err := queryItems(ctx, db.read, itemsOfHolder,
		h.Place, h.ID)
	if err != nil {
		return nil, err
	}
	out := stored[:0]
	for _, it := range stored {
		if _, moved := overlay[it.ID]; !moved {
			out = append(out, it)
		}
	}
	for _, it := range overlay {
		if !it.Gone && it.Place == h.Place && it.Holder == h.ID {
			out = append(out, it)
		}
	}
	return out, nil
}

const itemColumns = `id, proto, place, holder, slot, state, origin, dropped_at, blessed`

func scanItem(s scanner) (ItemState, error) {
	var it ItemState
	var dropped sql.NullInt64
	err := s.Scan(&it.ID, &it.Proto, &it.Place, &it.Holder, &it.Slot, &it.State, &it.Origin, &dropped, &it.Blessed)
	it.DroppedAt = fromNanos(dropped)
	return it, err
}

// AllItems returns every stored item by id, read through the writer; for
// checks and tests (it reads the whole table).
func (db *DB) AllItems(ctx context.Context) (map[int64]ItemState, error) {
	overlay := db.w.items()
	rows, err := db.read.QueryContext(ctx, `SELECT `+itemColumns+` FROM items`)
	if err != nil {
		return nil, fmt.Errorf("all items: %w", err)
	}
	defer rows.Close()
	all := map[int64]ItemState{}
	for rows.Next() {
		it, err := scanItem(rows)
		if err != nil {
			return nil, fmt.Errorf("all items: %w", err)
		}
		all[it.ID] = it
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("all items: %w", err)
	}
	for id, it := range overlay {
		if it.Gone {
			delete(all, id)
		} else {
			all[id] = it
		}
	}
	return all, nil
}

// NextItemID returns the first item id never handed out: past the meta
// counter (read through the writer) and past every stored id.
func (db *DB) NextItemID(ctx context.Context) (int64, error) {
	var maxID sql.NullInt64
	if err := db.read.QueryRowContext(ctx, `SELECT MAX(id) FROM items`).Scan(&maxID); err != nil {
		return 0, fmt.Errorf("next item id: %w", err)
	}
	next := maxID.Int64 + 1
	v, err := db.MetaGet(ctx, MetaNextItemID)
	switch {
	case errors.Is(err, ErrNotFound):
	case err != nil:
		return 0, fmt.Errorf("next item id: %w", err)
	default:
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return 0, fmt.Errorf("next item id: meta %s = %q: %w", MetaNextItemID, v, err)
		}
		next = max(next, n)
	}
	return max(next, 1), nil
}

// items returns the newest uncommitted state of every item in the writer.
func (w *writer) items() map[int64]ItemState {
	out := map[int64]ItemState{}
	w.overlay(func(p *pending) {
		for id, it := range p.items {
			out[id] = it
		}
	})
	return out
}

// writeItems upserts the items of p and deletes those gone.
func writeItems(ctx context.Context, tx *sql.Tx, p *pending) (int64, error) {
	if len(p.items) == 0 {
		return 0, nil
	}
	upsert, err := prepare(ctx, tx, "item upsert", `INSERT INTO items (`+itemColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET proto = excluded.proto, place = excluded.place, holder = excluded.holder,
			slot = excluded.slot, state = excluded.state, origin = excluded.origin,
			dropped_at = excluded.dropped_at, blessed = excluded.blessed`)
	if err != nil {
		return 0, err
	}
	defer upsert.close()
	del, err := prepare(ctx, tx, "item delete", `DELETE FROM items WHERE id = ?`)
	if err != nil {
		return 0, err
	}
	defer del.close()
	for _, id := range sortedKeys(p.items) {
		it := p.items[id]
		if it.Gone {
			err = del.exec(id)
		} else {
			err = upsert.exec(id, it.Proto, it.Place, it.Holder, it.Slot, it.State, it.Origin,
				toNanos(it.DroppedAt), it.Blessed)
		}
		if err != nil {
			return 0, fmt.Errorf("write item %d: %w", id, err)
		}
	}
	return upsert.rows + del.rows, nil
}

// ItemProtos returns the stored item prototypes, by id order.
// It reads through the writer's building changes (world_edits_protos.go).
func (db *DB) ItemProtos(ctx context.Context) ([]ItemProto, error) {
	edits := db.w.worldEdits()
	list, err := readBlobs[ItemProto](ctx, db.read, "item_protos")
	if err != nil {
		return nil, err
	}
	return overBlobs(list, edits.protos, func(p ItemProto) string { return p.ID }), nil
}

// importItemProtos makes the stored prototypes equal to protos and returns
// how many it added, changed or removed.
func importItemProtos(ctx context.Context, tx *sql.Tx, protos []ItemProto) (int, error) {
	return importBlobs(ctx, tx, "item_protos", protos, func(p ItemProto) string { return p.ID })
}

// encodeAttributes stores attributes as "STR,CON,...", "" when not rolled.
func encodeAttributes(a Attributes) string {
	if a == (Attributes{}) {
		return ""
	}
	parts := make([]string, len(a))
	for i, v := range a {
		parts[i] = strconv.Itoa(v)
	}
	return strings.Join(parts, ",")
}

// decodeAttributes reads what encodeAttributes wrote; anything else is
// "not rolled".
func decodeAttributes(s string) Attributes {
	var a Attributes
	parts := strings.Split(s, ",")
	if len(parts) != len(a) {
		return Attributes{}
	}
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil {
			return Attributes{}
		}
		a[i] = v
	}
	return a
}

// SetAttributes records a new character's rolled attributes at once (the
// login dialogue, before the character enters the world; later changes
// travel in batches).
func (db *DB) SetAttributes(ctx context.Context, characterID int64, a Attributes) error {
	if _, err := db.write.ExecContext(ctx, `UPDATE characters SET attributes = ? WHERE id = ?`,
		encodeAttributes(a), characterID); err != nil {
		return fmt.Errorf("set attributes of character %d: %w", characterID, err)
	}
	return nil
}
