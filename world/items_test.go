package world

import (
	"strings"
	"testing"
	"time"

	"mythosd/store"
)

// giveItems makes n instances of proto in name's inventory, on the loop.
func (tw *testWorld) giveItems(t testing.TB, name, proto string, n int) {
	t.Helper()
	tw.onLoop(func() {
		c := tw.chars[nameKey(name)]
		for range n {
			tw.newItem(tw.protos[proto], invOf(c), "")
		}
	})
}

// setAttrs gives name's character STR and SIZ (and 50 in the rest).
func (tw *testWorld) setAttrs(name string, str, siz int) {
	tw.onLoop(func() {
		c := tw.chars[nameKey(name)]
		c.attrs = store.Attributes{str, 50, 50, 50, 50, 50, siz, 50, 50}
	})
}

// step is one line typed and what must (and must not) come back.
type step struct {
	line string
	want []string
	not  string
}

func runSteps(t *testing.T, p *player, steps []step) {
	t.Helper()
	for _, s := range steps {
		got := p.do(s.line)
		wantContains(t, got, s.want...)
		if s.not != "" && strings.Contains(got, s.not) {
			t.Errorf("%q: output has %q:\n%s", s.line, s.not, got)
		}
	}
}

func TestGetDropInventoryLook(t *testing.T) {
	tw := newTestWorld(t, "")
	alice := tw.create(t, "Alice")
	bob := tw.create(t, "Bob")
	tw.setAttrs("Alice", 50, 50)
	runSteps(t, alice, []step{
		{"look", []string{"A brass lamp stands here.", "Two folk tonics lie here."}, ""},
		{"i", []string{"You carry nothing.", "0 of 20 stacks", "of 50.0 lb"}, ""},
		{"get tonic", []string{"You pick up a folk tonic."}, ""},
		{"look", []string{"A folk tonic lies here."}, "Two"},
		{"take all", []string{"You pick up a brass lamp and a folk tonic."}, ""},
		{"get all", []string{"You see no thing at all here."}, ""},
		{"inventory", []string{"a brass lamp", "two folk tonics", "Weight: 4.0 of 50.0 lb; 2 of 20 stacks"}, ""},
		{"drop all.tonic", []string{"You drop two folk tonics."}, ""},
		{"get 3 tonic", []string{"You pick up two folk tonics."}, ""},
		{"drop 2 tonic", []string{"You drop two folk tonics."}, ""},
		{"get 2.tonic", []string{"You pick up a folk tonic."}, ""},
		{"drop lamp", []string{"You drop a brass lamp."}, ""},
		{"drop all", []string{"You drop a folk tonic."}, ""},
		{"drop all", []string{"You carry no thing at all."}, ""},
		{"x lamp", []string{"A brass lamp", "A dented railroad lamp.", "It weighs 3.0 lb; it can be worn on: off hand."}, ""},
		{"look lamp", []string{"A dented railroad lamp."}, ""},
		{"get bucket", []string{`You see no "bucket" here.`}, ""},
		{"drop bucket", []string{`You carry no "bucket".`}, ""},
	})
	wantContains(t, bob.conn.take(), "Alice picks up a folk tonic.", "Alice drops two folk tonics.")
}

func TestCarryLimits(t *testing.T) {
	tw := newTestWorld(t, "")
	alice := tw.create(t, "Alice")
	tw.setAttrs("Alice", 40, 40) // 40 lb
	alice.do("north")
	tw.giveItems(t, "Alice", "tonic", 1)
	runSteps(t, alice, []step{
		{"get anvil", []string{"An anvil is too heavy for you to carry as well."}, ""},
		{"get cabinet", []string{"A filing cabinet is fixed in place."}, ""},
		{"get all", []string{"An anvil is too heavy"}, "fixed"},
		{"drop tonic", nil, ""},
		{"get all", []string{"You pick up a folk tonic.", "An anvil is too heavy"}, "fixed"}, // the rest still come
		{"get all.cabinet", []string{"There is nothing here you can carry."}, ""},
		{"drop tonic", nil, ""},
	})
	tw.giveItems(t, "Alice", "box", maxStacks)
	alice.do("south")
	runSteps(t, alice, []step{
		{"i", []string{"20 of 20 stacks"}, ""},
		{"get lamp", []string{"Your hands are full: you carry 20 kinds of things already."}, ""},
		{"drop box", []string{"You drop a tin box."}, ""},
		{"get 2 tonic", []string{"You pick up two folk tonics."}, ""},
		{"get lamp", []string{"Your hands are full"}, ""},
	})
	tw.setAttrs("Alice", 15, 15)
	tw.giveItems(t, "Alice", "revolver", 0)
	runSteps(t, alice, []step{
		{"drop all.box", []string{"You drop"}, ""},
		{"get lamp", []string{"You pick up a brass lamp."}, ""},
		{"i", []string{"of 15.0 lb"}, ""},
	})
	tw.giveItems(t, "Alice", "satchel", 10) // 10 lb more: 14 of 15
	runSteps(t, alice, []step{{"get all.box", []string{"You pick up two tin boxes.", "A tin box is too heavy"}, ""}})
}

func TestContainers(t *testing.T) {
	tw := newTestWorld(t, "")
	alice := tw.create(t, "Alice")
	bob := tw.create(t, "Bob")
	tw.setAttrs("Alice", 90, 90)
	alice.do("get all")
	alice.do("north")
	bob.do("north")
	runSteps(t, alice, []step{
		{"look in cabinet", []string{"A filing cabinet is locked."}, ""},
		{"get papers from cabinet", []string{"A filing cabinet is locked."}, ""},
		{"open cabinet", []string{"A filing cabinet is locked."}, ""},
		{"unlock cabinet", []string{"You have no key that fits a filing cabinet."}, ""},
		{"put lamp in cabinet", []string{"A filing cabinet is locked."}, ""},
		{"east", []string{"Garden"}, ""},
		{"get all", []string{"a leather satchel", "a small brass key", "a tin box"}, ""},
		{"west", []string{"Hall"}, ""},
		{"unlock cabinet", []string{"You unlock a filing cabinet."}, ""},
		{"unlock cabinet", []string{"A filing cabinet is already unlocked."}, ""},
		{"open cabinet", []string{"You open a filing cabinet."}, ""},
		{"lock cabinet", []string{"Close a filing cabinet first."}, ""},
		{"look in cabinet", []string{"A filing cabinet holds:", "some case notes", "an iron key"}, ""},
		{"get all from cabinet", []string{"You take some case notes and an iron key from a filing cabinet."}, ""},
		{"look in cabinet", []string{"A filing cabinet is empty."}, ""},
		{"examine 2.key", []string{"A heavy key."}, ""},
		{"examine 1.key", []string{"A small key."}, ""},
		{"put tonic in satchel", []string{"A leather satchel is closed."}, ""},
		{"open satchel", []string{"You open a leather satchel."}, ""},
		{"put 2 tonic in satchel", []string{"You put two folk tonics in a leather satchel."}, ""},
		{"put lamp in satchel", []string{"You put a brass lamp in a leather satchel."}, ""},
		{"put revolver in satchel", []string{"A leather satchel is full."}, ""},
		{"get lamp from satchel", []string{"You take a brass lamp from a leather satchel."}, ""},
		{"put revolver in box", []string{"You put a .38 revolver in a tin box."}, ""},
		{"put lamp in box", []string{"A tin box cannot hold that much weight."}, ""},
		{"put satchel in satchel", []string{"You cannot put a leather satchel inside itself."}, ""},
		{"put all.satchel in satchel", []string{"You carry no \"satchel\" to put in a leather satchel."}, ""},
		{"put satchel in box", []string{"You put a leather satchel in a tin box."}, ""},
		{"put box in cabinet", []string{"Containers nest two deep at most"}, ""},
		{"get satchel from box", []string{"You take a leather satchel from a tin box."}, ""},
		{"put coat in satchel", []string{"You put a greatcoat in a leather satchel."}, ""},
		{"put satchel in box", []string{"Containers nest two deep at most"}, ""},
		{"get coat from satchel", []string{"You take a greatcoat from a leather satchel."}, ""},
		{"put letter in cabinet", []string{"You cannot bring yourself to leave a sealed letter behind."}, ""},
		{"close cabinet", []string{"You close a filing cabinet."}, ""},
		{"lock cabinet", []string{"You lock a filing cabinet."}, ""},
		{"look in lamp", []string{"A brass lamp holds nothing; it is no container."}, ""},
		{"close box", []string{"A tin box does not open or close."}, ""},
	})
	wantContains(t, bob.conn.take(), "Alice opens a filing cabinet.")
}

func TestLockedExitAndKey(t *testing.T) {
	tw := newTestWorld(t, "")
	alice := tw.create(t, "Alice")
	alice.do("north")
	runSteps(t, alice, []step{
		{"west", []string{"The way west is locked."}, ""},
		{"unlock west", []string{"You have no key that fits the way west."}, ""},
		{"unlock south", []string{"The way south has no lock."}, ""},
		{"east", nil, ""}, {"get key", []string{"small brass key"}, ""}, {"west", nil, ""},
		{"unlock cabinet", []string{"You unlock"}, ""}, {"open cabinet", nil, ""},
		{"get iron from cabinet", []string{"an iron key"}, ""},
		{"unlock west", []string{"You unlock the way west."}, ""},
		{"look", []string{"Exits: south, east, west."}, "locked"},
		{"look west", []string{"To the west lies Ward."}, ""},
		{"west", []string{"Ward"}, ""},
	})
	// The room's reset shuts the door again and locks the cabinet.
	tw.clock.advance(defaultResetEvery + time.Second)
	tw.tick()
	alice.do("north")
	runSteps(t, alice, []step{
		{"west", []string{"The way west is locked."}, ""},
		{"look in cabinet", []string{"A filing cabinet is locked."}, ""},
	})
}

func TestADoorUnlocksFromBothSides(t *testing.T) {
	tw := newTestWorld(t, "")
	alice := tw.create(t, "Alice")
	tw.giveItems(t, "Alice", "key_west", 1)
	alice.do("down")
	runSteps(t, alice, []step{
		{"look east", []string{"The way east is locked; beyond it lies Vault."}, ""},
		{"unlock east", []string{"You unlock the way east."}, ""},
		{"east", []string{"Vault", "Exits: west."}, "locked"},
		{"lock west", []string{"You lock the way west."}, ""},
		{"west", []string{"The way west is locked."}, ""},
		{"unlock west", []string{"You unlock the way west."}, ""},
		{"west", []string{"Cellar", "Exits: east, up."}, "locked"},
	})
}

func TestEquipment(t *testing.T) {
	tw := newTestWorld(t, "")
	alice := tw.create(t, "Alice")
	tw.setAttrs("Alice", 90, 90)
	alice.do("north")
	alice.do("east")
	tw.giveItems(t, "Alice", "revolver", 1)
	runSteps(t, alice, []step{
		{"get all", []string{"a greatcoat", "a black ring"}, ""},
		{"wear tonic", []string{"You carry no \"tonic\"."}, ""},
		{"wear letter", []string{"You cannot wear or wield a sealed letter."}, ""},
		{"wield revolver", []string{"You wear a .38 revolver (main hand)."}, ""},
		{"equip revolver", []string{"You take off a .38 revolver.", "You wear a .38 revolver (main hand)."}, ""},
		{"wear coat", []string{"You wear a greatcoat (torso)."}, ""},
		{"eq", []string{"torso:     a greatcoat", "main hand: a .38 revolver", "head:      -"}, ""},
		{"wear ring", []string{"You wear a black ring (ring)."}, ""},
		{"remove ring", []string{"A black ring will not come off: a curse holds it to you."}, ""},
		{"remove coat", []string{"You take off a greatcoat."}, ""},
		{"unequip bucket", []string{"You wear no \"bucket\"."}, ""},
	})
	// A full inventory: swapping works while it frees a stack, and not
	// when it does not; taking off needs room.
	tw.giveItems(t, "Alice", "candle", 2)
	tw.giveItems(t, "Alice", "lamp", 1)
	alice.do("wear lamp")
	tw.giveItems(t, "Alice", "box", maxStacks-stacksOf(tw, "Alice"))
	runSteps(t, alice, []step{
		{"wear candle", []string{"Your hands are full: there is no room to take off a brass lamp."}, ""},
		{"remove revolver", []string{"Your hands are full: there is no room to take off a .38 revolver."}, ""},
		{"drop box", nil, ""},
		{"wear candle", []string{"You take off a brass lamp.", "You wear a tallow candle (off hand)."}, ""},
		{"drop all.box", nil, ""},
		{"north", nil, ""}, {"east", nil, ""}, {"east", nil, ""},
		{"look", []string{"Temple"}, ""},
		{"pray", []string{"the curses on your belongings loosen"}, ""},
		{"remove ring", []string{"You take off a black ring."}, ""},
	})
}

// stacksOf counts the stacks name carries.
func stacksOf(tw *testWorld, name string) int {
	n := 0
	tw.onLoop(func() { n = stackCount(tw.chars[nameKey(name)].inv) })
	return n
}

func TestGiveItemsAndMoney(t *testing.T) {
	tw := newTestWorld(t, "")
	alice := tw.create(t, "Alice")
	bob := tw.create(t, "Bob")
	carol := tw.create(t, "Carol")
	carol.do("down")
	tw.setAttrs("Alice", 90, 90)
	tw.setAttrs("Bob", 5, 5)
	tw.onLoop(func() { tw.chars["alice"].money = 500 })
	alice.do("get all")
	alice.do("north")
	alice.do("east")
	alice.do("get all")
	alice.do("west")
	alice.do("south")
	bob.conn.take()
	runSteps(t, alice, []step{
		{"give lamp to carol", []string{"Carol is not here; you can only hand things to someone in the same room."}, ""},
		{"give lamp to nobody", []string{`There is no "nobody" beside you`}, ""},
		{"give lamp to " + strings.Repeat("z", 400), []string{"..."}, ""},
		{"give lamp to bob", []string{"You give a brass lamp to Bob."}, ""},
		{"give letter to bob", []string{"You cannot bring yourself to let go of a sealed letter."}, ""},
		{"give 2 tonic to bob", []string{"You give two folk tonics to Bob."}, ""},
		{"give satchel to bob", []string{"You give a leather satchel to Bob."}, ""},
		{"give coat to bob", []string{"Bob cannot take it: A greatcoat is too heavy"}, ""},
		{"give 1.50 to bob", []string{"You give $1.50 to Bob."}, ""},
		{"give $2 to bob", []string{"You give $2.00 to Bob."}, ""},
		{"give $5 to bob", []string{"You have only $1.50."}, ""},
		{"give $-5 to bob", []string{"You cannot give a negative amount."}, ""},
		{"give $99999999999999999999 to bob", []string{"more money than there is"}, ""},
		{"give 1.555 to bob", []string{"An amount is dollars and cents"}, ""},
		{"give $0 to bob", []string{"Giving nothing at all"}, ""},
		{"give to bob", []string{"Give what to whom?"}, ""},
		{"i", []string{"Money: $1.50."}, ""},
	})
	wantContains(t, bob.conn.take(), "Alice gives you a brass lamp.", "Alice gives you $1.50.")
	wantContains(t, bob.do("i"), "a brass lamp", "two folk tonics", "Money: $3.50.")
	wantContains(t, carol.conn.take(), "")
}

func TestUseAndUnique(t *testing.T) {
	tw := newTestWorld(t, "")
	alice := tw.create(t, "Alice")
	tw.setLucidity(t, "Alice", 50)
	tw.setAttrs("Alice", 90, 90)
	alice.do("get all")
	alice.do("north")
	alice.do("east")
	tw.giveItems(t, "Alice", "amulet", 1)
	runSteps(t, alice, []step{
		{"get amulet", []string{"You can carry only one of jade amulets."}, ""},
		{"get letter", []string{"You pick up a sealed letter."}, ""},
		{"read letter", []string{"Do not trust the doctor."}, ""},
		{"read letter", []string{`You see no "letter" about you.`}, ""},
		{"eat tonic", []string{"You cannot eat a folk tonic."}, ""},
		{"drink tonic", []string{"Bitter as gall.", "Lucidity +3."}, ""},
		{"use tonic", []string{"Bitter as gall."}, ""},
		{"drink tonic", []string{`You see no "tonic" about you.`}, ""},
		{"use lamp", []string{"You cannot use a brass lamp."}, ""},
	})
	if got := tw.character(t, "Alice").Lucidity; got != 56 {
		t.Errorf("lucidity %d after two tonics, want 56", got)
	}
}

func TestBadItemInput(t *testing.T) {
	tw := newTestWorld(t, "")
	alice := tw.create(t, "Alice")
	long := strings.Repeat("lamp", 100)
	runSteps(t, alice, []step{
		{"get 99999999999.lamp", []string{"There are not that many of anything here."}, ""},
		{"get 99999999999999999999999 lamp", []string{"You can handle at most 100 things at once."}, ""},
		{"get -3 tonic", []string{"You cannot handle a negative number of things."}, ""},
		{"get 0 tonic", []string{"Nothing at all? Done."}, ""},
		{"get 3", []string{"Which thing do you mean?"}, ""},
		{"get " + long, []string{"Nothing here has a name that long."}, long},
		{"get \xff\xfe", []string{"That name is garbled"}, ""},
		{"get all.", []string{"Which thing do you mean?"}, ""},
		{"get", []string{"Which thing do you mean?"}, ""},
		{"put", []string{"Put what in what?"}, ""},
		{"get 0.lamp", []string{"There are not that many"}, ""},
		{"put satchel in satchel", []string{`You see no "satchel" here.`}, ""},
		{"look " + long, []string{"You see no"}, long},
	})
}
