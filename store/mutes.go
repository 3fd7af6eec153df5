package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// GlobalMuteOwner is the owner id of the admins' global mutes.
const GlobalMuteOwner int64 = 0

// Mute is one receiver's mute of a sender, or (Owner GlobalMuteOwner) an
// admin's mute of a sender for everyone.
type Mute struct {
	Owner int64  // the receiver's character id, or GlobalMuteOwner
	Name  string // the muted character's name
	// Account is the account of the muted character (0: unknown): the mute
	// silences every character of that account.
	Account int64
	// Gone marks the mute of a character since deleted: it still silences
	// the account, but no longer the name, which is free for anyone.
	Gone      bool
	Expires   time.Time
	CreatedAt time.Time
	By        string // who muted, for global mutes
}

// Expired reports whether the mute has run out at now; a zero Expires never
// runs out.
func (m Mute) Expired(now time.Time) bool { return !m.Expires.IsZero() && !now.Before(m.Expires) }

// SetMute records a mute, replacing the owner's earlier mute of that name.
func (db *DB) SetMute(ctx context.Context, m Mute) error {
	_, err := db.write.ExecContext(ctx, `INSERT INTO mutes (owner_id, muted_key, muted_name, muted_account, expires_at, created_at, created_by)
		VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (owner_id, muted_key) DO UPDATE SET muted_name = excluded.muted_name, muted_account = excluded.muted_account,
			expires_at = excluded.expires_at, created_at = excluded.created_at, created_by = excluded.created_by`,
		m.Owner, nameKey(m.Name), m.Name, m.Account, toNanos(m.Expires), toNanos(m.CreatedAt), m.By)
	if err != nil {
		return fmt.Errorf("mute %q for %d: %w", m.Name, m.Owner, err)
	}
	return nil
}

// Unmute removes the owner's mute of name, or of a deleted character of
// that name; ErrNotFound when there is none.
func (db *DB) Unmute(ctx context.Context, owner int64, name string) error {
	res, err := db.write.ExecContext(ctx, `DELETE FROM mutes WHERE owner_id = ?
		AND (muted_key = ? OR (substr(muted_key, 1, 1) = '#' AND lower(muted_name) = ?))`, owner, nameKey(name), nameKey(name))
	if err != nil {
		return fmt.Errorf("unmute %q for %d: %w", name, owner, err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return fmt.Errorf("unmute %q for %d: %w", name, owner, ErrNotFound)
	}
	return nil
}

// Mutes returns the mutes of each owner in owners that have not expired
// at now, in one query: owners with none are absent from the map.
func (db *DB) Mutes(ctx context.Context, owners []int64, now time.Time) (map[int64][]Mute, error) {
	out := make(map[int64][]Mute)
	if len(owners) == 0 {
		return out, nil
	}
	args := make([]any, 0, len(owners)+1)
	args = append(args, now.UnixNano())
	for _, o := range owners {
		args = append(args, o)
	}
	q := `SELECT owner_id, muted_name, muted_account, substr(muted_key, 1, 1) = '#', expires_at, created_at, created_by FROM mutes
		WHERE (expires_at IS NULL OR expires_at > ?) AND owner_id IN (?` + strings.Repeat(",?", len(owners)-1) + `)
		ORDER BY owner_id, muted_key`
	rows, err := db.read.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("load mutes: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var m Mute
		var expires, created sql.NullInt64
		if err := rows.Scan(&m.Owner, &m.Name, &m.Account, &m.Gone, &expires, &created, &m.By); err != nil {
			return nil, fmt.Errorf("load mutes: %w", err)
		}
		m.Expires, m.CreatedAt = fromNanos(expires), fromNanos(created)
		out[m.Owner] = append(out[m.Owner], m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("load mutes: %w", err)
	}
	return out, nil
}
