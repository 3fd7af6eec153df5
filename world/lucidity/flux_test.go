package lucidity

import "testing"

func TestEnvironmentTable(t *testing.T) {
	r := DefaultRules()
	tests := []struct {
		env        string
		day, night Milli
	}{
		{"sanctuary", 600, 300}, {"sun_sanctuary", 600, 300}, {"temple", 600, 300}, {"safehouse", 600, 300},
		{"street_paved", 200, 0},
		{"camp", 200, 200},
		{"graveyard", -400, -800}, {"haunted", -400, -800},
		{"eldritch", -1200, -1500},
		{"storm", -300, -300},
		{"forsaken", -500, -200},
		{"indoors", 0, 0}, {"outdoors", 0, 0}, {"underwater", 0, 0}, {"intersection", 0, 0},
		{"arena", 0, 0}, {"void", 0, 0}, {"", 0, 0},
	}
	for _, tt := range tests {
		got := r.BaseRates(Place{Environment: tt.env})
		if got.Day != tt.day || got.Night != tt.night {
			t.Errorf("%s: day %d night %d, want %d %d", tt.env, got.Day, got.Night, tt.day, tt.night)
		}
	}
}

func TestOverrideOrder(t *testing.T) {
	r := DefaultRules()
	tests := []struct {
		name string
		p    Place
		want DayNight
	}{
		{"room override beats all", Place{Override: 250, HasOverride: true, SubZone: "sanitarium", Drain: 3000, HasDrain: true, Environment: "eldritch"}, DayNight{250, 250}},
		{"a room override of zero still wins", Place{HasOverride: true, Environment: "eldritch"}, DayNight{0, 0}},
		{"sanitarium at all hours", Place{SubZone: "sanitarium", Drain: 3000, HasDrain: true, Environment: "sanctuary"}, DayNight{-500, -500}},
		{"drain rate beats environment", Place{SubZone: "stone_circle", Drain: 300, HasDrain: true, Environment: "sanctuary"}, DayNight{-300, -300}},
		{"drain rate capped at 10", Place{Drain: 25000, HasDrain: true}, DayNight{-10000, -10000}},
		{"environment last", Place{SubZone: "downtown", Environment: "street_paved"}, DayNight{200, 0}},
	}
	for _, tt := range tests {
		if got := r.BaseRates(tt.p); got != tt.want {
			t.Errorf("%s: %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

func TestCompanions(t *testing.T) {
	r := DefaultRules()
	tests := []struct {
		steady, troubled int
		want             Milli
	}{
		{0, 0, 0}, {1, 0, 100}, {2, 0, 200}, {3, 0, 300}, {4, 0, 300}, {10, 0, 300},
		{0, 1, -200}, {3, 1, -200}, {0, 4, -200},
	}
	for _, tt := range tests {
		if got := r.Companions(tt.steady, tt.troubled); got != tt.want {
			t.Errorf("Companions(%d, %d) = %d, want %d", tt.steady, tt.troubled, got, tt.want)
		}
	}
}

func TestAdaptiveResistance(t *testing.T) {
	r := DefaultRules()
	tests := []struct {
		rate Milli
		n    int
		want Milli
	}{
		{-1000, 1, -1000}, {-1000, 11, -1000}, {-1000, 12, -750}, {-1000, 21, -750},
		{-1000, 22, -500}, {-1000, 100, -500}, {-400, 12, -300}, {-1500, 22, -750},
		{600, 30, 600}, {0, 30, 0},
	}
	for _, tt := range tests {
		if got := r.Resist(tt.rate, tt.n); got != tt.want {
			t.Errorf("Resist(%d, %d) = %d, want %d", tt.rate, tt.n, got, tt.want)
		}
	}
}

func TestResidual(t *testing.T) {
	tests := []struct {
		residual, rate Milli
		whole          int
		keep           Milli
	}{
		{0, 600, 0, 600}, {600, 600, 1, 200}, {900, 100, 1, 0}, {0, 2500, 2, 500},
		{0, -500, 0, -500}, {-500, -500, -1, 0}, {-800, -300, -1, -100}, {0, -2700, -2, -700},
		{-500, 600, 0, 100}, {999, 0, 0, 999}, {-999, 0, 0, -999},
	}
	for _, tt := range tests {
		whole, keep := Accumulate(tt.residual, tt.rate)
		if whole != tt.whole || keep != tt.keep {
			t.Errorf("Accumulate(%d, %d) = %d, %d; want %d, %d", tt.residual, tt.rate, whole, keep, tt.whole, tt.keep)
		}
	}
}

func TestEvaluateSequence(t *testing.T) {
	// An eldritch room at night, alone: -1.5 per evaluation; from the 12th
	// on x0.75, from the 22nd x0.5.
	r := DefaultRules()
	var residual Milli
	total := 0
	for n := 1; n <= 25; n++ {
		whole, keep := r.Evaluate(-1500, 0, 0, n, residual)
		residual = keep
		total += whole
	}
	// 11 x -1.5 + 10 x -1.125 + 4 x -0.75 = -16.5 - 11.25 - 3 = -30.75
	if total != -30 || residual != -750 {
		t.Errorf("after 25 evaluations: %d points, residual %d; want -30, -750", total, residual)
	}
}

func TestToMilli(t *testing.T) {
	tests := []struct {
		in   float64
		want Milli
	}{{0.1, 100}, {0.3, 300}, {10, 10000}, {-0.5, -500}, {0.0004, 0}}
	for _, tt := range tests {
		if got := ToMilli(tt.in); got != tt.want {
			t.Errorf("ToMilli(%v) = %d, want %d", tt.in, got, tt.want)
		}
	}
}
