package store

import (
	"database/sql"
	"time"
)

// toNanos turns t into what a time column holds: UTC unix nanoseconds, or
// NULL for the zero time. Times outside the years 1678 to 2262 do not fit.
func toNanos(t time.Time) sql.NullInt64 {
	if t.IsZero() {
		return sql.NullInt64{}
	}
	return sql.NullInt64{Int64: t.UnixNano(), Valid: true}
}

// fromNanos is the inverse of toNanos: the stored instant, in UTC.
func fromNanos(n sql.NullInt64) time.Time {
	if !n.Valid {
		return time.Time{}
	}
	return time.Unix(0, n.Int64).UTC()
}

// normalTime is t as it will read back from the store.
func normalTime(t time.Time) time.Time {
	return fromNanos(toNanos(t))
}
