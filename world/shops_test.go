package world

import (
	"context"
	"testing"
)

func TestShop(t *testing.T) {
	tw := newNPCWorld(t, spawnOf("grocer", 1, "ward"))
	tw.tick()
	alice := tw.create(t, "Alice")
	tw.setAttrs("Alice", 50, 50)
	tw.onLoop(func() { tw.chars["alice"].money = 300 })
	tw.giveItems(t, "Alice", "lamp", 1)
	tw.giveItems(t, "Alice", "letter", 1)
	steps := []step{
		{"list", []string{"The grocer sells:", "a folk tonic", "$0.75", "2 left", "a roll of bandage", "$0.45", "5 left"}, ""},
		{"buy tonic 3", []string{"has only 2 of folk tonics left"}, "You buy"},
		{"buy tonic 2", []string{"You buy 2 folk tonics for $1.50."}, ""},
		{"buy tonic", []string{"has only 0"}, "You buy"},
		{"list", []string{"sold out"}, ""},
		{"buy bandage 5", []string{"costs $2.25; you have $1.50."}, "You buy"},
		{"buy bandage -1", []string{"Usage: buy"}, ""},
		{"buy pickaxe", []string{"sells no \"pickaxe\""}, ""},
		{"value lamp", []string{"The grocer would pay $0.87 for a brass lamp."}, ""},
		{"sell lamp", []string{"You sell a brass lamp for $0.87."}, ""},
		{"sell letter", []string{"will not touch a sealed letter"}, "You sell"},
		{"value letter", []string{"will not touch a sealed letter"}, ""},
	}
	runSteps(t, alice, steps)
	if c := tw.character(t, "Alice"); c.money != 300-150+87 {
		t.Errorf("money %d cents, want %d", c.money, 300-150+87)
	}
	tw.after(restockEvery)
	wantContains(t, alice.do("list"), "2 left")
	wantContains(t, alice.do("buy tonic"), "You buy a folk tonic for $0.75.")
	tw.tick()
	tw.flush(t)
	acc, err := tw.db.AccountByName(context.Background(), "Alice")
	if err != nil {
		t.Fatal(err)
	}
	rec, err := tw.db.CharacterByAccount(context.Background(), acc.ID)
	if err != nil {
		t.Fatal(err)
	}
	if rec.Money != 300-150+87-75 {
		t.Errorf("stored money %d, want %d", rec.Money, 300-150+87-75)
	}
	items, err := tw.db.ItemsOf(context.Background(), characterHolders(rec.ID)...)
	if err != nil {
		t.Fatal(err)
	}
	tonics := 0
	for _, it := range items {
		if it.Proto == "tonic" {
			tonics++
		}
	}
	if tonics != 3 {
		t.Errorf("%d tonics stored in Alice's inventory, want 3", tonics)
	}
	bob := tw.create(t, "Bob")
	tw.after(loginCalm)
	wantContains(t, bob.do("attack grocer"), "under the town's protection")
	runSteps(t, bob, []step{{"north", []string{"Hall"}, ""}, {"list", []string{"nobody here to trade with"}, ""}})
}
