package lucidity

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

func TestEncounterDelta(t *testing.T) {
	r := DefaultRules()
	tests := []struct {
		kind EncounterKind
		seen int
		want int
	}{
		{Disturbing, 0, -6}, {Disturbing, 1, -2}, {Disturbing, 5, -2}, {Disturbing, 6, -1}, {Disturbing, 40, -1},
		{Horrific, 0, -12}, {Horrific, 3, -5}, {Horrific, 6, -2},
		{Cosmic, 0, -20}, {Cosmic, 1, -10}, {Cosmic, 6, -5},
	}
	for _, tt := range tests {
		if got := r.EncounterDelta(tt.kind, tt.seen); got != tt.want {
			t.Errorf("EncounterDelta(%s, %d) = %d, want %d", tt.kind, tt.seen, got, tt.want)
		}
	}
	if _, err := ParseEncounter("mild"); err == nil {
		t.Error("ParseEncounter accepted an unknown kind")
	}
}

func TestRituals(t *testing.T) {
	r := DefaultRules()
	tests := []struct {
		name     string
		gain     int
		cooldown time.Duration
	}{
		{"pray", 8, 15 * time.Minute}, {"meditate", 6, 10 * time.Minute},
		{"group_solace", 4, 20 * time.Minute}, {"therapy", 15, 12 * time.Hour},
		{"folk_tonic", 3, 30 * time.Minute},
	}
	for _, tt := range tests {
		got := r.Rituals[tt.name]
		if got.Gain != tt.gain || got.Cooldown != tt.cooldown {
			t.Errorf("%s: %+v, want +%d every %v", tt.name, got, tt.gain, tt.cooldown)
		}
	}
	now := time.Date(1926, 1, 1, 0, 0, 0, 0, time.UTC)
	if ok, left := Ready(now, now.Add(time.Minute)); ok || left != time.Minute {
		t.Errorf("Ready before the end: %v %v", ok, left)
	}
	if ok, _ := Ready(now, now); !ok {
		t.Error("not ready at the very end of the cooldown")
	}
}

func TestLiability(t *testing.T) {
	r := DefaultRules()
	tests := []struct {
		delta    int
		from, to Tier
		want     string
	}{
		{-1, Lucid, Uneasy, LiabilityJumpy},
		{-3, Uneasy, Fractured, LiabilityNightTerrors},
		{-1, Fractured, Deranged, LiabilityParanoia},
		{-1, Deranged, Catatonic, LiabilityDissociation},
		{-30, Lucid, Fractured, LiabilityNightTerrors},
		{-15, Lucid, Lucid, LiabilityShaken},
		{-14, Lucid, Lucid, ""},
		{8, Uneasy, Lucid, ""},
	}
	for _, tt := range tests {
		got, ok := r.Liability(tt.delta, tt.from, tt.to)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("Liability(%d, %v, %v) = %q, %v; want %q", tt.delta, tt.from, tt.to, got, ok, tt.want)
		}
	}
}

func TestEffectsTable(t *testing.T) {
	r := DefaultRules()
	tests := []struct {
		lcd  int
		want Effects
	}{
		{70, Effects{}},
		{69, Effects{EnterHallucination: 10, Strained: true}},
		{39, Effects{HallucinationChance: 25, HallucinationEvery: 30 * time.Second, Misfire: 10, Glyphs: 20, LosePunctuation: 30}},
		{19, Effects{HallucinationChance: 45, HallucinationEvery: 20 * time.Second, Misfire: 25, NoShout: true, Scramble: 10}},
		{0, Effects{Stupor: true}},
	}
	for _, tt := range tests {
		if got := r.EffectsOf(tt.lcd); got != tt.want {
			t.Errorf("EffectsOf(%d) = %+v, want %+v", tt.lcd, got, tt.want)
		}
	}
}

// TestRollRates checks each tier's chances against a seeded source: over
// many draws the share that comes up is the percentage.
func TestRollRates(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	for _, pct := range []int{0, 10, 20, 25, 30, 45, 100} {
		hits := 0
		for range 100000 {
			if Roll(rng, pct) {
				hits++
			}
		}
		if got := float64(hits) / 1000; got < float64(pct)-1 || got > float64(pct)+1 {
			t.Errorf("Roll(%d%%) came up %.2f%% of the time", pct, got)
		}
	}
}

func TestDistortions(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	in := "Meet me at the old mill, before midnight!"
	if got := StripPunctuation(in); got != "Meet me at the old mill before midnight" {
		t.Errorf("StripPunctuation: %q", got)
	}
	glyphed := AddGlyphs(in, rng)
	if glyphed == in || !strings.ContainsAny(glyphed, glyphSet) {
		t.Errorf("AddGlyphs added nothing: %q", glyphed)
	}
	scrambled := Scramble(in, rng)
	if scrambled == in || len(scrambled) != len(in) || !strings.HasPrefix(scrambled, "M") {
		t.Errorf("Scramble: %q", scrambled)
	}
	again := Scramble(in, rand.New(rand.NewPCG(1, 1)))
	if again != Scramble(in, rand.New(rand.NewPCG(1, 1))) {
		t.Error("Scramble is not deterministic for one seed")
	}
	h := Hallucinate(rng)
	if (h.Figure == "") == (h.Whisper == "") {
		t.Errorf("Hallucinate gave %+v", h)
	}
}
