package world

import (
	"math/rand/v2"
	"testing"

	"mythosd/store"
	"mythosd/world/lucidity"
)

func TestHitChance(t *testing.T) {
	tests := []struct{ att, def, want int }{
		{50, 50, 50},
		{90, 50, 60},
		{50, 90, 40},
		{53, 50, 50}, // 3/4 rounds toward zero
		{90, 15, 68},
		{400, 0, 95}, // clamped high
		{0, 400, 5},  // clamped low
		{230, 50, 95},
		{50, 230, 5},
	}
	for _, tt := range tests {
		if got := hitChance(tt.att, tt.def); got != tt.want {
			t.Errorf("hitChance(%d, %d) = %d, want %d", tt.att, tt.def, got, tt.want)
		}
	}
}

func TestDamage(t *testing.T) {
	unarmed := blow{min: 1, max: 3, str: 50}
	tests := []struct {
		name       string
		b          blow
		roll, prot int
		want       int
	}{
		{"unarmed, average", unarmed, 2, 0, 2},
		{"STR below 50 adds nothing", blow{min: 1, max: 3, str: 15}, 3, 0, 3},
		{"STR 59 adds nothing", blow{min: 1, max: 3, str: 59}, 3, 0, 3},
		{"STR 60 adds 1", blow{min: 1, max: 3, str: 60}, 3, 0, 4},
		{"STR 90 adds 4", blow{min: 1, max: 3, str: 90}, 3, 0, 7},
		{"modifier", blow{min: 2, max: 8, modifier: 2, str: 50}, 5, 0, 7},
		{"protection", blow{min: 2, max: 8, modifier: 2, str: 70}, 5, 3, 6},
		{"at least 1", unarmed, 1, 10, 1},
	}
	for _, tt := range tests {
		if got := damage(tt.b, tt.roll, tt.prot); got != tt.want {
			t.Errorf("%s: damage = %d, want %d", tt.name, got, tt.want)
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	seen := map[int]bool{}
	for range 1000 {
		r := unarmed.roll(rng)
		if r < 1 || r > 3 {
			t.Fatalf("unarmed roll %d outside 1..3", r)
		}
		seen[r] = true
	}
	if len(seen) != 3 {
		t.Errorf("unarmed rolls cover %v, want 1, 2 and 3", seen)
	}
}

func TestFleeChance(t *testing.T) {
	tests := []struct {
		exits, foes int
		want        float64
	}{
		{0, 0, 0.5},
		{2, 1, 0.6},
		{1, 3, 0.3},
		{0, 4, 0.1}, // exactly the floor
		{0, 9, 0.1}, // clamped low
		{4, 0, 0.9},
		{10, 0, 0.95}, // clamped high
	}
	for _, tt := range tests {
		if got := fleeChance(tt.exits, tt.foes); got < tt.want-1e-9 || got > tt.want+1e-9 {
			t.Errorf("fleeChance(%d exits, %d foes) = %v, want %v", tt.exits, tt.foes, got, tt.want)
		}
	}
}

func TestLevelsAndMaxDP(t *testing.T) {
	for _, tt := range []struct {
		xp   int64
		want int
	}{{0, 1}, {49, 1}, {50, 2}, {199, 2}, {200, 3}, {449, 3}, {450, 4}, {5000, 11}} {
		if got := level(tt.xp); got != tt.want {
			t.Errorf("level(%d) = %d, want %d", tt.xp, got, tt.want)
		}
	}
	c := &Character{attrs: store.Attributes{50, 60, 50, 50, 50, 50, 55, 50, 50}}
	if got := c.maxDP(); got != 23 {
		t.Errorf("max DP of CON 60 SIZ 55 = %d, want 23", got)
	}
	c.xp = 200
	if got := c.maxDP(); got != 27 {
		t.Errorf("max DP at level 3 = %d, want 27", got)
	}
	if got := (&Character{}).maxDP(); got != 20 {
		t.Errorf("max DP of a character not yet rolled = %d, want 20", got)
	}
}

func TestPanicFlight(t *testing.T) {
	w := &World{rng: rand.New(rand.NewPCG(3, 4))}
	c := &Character{attrs: store.Attributes{50, 50, 50, 50, 50, 50, 50, 50, 50}} // max DP 20: heavy is more than 3
	tests := []struct {
		name     string
		lucidity int
		dmg      int
		lo, hi   int // bolts in 10,000 blows
	}{
		{"deranged, heavy blow", 10, 4, 1800, 2200},
		{"deranged, blow of exactly 15 %", 10, 3, 0, 0},
		{"fractured, heavy blow", 25, 10, 0, 0},
		{"lucid, heavy blow", 100, 10, 0, 0},
	}
	for _, tt := range tests {
		c.Lucidity = tt.lucidity
		n := 0
		for range 10000 {
			if w.panicked(c, tt.dmg) {
				n++
			}
		}
		if n < tt.lo || n > tt.hi {
			t.Errorf("%s: bolted %d times in 10,000, want %d..%d", tt.name, n, tt.lo, tt.hi)
		}
	}
	if lucidity.TierOf(10) != lucidity.Deranged {
		t.Fatal("lucidity 10 is no longer deranged; fix the table")
	}
}

func TestThreatPicksMostDamageElseFirstAttacker(t *testing.T) {
	f := &fight{}
	a, b, c := &Character{Name: "A", fight: f}, &Character{Name: "B", fight: f}, &Character{Name: "C"}
	n := &NPC{fight: f}
	n.noteThreat(c, 50) // not in the fight: never a target
	n.noteThreat(a, 0)
	n.noteThreat(b, 0)
	if got := n.pickTarget(); got != a {
		t.Errorf("no damage yet: target %v, want the first attacker A", got.Name)
	}
	n.noteThreat(b, 3)
	if got := n.pickTarget(); got != b {
		t.Errorf("B dealt 3: target %v, want B", got.Name)
	}
	n.noteThreat(a, 3)
	if got := n.pickTarget(); got != a {
		t.Errorf("a tie at 3: target %v, want the first attacker A", got.Name)
	}
	a.fight = nil
	if got := n.pickTarget(); got != b {
		t.Errorf("A left: target %v, want B", got.Name)
	}
}

func TestShopPrices(t *testing.T) {
	for _, tt := range []struct {
		value     int
		buy, sell int64
	}{{50, 75, 25}, {175, 262, 87}, {1, 1, 0}, {0, 0, 0}, {999, 1498, 499}} {
		if b, s := buyPrice(tt.value), sellPrice(tt.value); b != tt.buy || s != tt.sell {
			t.Errorf("value %d: buy %d sell %d, want %d and %d", tt.value, b, s, tt.buy, tt.sell)
		}
	}
}

func TestBuyArgs(t *testing.T) {
	for _, tt := range []struct {
		in   string
		what string
		qty  int
		ok   bool
	}{
		{"tonic", "tonic", 1, true},
		{"Folk Tonic 3", "folk tonic", 3, true},
		{"tonic 20", "tonic", 20, true},
		{"tonic 21", "", 0, false},
		{"tonic 0", "", 0, false},
		{"tonic -2", "", 0, false},
		{"tonic 99999999999999999999", "tonic 99999999999999999999", 1, true}, // no number: part of the name
		{"", "", 0, false},
	} {
		what, qty, ok := buyArgs(tt.in)
		if what != tt.what || qty != tt.qty || ok != tt.ok {
			t.Errorf("buyArgs(%q) = %q %d %v, want %q %d %v", tt.in, what, qty, ok, tt.what, tt.qty, tt.ok)
		}
	}
}

func TestPromptFormat(t *testing.T) {
	c := &Character{attrs: store.Attributes{50, 60, 50, 50, 50, 50, 55, 50, 50}, Lucidity: 100}
	c.dp = 23
	if got := c.promptText(); got != "<23/23dp 100lcd> " {
		t.Errorf("default prompt %q", got)
	}
	c.dp, c.Lucidity = -3, 42
	if got := c.promptText(); got != "<-3/23dp 42lcd> " {
		t.Errorf("prompt after a change %q", got)
	}
	w := &World{}
	if w.setPrompt(c, "\x1b[31m%h ") || w.setPrompt(c, string(make([]byte, 81))) || w.setPrompt(c, "\xff%h") {
		t.Error("a prompt with control bytes, too long or invalid UTF-8 was taken")
	}
	if !w.setPrompt(c, "[%h of %H | %l%% | %x xp | %q] ") {
		t.Fatal("a good prompt was refused")
	}
	if got := c.promptText(); got != "[-3 of 23 | 42% | 0 xp | %q] " {
		t.Errorf("custom prompt %q", got)
	}
}

// FuzzPromptAndBuyArgs feeds any text to the prompt format and to the
// buy command's reading: no panic, a prompt that is taken renders to
// printable text, a quantity is always 1..20.
func FuzzPromptAndBuyArgs(f *testing.F) {
	for _, s := range []string{"<%h/%Hdp %llcd> ", "%", "%%%", "tonic 3", "a b -1", "\xff%h", "%h%H%l%x%q"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := &Character{Lucidity: -7}
		c.dp = -3
		w := &World{}
		if w.setPrompt(c, s) {
			if out := c.promptText(); !printable(out) {
				t.Errorf("prompt %q renders to %q", s, out)
			}
		}
		if _, qty, ok := buyArgs(s); ok && (qty < 1 || qty > maxBuy) {
			t.Errorf("buyArgs(%q) quantity %d", s, qty)
		}
	})
}
