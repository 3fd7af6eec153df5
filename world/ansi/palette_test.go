package ansi

import "testing"

func TestNearest256(t *testing.T) {
	tests := []struct {
		c    rgb
		want int
	}{
		{rgb{0, 0, 0}, 16},
		{rgb{255, 255, 255}, 231},
		{rgb{255, 0, 0}, 196},
		{rgb{255, 135, 0}, 208},
		{rgb{128, 128, 128}, 244},
		{rgb{8, 8, 8}, 232},
		{rgb{238, 238, 238}, 255},
		{rgb{95, 135, 175}, 67},
	}
	for _, tt := range tests {
		if got := nearest256(tt.c); got != tt.want {
			t.Errorf("nearest256(%v) = %d, want %d", tt.c, got, tt.want)
		}
	}
}

func TestNearest16(t *testing.T) {
	tests := []struct {
		c    rgb
		want int
	}{
		{rgb{0, 0, 0}, 0},
		{rgb{200, 10, 10}, 1},
		{rgb{255, 255, 255}, 15},
		{rgb{230, 230, 230}, 7},
		{rgb{120, 120, 120}, 8},
		{rgb{90, 90, 250}, 12},
		{rgb{0, 200, 200}, 6},
	}
	for _, tt := range tests {
		if got := nearest16(tt.c); got != tt.want {
			t.Errorf("nearest16(%v) = %d, want %d", tt.c, got, tt.want)
		}
	}
}

// TestPaletteRoundTrip checks that every palette entry of the cube and the
// grey ramp is its own nearest entry, and every basic colour its own
// nearest of 16.
func TestPaletteRoundTrip(t *testing.T) {
	for n := 16; n < 256; n++ {
		if got := nearest256(index256RGB(n)); got != n {
			t.Errorf("nearest256(colour of %d) = %d", n, got)
		}
	}
	for k := range 16 {
		if got := nearest16(basic16(k)); got != k {
			t.Errorf("nearest16(colour of %d) = %d", k, got)
		}
	}
}
