package lucidity

import "testing"

func TestTierOf(t *testing.T) {
	tests := []struct {
		lcd  int
		want Tier
	}{
		{100, Lucid}, {70, Lucid}, {69, Uneasy}, {40, Uneasy}, {39, Fractured},
		{20, Fractured}, {19, Deranged}, {1, Deranged}, {0, Catatonic}, {-100, Catatonic},
	}
	for _, tt := range tests {
		if got := TierOf(tt.lcd); got != tt.want {
			t.Errorf("TierOf(%d) = %v, want %v", tt.lcd, got, tt.want)
		}
	}
}

func TestClamp(t *testing.T) {
	tests := []struct{ in, want int }{{150, 100}, {100, 100}, {0, 0}, {-100, -100}, {-101, -100}}
	for _, tt := range tests {
		if got := Clamp(tt.in); got != tt.want {
			t.Errorf("Clamp(%d) = %d, want %d", tt.in, got, tt.want)
		}
	}
}
