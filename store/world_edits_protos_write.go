package store

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// writeWorldEdits commits the building changes of p: prototypes and
// definitions (written as ImportWorld writes them, so a later import of
// the same world finds them unchanged), room and zone keys (patched into
// the row as it stands in this transaction) and the owners' spawns.
func writeWorldEdits(ctx context.Context, tx *sql.Tx, p *pending) (int64, error) {
	e := &p.edits
	if e.size() == 0 {
		return 0, nil
	}
	n, err := writeBlobChanges(ctx, tx, "item_protos", e.protos)
	if err != nil {
		return 0, err
	}
	m, err := writeBlobChanges(ctx, tx, "npc_defs", e.npcs)
	if err != nil {
		return 0, err
	}
	n += m
	if m, err = writeAttrs(ctx, tx, "rooms", e.attrs, SetAttribute); err != nil {
		return 0, err
	}
	n += m
	if m, err = writeAttrs(ctx, tx, "zones", e.zattrs, SetConfigKey); err != nil {
		return 0, err
	}
	n += m
	m, err = writeSpawns(ctx, tx, e.spawns)
	return n + m, err
}

// writeBlobChanges upserts or deletes the rows of table by id.
func writeBlobChanges[T any](ctx context.Context, tx *sql.Tx, table string, changes map[string]*T) (int64, error) {
	var n int64
	for _, id := range sortedKeys(changes) {
		var res sql.Result
		var err error
		if v := changes[id]; v == nil {
			res, err = tx.ExecContext(ctx, `DELETE FROM `+table+` WHERE id = ?`, id)
		} else {
			var b []byte
			if b, err = json.Marshal(v); err != nil {
				return 0, fmt.Errorf("encode %s %s: %w", table, id, err)
			}
			res, err = tx.ExecContext(ctx, `INSERT INTO `+table+` (id, data) VALUES (?, ?)
				ON CONFLICT (id) DO UPDATE SET data = excluded.data`, id, string(b))
		}
		if err != nil {
			return 0, fmt.Errorf("write %s %s: %w", table, id, err)
		}
		n += affected(res)
	}
	return n, nil
}

// writeAttrs patches keys of the attributes of the rows of table (rooms
// or zones) with set; a row no longer stored is skipped rather than failing
// the batch for ever.
func writeAttrs(ctx context.Context, tx *sql.Tx, table string, attrs map[AttrKey]json.RawMessage,
	set func(string, string, json.RawMessage) (string, error)) (int64, error) {
	keys := make([]AttrKey, 0, len(attrs))
	for k := range attrs {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b AttrKey) int {
		return cmp.Or(strings.Compare(a.ID, b.ID), strings.Compare(a.Key, b.Key))
	})
	var n int64
	for _, k := range keys {
		var old string
		err := tx.QueryRowContext(ctx, `SELECT attributes FROM `+table+` WHERE id = ?`, k.ID).Scan(&old)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return 0, fmt.Errorf("read %s %s: %w", table, k.ID, err)
		}
		next, err := set(old, k.Key, attrs[k])
		if err != nil {
			return 0, fmt.Errorf("%s %s: %w", table, k.ID, err)
		}
		res, err := tx.ExecContext(ctx, `UPDATE `+table+` SET attributes = ? WHERE id = ?`, next, k.ID)
		if err != nil {
			return 0, fmt.Errorf("write %s %s %s: %w", table, k.ID, k.Key, err)
		}
		n += affected(res)
	}
	return n, nil
}

// writeSpawns replaces each owner's spawns ("owner#index": a room's own,
// or a sub-zone's).
func writeSpawns(ctx context.Context, tx *sql.Tx, owners map[string][]NPCSpawn) (int64, error) {
	var n int64
	for _, owner := range sortedKeys(owners) {
		// '$' follows '#': the range is exactly the ids "owner#...".
		res, err := tx.ExecContext(ctx, `DELETE FROM npc_spawns WHERE id >= ? AND id < ?`, owner+"#", owner+"$")
		if err != nil {
			return 0, fmt.Errorf("clear spawns of %s: %w", owner, err)
		}
		n += affected(res)
		for _, sp := range owners[owner] {
			b, err := json.Marshal(sp)
			if err != nil {
				return 0, fmt.Errorf("encode spawn %s: %w", sp.ID, err)
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO npc_spawns (id, data) VALUES (?, ?)`, sp.ID, string(b)); err != nil {
				return 0, fmt.Errorf("write spawn %s: %w", sp.ID, err)
			}
			n++
		}
	}
	return n, nil
}
