package main

import (
	"bufio"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"net"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3" // the store's driver, for reading the file as it was left
)

// crashLines are the moves the crash test's players make.
var crashLines = []string{
	"get all", "drop all", "get 3 tonic", "drop 2 tonic", "get lamp", "get satchel", "open satchel",
	"put all.tonic in satchel", "get all from satchel", "put satchel in chest", "get satchel from chest",
	"put 2 tonic in chest", "get all from chest", "wear coat", "put tonic in coat", "get all from coat",
	"remove coat", "give all.tonic to bea", "give lamp to cal", "give satchel to ada", "give coat to dov",
	"north", "south", "i",
}

// crashNames are the crash test's players.
var crashNames = []string{"Ada", "Bea", "Cal", "Dov", "Eli", "Fay"}

// placedItems is how many items the test world's placements make.
const placedItems = 1 + 10 + 3 + 2 + 1 + 5 + 10 + 2

// TestCrashKeepsEveryItemInOnePlace kills the server with SIGKILL while
// many clients move items, three times; after each kill the database
// passes integrity_check, every item is in one place that exists, no item
// committed before is lost, and none appeared but by a room's reset.
func TestCrashKeepsEveryItemInOnePlace(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and kills the server")
	}
	bin := buildMythosd(t)
	dir := t.TempDir()
	var prev map[int64]storedItem
	movedAny := false
	for round := range 3 {
		addr := freeAddr(t)
		proc := startProcess(t, bin, dir, addr)
		clients := make([]*rawClient, 6)
		for i := range clients {
			clients[i] = dial(t, addr)
			name := crashNames[i]
			if round == 0 {
				clients[i].createCharacter(name, "lanterns1")
			} else {
				clients[i].login(name, "lanterns1")
			}
		}
		answered := playUntil(clients, crashLines, int64(300*(round+1)), int64(round), waitLimit,
			func(string) int64 { return 1 })
		if err := proc.Process.Kill(); err != nil { // SIGKILL
			t.Fatal(err)
		}
		proc.Wait()
		now := checkCrashedStore(t, filepath.Join(dir, dbFile))
		for id := range prev {
			if _, ok := now[id]; !ok {
				t.Errorf("round %d: item %d was lost", round, id)
			}
		}
		if len(now) > len(prev)+placedItems {
			t.Errorf("round %d: %d items after %d; more than the resets can make", round, len(now), len(prev))
		}
		carried := 0
		for _, it := range now {
			if it.place != "room" {
				carried++
			}
		}
		t.Logf("round %d: %d answers before the kill, %d items stored, %d off the floor", round, answered, len(now), carried)
		movedAny = movedAny || carried > 0
		prev = now
	}
	if !movedAny {
		t.Error("no item ever left a floor: the test moved nothing")
	}
}

// freeAddr returns a loopback address no one listens on.
func freeAddr(t testing.TB) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return addr
}

// startProcess runs the built server on the item world and waits until it
// accepts connections.
func startProcess(t testing.TB, bin, dir, addr string) *exec.Cmd {
	t.Helper()
	return startProcessOn(t, bin, itemWorldDir, dir, addr)
}

// startProcessOn runs the built server on world and waits until it
// accepts connections.
func startProcessOn(t testing.TB, bin, world, dir, addr string) *exec.Cmd {
	t.Helper()
	world, err := filepath.Abs(world)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "-data", dir, "-world", world, "-telnet", addr, "-ssh", "off", "-admin", "off",
		"-metrics", "off", "-tick", "20ms", "-combat-round", "100ms", "-log-level", "error",
		// The crash tests type as fast as the answers come: no command rate
		// (its own test is TestCommandFloodIsLimitedWithoutDelayingOthers).
		"-cmd-rate", "1000", "-cmd-burst", "10000")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	deadline := time.Now().Add(waitLimit)
	for {
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err == nil {
			c.Close()
			return cmd
		}
		if time.Now().After(deadline) {
			t.Fatalf("the server did not listen on %s: %v", addr, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// playUntil makes every client type random lines, each waiting for its
// prompt, until score, summed over every answer, reaches want (or the
// wait limit passes); it returns the sum then, with the clients still
// typing (they stop when the server dies).
func playUntil(clients []*rawClient, lines []string, want, seed int64, limit time.Duration, score func(answer string) int64) int64 {
	var sum atomic.Int64
	enough := make(chan struct{})
	var once sync.Once
	for i, c := range clients {
		go func() {
			rng := rand.New(rand.NewPCG(uint64(seed), uint64(i)))
			r := bufio.NewReader(c.conn)
			for {
				line := lines[rng.IntN(len(lines))]
				c.conn.SetDeadline(time.Now().Add(waitLimit))
				if _, err := c.conn.Write([]byte(line + "\r\n")); err != nil {
					return
				}
				answer, err := readPromptText(r)
				if err != nil {
					return
				}
				if sum.Add(score(answer)) >= want {
					once.Do(func() { close(enough) })
				}
			}
		}()
	}
	select {
	case <-enough:
	case <-time.After(limit):
	}
	return sum.Load()
}

// readPromptText reads until the command prompt (it ends in "> ") and
// returns what came before it, the prompt included.
func readPromptText(r *bufio.Reader) (string, error) {
	var b strings.Builder
	prev := byte(0)
	for {
		c, err := r.ReadByte()
		if err != nil {
			return b.String(), err
		}
		b.WriteByte(c)
		if prev == '>' && c == ' ' {
			return b.String(), nil
		}
		prev = c
	}
}

// storedItem is an item row as the crash left it.
type storedItem struct {
	place, holder string
}

// checkCrashedStore opens the database the killed server left, checks its
// integrity and that every item is in one place that exists, and returns
// the items by id.
func checkCrashedStore(t testing.TB, path string) map[int64]storedItem {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var ok string
	if err := db.QueryRow(`PRAGMA integrity_check`).Scan(&ok); err != nil || ok != "ok" {
		t.Fatalf("integrity_check = %q, %v", ok, err)
	}
	items := map[int64]storedItem{}
	rows, err := db.Query(`SELECT id, place, holder FROM items`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id int64
		var it storedItem
		if err := rows.Scan(&id, &it.place, &it.holder); err != nil {
			t.Fatal(err)
		}
		items[id] = it
	}
	rows.Close()
	for id, it := range items {
		if err := holderExists(db, items, id, it); err != nil {
			t.Error(err)
		}
	}
	return items
}

// holderExists checks that the place holding item id exists, following
// containers up to two deep.
func holderExists(db *sql.DB, items map[int64]storedItem, id int64, it storedItem) error {
	for depth := 0; it.place == "in"; depth++ {
		hid, _ := strconv.ParseInt(it.holder, 10, 64)
		next, ok := items[hid]
		if !ok || hid == id || depth >= 2 {
			return fmt.Errorf("item %d: container %s missing or nested too deep", id, it.holder)
		}
		it = next
	}
	query := map[string]string{"room": `SELECT 1 FROM rooms WHERE id = ?`,
		"inv": `SELECT 1 FROM characters WHERE id = ?`, "worn": `SELECT 1 FROM characters WHERE id = ?`}[it.place]
	var one int
	if query == "" || db.QueryRow(query, it.holder).Scan(&one) != nil {
		return fmt.Errorf("item %d: held by %s %s, which does not exist", id, it.place, it.holder)
	}
	return nil
}
