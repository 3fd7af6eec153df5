package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Ban refuses connections from an address or a CIDR prefix.
type Ban struct {
	Target    string    // canonical prefix, e.g. "192.0.2.7/32" or "2001:db8::/48"
	Expires   time.Time // zero: never
	Reason    string
	By        string // who banned
	CreatedAt time.Time
}

// Expired reports whether the ban has run out at now.
func (b Ban) Expired(now time.Time) bool { return !b.Expires.IsZero() && !now.Before(b.Expires) }

// BanChange is a ban set, or (Removed) lifted, in a write-behind batch.
type BanChange struct {
	Ban     Ban
	Removed bool
}

// Bans returns every ban that has not expired at now, by target.
func (db *DB) Bans(ctx context.Context, now time.Time) ([]Ban, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT target, expires_at, reason, created_by, created_at FROM bans
		WHERE expires_at IS NULL OR expires_at > ? ORDER BY target`, now.UnixNano())
	if err != nil {
		return nil, fmt.Errorf("load bans: %w", err)
	}
	defer rows.Close()
	var out []Ban
	for rows.Next() {
		var b Ban
		var expires, created sql.NullInt64
		if err := rows.Scan(&b.Target, &expires, &b.Reason, &b.By, &created); err != nil {
			return nil, fmt.Errorf("load bans: %w", err)
		}
		b.Expires, b.CreatedAt = fromNanos(expires), fromNanos(created)
		out = append(out, b)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("load bans: %w", err)
	}
	return out, nil
}

// writeBans sets and lifts the bans of a batch.
func writeBans(ctx context.Context, tx *sql.Tx, p *pending) (int64, error) {
	if len(p.bans) == 0 {
		return 0, nil
	}
	set, err := prepare(ctx, tx, "ban upsert", `INSERT INTO bans (target, expires_at, reason, created_by, created_at)
		VALUES (?, ?, ?, ?, ?) ON CONFLICT (target) DO UPDATE SET expires_at = excluded.expires_at,
			reason = excluded.reason, created_by = excluded.created_by, created_at = excluded.created_at`)
	if err != nil {
		return 0, err
	}
	defer set.close()
	lift, err := prepare(ctx, tx, "ban delete", `DELETE FROM bans WHERE target = ?`)
	if err != nil {
		return 0, err
	}
	defer lift.close()
	for _, target := range sortedKeys(p.bans) {
		c := p.bans[target]
		if c.Removed {
			err = lift.exec(target)
		} else {
			b := c.Ban
			err = set.exec(target, toNanos(b.Expires), b.Reason, b.By, toNanos(b.CreatedAt))
		}
		if err != nil {
			return 0, fmt.Errorf("write ban %s: %w", target, err)
		}
	}
	return set.rows + lift.rows, nil
}
