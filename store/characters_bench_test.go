package store

import (
	"fmt"
	"testing"
)

// BenchmarkLoginLookups measures what a login reads of the store over
// 10,000 accounts, each with a second character: the account a name opens
// (by the account's name and by a character's), then its characters.
func BenchmarkLoginLookups(b *testing.B) {
	const n = 10_000
	db := newDB(b)
	ids := bulkCharacters(b, db, "Acct", n)
	ctx := ctxT(b)
	for i, id := range ids {
		c := storedCharacter(b, db, id)
		if _, err := db.AddCharacter(ctx, c.AccountID, fmt.Sprintf("Alt%d", i), "start", 100, 5, t0()); err != nil {
			b.Fatal(err)
		}
	}
	i := 0
	for b.Loop() {
		name := fmt.Sprintf("Acct%d", i%n)
		if i%2 == 1 {
			name = fmt.Sprintf("alt%d", i%n)
		}
		a, err := db.AccountByName(ctx, name)
		if err != nil {
			b.Fatalf("account of %s: %v", name, err)
		}
		if cs, err := db.CharactersOf(ctx, a.ID); err != nil || len(cs) != 2 {
			b.Fatalf("characters of %s: %d, %v", name, len(cs), err)
		}
		i++
	}
}
