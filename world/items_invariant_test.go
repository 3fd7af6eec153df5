package world

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"time"

	"mythosd/store"
)

// itemCensus walks every holder in memory on the loop and checks that
// each item is where it says it is, once, and in the registry; it returns
// the records of every item in memory by id.
func (tw *testWorld) itemCensus(t testing.TB) map[int64]store.ItemState {
	t.Helper()
	seen := map[int64]store.ItemState{}
	var problems []string
	tw.onLoop(func() {
		var walk func(list []*Item, check func(*Item) bool, depth int)
		walk = func(list []*Item, check func(*Item) bool, depth int) {
			for _, it := range list {
				if _, dup := seen[it.ID]; dup {
					problems = append(problems, fmt.Sprintf("item %d held twice", it.ID))
				}
				seen[it.ID] = it.record()
				if !check(it) || tw.items[it.ID] != it {
					problems = append(problems, fmt.Sprintf("item %d is not where its holder is", it.ID))
				}
				if depth > 2 {
					problems = append(problems, fmt.Sprintf("item %d nested %d deep", it.ID, depth))
				}
				box := it
				walk(it.contents, func(x *Item) bool { return x.where == inside && x.in == box }, depth+1)
			}
		}
		for id, f := range tw.floors {
			walk(f.items, func(x *Item) bool { return x.where == onFloor && x.room == id }, 0)
		}
		for _, c := range tw.chars {
			walk(c.inv, func(x *Item) bool { return x.where == carried && x.char == c }, 0)
			for s, x := range c.worn {
				if x != nil {
					walk([]*Item{x}, func(x *Item) bool { return x.where == worn && x.char == c && int(x.slot) == s }, 0)
				}
			}
		}
		if len(seen) != len(tw.items) {
			problems = append(problems, fmt.Sprintf("%d items held, %d in the registry", len(seen), len(tw.items)))
		}
	})
	for _, p := range problems {
		t.Error(p)
	}
	return seen
}

// checkStoreItems checks the stored items: each container holder exists,
// no item is inside itself, and their number is want.
func checkStoreItems(t testing.TB, db *store.DB, want int) map[int64]store.ItemState {
	t.Helper()
	all, err := db.AllItems(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != want {
		t.Errorf("store holds %d items, want %d", len(all), want)
	}
	for id, it := range all {
		depth := 0
		for cur := it; cur.Place == store.PlaceIn; depth++ {
			hid, _ := strconv.ParseInt(cur.Holder, 10, 64)
			holder, ok := all[hid]
			if !ok || hid == id || depth > 2 {
				t.Errorf("item %d: holder chain broken at %s %s (depth %d)", id, cur.Place, cur.Holder, depth)
				break
			}
			cur = holder
		}
	}
	return all
}

// invariantLines are the commands the random players type.
var invariantLines = []string{
	"get all", "get tonic", "get 2 tonic", "get lamp", "get all.key", "drop all", "drop tonic", "drop 2.tonic",
	"drop lamp", "i", "look", "open satchel", "close satchel", "put tonic in satchel", "put all in satchel",
	"get all from satchel", "put lamp in box", "get all from box", "put satchel in box", "wear coat",
	"wear lamp", "wield revolver", "remove all", "remove coat", "give all to bob", "give tonic to alice",
	"give lamp to carol", "give 2 tonic to dan", "give $1 to alice", "drink tonic", "read notes", "unlock cabinet",
	"open cabinet", "get all from cabinet", "put all in cabinet", "put tonic in coat", "get all from coat",
	"close cabinet", "lock cabinet", "north", "south", "east", "west", "up", "down", "examine lamp", "eq",
	"get all", "drop all", "get all.candle", "drop 3 candle", "give 2 candle to bob", "give candle to alice",
	"give candle to carol", "give all.candle to dan", "put all.candle in satchel", "get all from satchel",
}

// TestItemsAreNeverLostOrCopied runs tens of thousands of random commands
// by four characters who also log out and in again, die and loot corpses,
// with ticks, resets, sweeps and decay between, then counts every instance in memory and in the store,
// and again after a restart.
func TestItemsAreNeverLostOrCopied(t *testing.T) {
	moves, wantMoves := 100000, uint64(15000) // deaths and limbo take a share of the commands
	if testing.Short() {
		moves, wantMoves = 5000, 750
	}
	dir := t.TempDir()
	tw := newTestWorld(t, dir)
	names := []string{"Alice", "Bob", "Carol", "Dan"}
	players := map[string]*player{}
	for _, n := range names {
		players[n] = tw.create(t, n)
		tw.setAttrs(n, 90, 90)
		tw.giveItems(t, n, "tonic", 10)
		tw.giveItems(t, n, "satchel", 1)
		tw.giveItems(t, n, "box", 1)
		tw.giveItems(t, n, "candle", 5)
	}
	rng := rand.New(rand.NewPCG(7, 11))
	deaths, looted := 0, 0
	for i := range moves {
		n := names[rng.IntN(len(names))]
		p := players[n]
		switch r := rng.IntN(1000); {
		case r < 5: // log out, and in again
			p.do("quit")
			players[n], _ = tw.login(t, n, "secret1")
		case r < 60:
			tw.tick()
		case r < 62:
			tw.clock.advance(20 * time.Minute) // resets, sweeps, wakings and decay fall due
			tw.tick()
		case r < 63: // death: everything carried and worn moves into a corpse
			tw.onLoop(func() {
				if c := tw.chars[nameKey(n)]; c != nil && c.online() && !c.limbo {
					tw.die(c, tw.cfg.Clock.Now())
					deaths++
				}
			})
		case r < 73: // looting, one's own corpse or another's
			if strings.Contains(p.do(lootLines[rng.IntN(len(lootLines))]), "You take") {
				looted++
			}
		default:
			p.do(invariantLines[rng.IntN(len(invariantLines))])
		}
		if i%5000 == 0 {
			tw.itemCensus(t)
		}
	}
	tw.tick()
	mem := tw.itemCensus(t)
	var made, gone, moved uint64
	tw.onLoop(func() { made, gone, moved = tw.itemsMade, tw.itemsGone, tw.itemMoves })
	if moved < wantMoves {
		t.Errorf("only %d item moves in %d commands", moved, moves)
	}
	if deaths == 0 || looted == 0 {
		t.Errorf("%d deaths and %d lootings: the test no longer covers them", deaths, looted)
	}
	live := int(made - gone)
	tw.flush(t)
	stored := checkStoreItems(t, tw.db, live)
	for id, rec := range mem {
		if s := stored[id]; s.Place != rec.Place || s.Holder != rec.Holder || s.Slot != rec.Slot {
			t.Errorf("item %d: memory has %s %s %s, store %s %s %s", id, rec.Place, rec.Holder, rec.Slot, s.Place, s.Holder, s.Slot)
		}
	}
	t.Logf("%d commands, %d item moves, %d deaths, %d lootings; %d items made, %d gone, %d live, %d in memory",
		moves, moved, deaths, looted, made, gone, live, len(mem))
	tw.stop()

	again := newTestWorld(t, dir)
	checkStoreItems(t, again.db, live)
	for _, n := range names {
		again.login(t, n, "secret1")
	}
	again.itemCensus(t)
}

// lootLines pick over corpses.
var lootLines = []string{"get all from corpse", "get all from 2.corpse", "get tonic from corpse",
	"get satchel from corpse", "look in corpse", "get all from satchel"}
