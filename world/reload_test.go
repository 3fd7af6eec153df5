package world

import (
	"context"
	"errors"
	"slices"
	"testing"

	"mythosd/store"
)

// reloadWith makes tw's reloads import sw into its store (or fail with
// fail), as cmd's reloader does, with "ward" for the start room.
func reloadWith(tw *testWorld, sw store.World, fail error) Reloader {
	return func(ctx context.Context, _ string, _ bool) (WorldReload, error) {
		if fail != nil {
			return WorldReload{Source: "test"}, fail
		}
		if err := tw.db.Flush(ctx); err != nil {
			return WorldReload{}, err
		}
		stats, moved, err := tw.db.ImportWorldMarked(ctx, sw, store.ImportMark{Fingerprint: "new", At: tw.clock.Now(), StartRoom: "ward"})
		return WorldReload{Source: "test", World: sw, Stats: stats, Moved: moved}, err
	}
}

// reloadAndWait starts a reload and waits until it has ended.
func (tw *testWorld) reloadAndWait(t testing.TB) ReloadInfo {
	t.Helper()
	if err := tw.StartReload(context.Background(), false, "tester"); err != nil {
		t.Fatal(err)
	}
	var last ReloadInfo
	tw.waitFor(t, func() bool {
		last = tw.reload.Last
		return !tw.reload.Running
	})
	return last
}

// TestReloadReplacesNPCsAndPrototypes: a reload retires the old spawns
// (their NPCs fade and never come back) and fills the new ones; items in
// memory take their prototype's new form; a refused reload changes
// nothing, and a second one while one runs is refused.
func TestReloadReplacesNPCsAndPrototypes(t *testing.T) {
	tw := newNPCWorld(t, spawnOf("rat", 2, "garden"))
	tw.tick()
	if n := total(tw.npcsOf("rat")); n != 2 {
		t.Fatalf("%d rats before the reload, want 2", n)
	}
	tw.cacheRooms(t, "ward")

	next := testRooms()
	next.NPCs, next.Spawns = testNPCDefs(), []store.NPCSpawn{spawnOf("nurse", 1, "hall")}
	for i := range next.Items {
		if next.Items[i].ID == "tonic" {
			next.Items[i].Name = "a bitter tonic"
		}
	}
	failure := errors.New("the folder has errors")
	tw.onLoop(func() { tw.cfg.Reload = reloadWith(tw, next, failure) })
	if last := tw.reloadAndWait(t); last.OK || last.Err != failure.Error() {
		t.Fatalf("refused reload recorded as %+v", last)
	}
	if n := total(tw.npcsOf("rat")); n != 2 {
		t.Fatalf("%d rats after a refused reload, want 2", n)
	}

	tw.onLoop(func() { tw.cfg.Reload = reloadWith(tw, next, nil) })
	if last := tw.reloadAndWait(t); !last.OK || last.By != "tester" {
		t.Fatalf("reload recorded as %+v", last)
	}
	tw.after(respawnAggressive * 2)
	if rats, nurses := tw.npcsOf("rat"), tw.npcsOf("nurse"); total(rats) != 0 || nurses["hall"] != 1 {
		t.Errorf("after the reload: rats %v, nurses %v; want none and one in the hall", rats, nurses)
	}
	var names []string
	tw.onLoop(func() {
		for _, it := range tw.items {
			if it.proto.ID == "tonic" {
				names = append(names, it.name())
			}
		}
	})
	if len(names) != 2 || slices.ContainsFunc(names, func(n string) bool { return n != "a bitter tonic" }) {
		t.Errorf("tonics in memory are %q, want two bitter ones", names)
	}

	tw.onLoop(func() { tw.reload.Running = true })
	if err := tw.StartReload(context.Background(), false, "tester"); !errors.Is(err, ErrReloadRunning) {
		t.Errorf("a reload while one runs: %v, want ErrReloadRunning", err)
	}
	tw.onLoop(func() { tw.reload.Running = false })
}
