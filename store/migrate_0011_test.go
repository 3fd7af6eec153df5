package store

import (
	"errors"
	"maps"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestMigrationFrom0010KeepsEveryCharacter fills a database at migration
// 0010 as a mythosd of that schema would (two accounts, each with its one
// character, items carried, worn and inside a container, roles, a key,
// visits, facts, a mute), then opens it with every migration: nothing is
// lost, each character is still its own account's, and the new rules hold
// (several characters per account, names unique across characters).
func TestMigrationFrom0010KeepsEveryCharacter(t *testing.T) {
	path := t.TempDir() + "/mythos.db"
	cfg := testConfig()
	cfg.migrations = embeddedUpTo(t, 10)
	old, err := open(path, testLogger(t), cfg)
	if err != nil {
		t.Fatal(err)
	}
	at := strconv.FormatInt(t0().UnixNano(), 10)
	for _, q := range []string{
		`INSERT INTO accounts (id, name, name_key, password_hash, created_at) VALUES
			(7, 'Tillinghast', 'tillinghast', 'hash7', ` + at + `), (8, 'Pickman', 'pickman', 'hash8', ` + at + `)`,
		`INSERT INTO characters (id, account_id, name, room_id, lucidity, created_at, last_active, residual,
			attributes, money, wounds, xp, prompt) VALUES
			(11, 7, 'Tillinghast', 'benevolent_street', 64, ` + at + `, ` + at + `, 250, '50,60,70,40,55,65,60,75,80', 1250, 3, 420, '%h> '),
			(12, 8, 'Pickman', 'north_end', 90, ` + at + `, NULL, 0, '', 0, 0, 0, '')`,
		`INSERT INTO account_roles (account_id, role) VALUES (7, 'admin'), (8, 'builder')`,
		`INSERT INTO player_keys (account_id, fingerprint, public_key, comment, added_at) VALUES (8, 'SHA256:pk', 'ssh-ed25519 AAAA', 'studio', ` + at + `)`,
		`INSERT INTO visits (character_id, room_id, first_at) VALUES (11, 'benevolent_street', ` + at + `), (12, 'north_end', NULL)`,
		`INSERT INTO character_facts (character_id, key, value) VALUES (11, 'encounters.cosmic', 2)`,
		`INSERT INTO mutes (owner_id, muted_key, muted_name) VALUES (12, 'tillinghast', 'Tillinghast')`,
		`INSERT INTO items (id, proto, place, holder, slot) VALUES (1, 'satchel', 'inv', '11', ''),
			(2, 'tonic', 'in', '1', ''), (3, 'coat', 'worn', '12', 'body'), (4, 'lamp', 'room', 'hall', '')`,
	} {
		execWrite(t, old, q)
	}
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}

	db := openAt(t, path)
	ctx := ctxT(t)
	if got := migrationCount(t, db.read); got != embeddedMigrations(t) {
		t.Fatalf("%d migrations recorded after upgrade, want %d", got, embeddedMigrations(t))
	}
	got, err := db.CharactersOf(ctx, 7)
	want := Character{ID: 11, AccountID: 7, Name: "Tillinghast", RoomID: "benevolent_street", Lucidity: 64,
		Residual: 250, CreatedAt: t0().UTC(), LastActive: t0().UTC(), Attributes: Attributes{50, 60, 70, 40, 55, 65, 60, 75, 80},
		Money: 1250, Wounds: 3, XP: 420, Prompt: "%h> "}
	if err != nil || len(got) != 1 || got[0] != want {
		t.Fatalf("characters of account 7 after upgrade = %+v, %v; want %+v", got, err, want)
	}
	for name, id := range map[string]int64{"tillinghast": 7, "PICKMAN": 8} {
		if acc, err := db.AccountByName(ctx, name); err != nil || acc.ID != id {
			t.Errorf("AccountByName(%q) = %+v, %v", name, acc, err)
		}
	}
	if acc, _ := db.AccountByName(ctx, "Tillinghast"); !acc.Admin || acc.PasswordHash != "hash7" {
		t.Errorf("Tillinghast's account lost its role or password: %+v", acc)
	}
	if acc, err := db.AccountByKeyFingerprint(ctx, "SHA256:pk"); err != nil || acc.ID != 8 || !acc.Builder {
		t.Errorf("key after upgrade opens %+v, %v", acc, err)
	}
	if n := storedVisits(t, db, 11) + storedVisits(t, db, 12); n != 2 {
		t.Errorf("%d visits after upgrade, want 2", n)
	}
	if f := stored(t, db, 11); f["encounters.cosmic"] != 2 {
		t.Errorf("facts after upgrade = %v", f)
	}
	// 0013 gives the mute the account of the character it names.
	if m, err := db.Mutes(ctx, []int64{12}, t0()); err != nil || len(m[12]) != 1 || m[12][0].Account != 7 {
		t.Errorf("mutes after upgrade = %v, %v; want Tillinghast's, of account 7", m, err)
	}
	items, err := db.AllItems(ctx)
	if err != nil || len(items) != 4 || items[2].Holder != "1" || items[3].Slot != "body" {
		t.Errorf("items after upgrade = %+v, %v", items, err)
	}
	// The new rules: another character for Pickman; no second Tillinghast.
	if _, err := db.AddCharacter(ctx, 8, "Thurber", "start", 100, 5, t0()); err != nil {
		t.Errorf("add a second character after upgrade: %v", err)
	}
	if _, err := db.AddCharacter(ctx, 8, "TILLINGHAST", "start", 100, 5, t0()); !errors.Is(err, ErrExists) {
		t.Errorf("a taken name after upgrade: %v, want ErrExists", err)
	}
	// Foreign keys hold again: deleting a character takes its visits along.
	if _, err := db.DeleteCharacter(ctx, 11); err != nil {
		t.Fatal(err)
	}
	if n := storedVisits(t, db, 11); n != 0 {
		t.Errorf("%d visits of a deleted character: foreign keys are off after the migration", n)
	}
}

// TestForeignKeysOffMigrationIsChecked: a migration that runs with foreign
// keys off and leaves a row pointing nowhere is refused and rolled back,
// naming the table; one that keeps its references commits, and foreign
// keys are on again afterwards.
func TestForeignKeysOffMigrationIsChecked(t *testing.T) {
	base := map[string]string{
		"0001_tables.sql": `CREATE TABLE p (id INTEGER PRIMARY KEY);
			CREATE TABLE c (p_id INTEGER NOT NULL REFERENCES p (id) ON DELETE CASCADE);
			INSERT INTO p VALUES (1); INSERT INTO c VALUES (1);`,
	}
	path := filepath.Join(t.TempDir(), "mythos.db")
	cfg := testConfig()
	bad := maps.Clone(base)
	bad["0002_rebuild.sql"] = foreignKeysOff + "\nCREATE TABLE p_new (id INTEGER PRIMARY KEY);\n" +
		"DROP TABLE p; ALTER TABLE p_new RENAME TO p;"
	cfg.migrations = migrationFS(bad)
	_, err := open(path, testLogger(t), cfg)
	if err == nil || !strings.Contains(err.Error(), "a row of c") {
		t.Fatalf("open with a migration that breaks a reference: %v", err)
	}
	good := maps.Clone(base)
	good["0002_rebuild.sql"] = foreignKeysOff + "\nCREATE TABLE p_new (id INTEGER PRIMARY KEY);\n" +
		"INSERT INTO p_new SELECT id FROM p; DROP TABLE p; ALTER TABLE p_new RENAME TO p;"
	cfg.migrations = migrationFS(good)
	db, err := open(path, testLogger(t), cfg)
	if err != nil {
		t.Fatalf("open with a sound rebuild: %v", err)
	}
	defer db.Close()
	var rows int
	if err := db.read.QueryRow(`SELECT count(*) FROM c`).Scan(&rows); err != nil || rows != 1 {
		t.Fatalf("rows of c after the rebuild: %d, %v (dropping p cascaded)", rows, err)
	}
	if _, err := db.write.Exec(`INSERT INTO c VALUES (99)`); err == nil {
		t.Error("a row pointing nowhere was accepted: foreign keys are off after the migration")
	}
}
