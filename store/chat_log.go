package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// ChatLine is one line said in the game, as the chat log keeps it.
type ChatLine struct {
	At      time.Time
	Who     string
	Channel string // say, emote, whisper, or a channel's name
	Text    string
	Room    string // where it was said; "" when it has no room
}

// maxPendingChat bounds the chat lines the writer holds while it falls
// behind; beyond it new lines are not logged, so memory stays bounded.
const maxPendingChat = 100_000

// maxChatLines is the most lines ChatLog returns (the newest).
const maxChatLines = 500

// addChat appends lines to p's chat lines, up to maxPendingChat.
func (p *pending) addChat(lines []ChatLine) {
	n := min(len(lines), maxPendingChat-len(p.chat))
	if n > 0 {
		p.chat = append(p.chat, lines[:n]...)
	}
}

// writeChat inserts the pending chat lines, oldest first.
func writeChat(ctx context.Context, tx *sql.Tx, p *pending) (int64, error) {
	if len(p.chat) == 0 {
		return 0, nil
	}
	stmt, err := prepare(ctx, tx, "chat log insert",
		`INSERT INTO chat_log (at, who, who_key, channel, text, room) VALUES (?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return 0, err
	}
	defer stmt.close()
	for _, l := range p.chat {
		if err := stmt.exec(toNanos(l.At), l.Who, nameKey(l.Who), l.Channel, l.Text, l.Room); err != nil {
			return 0, fmt.Errorf("write chat line of %s: %w", l.Who, err)
		}
	}
	return stmt.rows, nil
}

// ChatLog returns what name said at or after since, oldest first: at most
// the newest maxChatLines lines.
func (db *DB) ChatLog(ctx context.Context, name string, since time.Time) ([]ChatLine, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT at, who, channel, text, room FROM (
		SELECT id, at, who, channel, text, room FROM chat_log WHERE who_key = ? AND at >= ?
		ORDER BY at DESC, id DESC LIMIT ?) ORDER BY at, id`, nameKey(name), toNanos(since), maxChatLines)
	if err != nil {
		return nil, fmt.Errorf("chat log of %q: %w", name, err)
	}
	defer rows.Close()
	var out []ChatLine
	for rows.Next() {
		var l ChatLine
		var at sql.NullInt64
		if err := rows.Scan(&at, &l.Who, &l.Channel, &l.Text, &l.Room); err != nil {
			return nil, fmt.Errorf("chat log of %q: %w", name, err)
		}
		l.At = fromNanos(at)
		out = append(out, l)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("chat log of %q: %w", name, err)
	}
	return out, nil
}

// PruneChatLog deletes the chat lines written before cutoff and returns how
// many it deleted, as PruneLucidityLog does.
func (db *DB) PruneChatLog(ctx context.Context, cutoff time.Time) (int64, error) {
	return db.pruneBefore(ctx, "chat_log", "chat log", cutoff)
}
