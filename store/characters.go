package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"time"
)

// CharacterByAccount returns the first (oldest) character of account
// accountID, or ErrNotFound. It reads through the write-behind writer:
// state submitted but not yet committed is what it returns.
func (db *DB) CharacterByAccount(ctx context.Context, accountID int64) (Character, error) {
	var id int64
	err := db.read.QueryRowContext(ctx, `SELECT id FROM characters WHERE account_id = ? ORDER BY id LIMIT 1`, accountID).Scan(&id)
	if err != nil {
		return Character{}, fmt.Errorf("character of account %d: %w", accountID, notFound(err))
	}
	c, err := db.character(ctx, id)
	if err != nil {
		return Character{}, fmt.Errorf("character of account %d: %w", accountID, err)
	}
	return c, nil
}

// CharacterByName returns the character named name, without regard to
// case, or ErrNotFound; through the write-behind writer.
func (db *DB) CharacterByName(ctx context.Context, name string) (Character, error) {
	var id int64
	err := db.read.QueryRowContext(ctx, `SELECT id FROM characters WHERE name_key = ?`, nameKey(name)).Scan(&id)
	if err == nil {
		var c Character
		if c, err = db.character(ctx, id); err == nil {
			return c, nil
		}
	}
	return Character{}, fmt.Errorf("character %q: %w", name, notFound(err))
}

// CharactersOf returns the characters of account accountID, oldest first
// (none when it has none); through the write-behind writer.
func (db *DB) CharactersOf(ctx context.Context, accountID int64) ([]Character, error) {
	ids, err := db.characterIDs(ctx, accountID)
	if err != nil {
		return nil, fmt.Errorf("characters of account %d: %w", accountID, err)
	}
	out := make([]Character, 0, len(ids))
	for _, id := range ids {
		c, err := db.character(ctx, id)
		if err != nil {
			return nil, fmt.Errorf("characters of account %d: %w", accountID, err)
		}
		out = append(out, c)
	}
	return out, nil
}

func (db *DB) characterIDs(ctx context.Context, accountID int64) ([]int64, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT id FROM characters WHERE account_id = ? ORDER BY id`, accountID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// character reads character id with its pending write-behind state applied.
func (db *DB) character(ctx context.Context, id int64) (Character, error) {
	// The overlay is taken before the row is read (see writer.overlay).
	state, pending := db.w.character(id)
	c, err := db.characterRow(ctx, id)
	if err != nil {
		return Character{}, err
	}
	if pending {
		c.RoomID, c.Lucidity, c.Residual = state.RoomID, state.Lucidity, state.Residual
		c.LastActive = normalTime(state.LastActive)
		c.Attributes, c.Money = state.Attributes, state.Money
		c.Wounds, c.XP, c.Prompt = state.Wounds, state.XP, state.Prompt
	}
	return c, nil
}

func (db *DB) characterRow(ctx context.Context, id int64) (Character, error) {
	var c Character
	var created, active sql.NullInt64
	var attrs string
	err := db.read.QueryRowContext(ctx, `SELECT id, account_id, name, room_id, lucidity, residual, created_at, last_active,
		attributes, money, wounds, xp, prompt FROM characters WHERE id = ?`, id).
		Scan(&c.ID, &c.AccountID, &c.Name, &c.RoomID, &c.Lucidity, &c.Residual, &created, &active, &attrs, &c.Money,
			&c.Wounds, &c.XP, &c.Prompt)
	if err != nil {
		return Character{}, notFound(err)
	}
	c.Attributes = decodeAttributes(attrs)
	c.CreatedAt, c.LastActive = fromNanos(created), fromNanos(active)
	return c, nil
}

// Visits returns the ids of the rooms character characterID has visited, in
// the order of first visit. It reads through the write-behind writer.
func (db *DB) Visits(ctx context.Context, characterID int64) ([]string, error) {
	seen := db.w.visits(characterID) // before the database, as in CharacterByAccount
	rows, err := db.read.QueryContext(ctx, `SELECT room_id, first_at FROM visits WHERE character_id = ?`, characterID)
	if err != nil {
		return nil, fmt.Errorf("visits of character %d: %w", characterID, err)
	}
	defer rows.Close()
	for rows.Next() {
		var room string
		var at sql.NullInt64
		if err := rows.Scan(&room, &at); err != nil {
			return nil, fmt.Errorf("visits of character %d: %w", characterID, err)
		}
		seen[room] = fromNanos(at) // the committed first visit wins
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("visits of character %d: %w", characterID, err)
	}
	return byFirstVisit(seen), nil
}

// byFirstVisit orders room ids by time of first visit, then by id.
func byFirstVisit(seen map[string]time.Time) []string {
	ids := make([]string, 0, len(seen))
	for id := range seen {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b string) int {
		if c := seen[a].Compare(seen[b]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	return ids
}
