package main

import (
	"database/sql"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fightCrashLines are the crash test's moves with a brute to fight and
// corpses to loot.
var fightCrashLines = append([]string{"attack brute", "attack brute", "attack brute", "get all from corpse",
	"get all from 2.corpse", "get all from satchel"}, crashLines...)

// bruteWorld copies the item world into a temporary folder and adds a
// passive brute in the ward that no one can kill and whose blows kill.
func bruteWorld(t testing.TB) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "world")
	err := filepath.WalkDir(itemWorldDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(itemWorldDir, path)
		body, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if rel == filepath.Join("earth", "arkham", "sanitarium", "subzone_config.json") {
			body = []byte(strings.Replace(string(body), "{", `{"spawns": [{"npc": "brute", "room": "earth_arkham_sanitarium_room_ward", "max": 2}], `, 1))
		}
		return writeFile(filepath.Join(dir, rel), string(body))
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := writeFile(filepath.Join(dir, "npcs", "brute.json"), `{"npcs": [{"id": "brute", "name": "a brute",
  "keywords": ["brute"], "room_text": "A brute stands here, cracking its knuckles.", "description": "Enormous.",
  "kind": "passive", "dp": 10000, "dex": 90, "str": 90, "damage": {"min": 50, "max": 60}}]}`); err != nil {
		t.Fatal(err)
	}
	return dir
}

func writeFile(path, body string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, []byte(body), 0o600)
}

// TestCrashInFightsKeepsEveryItemInOnePlace kills the server with SIGKILL
// while players fight a brute, die, and loot their corpses, twice; after
// each kill every item is in one place that exists, none committed before
// is lost, and none appeared but by a reset or as a corpse.
func TestCrashInFightsKeepsEveryItemInOnePlace(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and kills the server")
	}
	bin := buildMythosd(t)
	world := bruteWorld(t)
	dir := t.TempDir()
	var prev map[int64]storedItem
	for round := range 2 {
		addr := freeAddr(t)
		proc := startProcessOn(t, bin, world, dir, addr)
		clients := make([]*rawClient, 4)
		for i := range clients {
			clients[i] = dial(t, addr)
			if round == 0 {
				clients[i].createCharacter(crashNames[i], "lanterns1")
			} else {
				clients[i].login(crashNames[i], "lanterns1")
			}
		}
		deaths := playUntil(clients, fightCrashLines, 3, int64(round), 3*waitLimit,
			func(answer string) int64 { return int64(strings.Count(answer, "You are dead.")) })
		if err := proc.Process.Kill(); err != nil { // SIGKILL
			t.Fatal(err)
		}
		proc.Wait()
		if deaths < 3 {
			t.Fatalf("round %d: only %d deaths before the deadline", round, deaths)
		}
		now := checkCrashedStore(t, filepath.Join(dir, dbFile))
		for id := range prev {
			if _, ok := now[id]; !ok {
				t.Errorf("round %d: item %d was lost", round, id)
			}
		}
		corpses := countCorpses(t, filepath.Join(dir, dbFile))
		if len(now)-corpses > len(prev)+placedItems {
			t.Errorf("round %d: %d items (%d corpses) after %d; more than the resets can make", round, len(now), corpses, len(prev))
		}
		t.Logf("round %d: %d deaths before the kill, %d items stored, %d of them corpses", round, deaths, len(now), corpses)
		prev = now
	}
}

// countCorpses counts the corpses stored in the database at path.
func countCorpses(t testing.TB, path string) int {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	n := 0
	if err := db.QueryRow(`SELECT count(*) FROM items WHERE proto = 'corpse'`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
