package world

import (
	"testing"

	"mythosd/world/ansi"
)

func TestColorModeRoundTrip(t *testing.T) {
	tests := []struct {
		mode ColorMode
		ansi ansi.Mode
	}{{ColorNone, ansi.None}, {Color16, ansi.Color16}, {Color256, ansi.Color256}, {ColorTrue, ansi.TrueColor}}
	for _, tt := range tests {
		if got := tt.mode.Render(); got != tt.ansi {
			t.Errorf("%v.Render() = %v, want %v", tt.mode, got, tt.ansi)
		}
		if got := ColorModeOf(tt.ansi); got != tt.mode {
			t.Errorf("ColorModeOf(%v) = %v, want %v", tt.ansi, got, tt.mode)
		}
	}
	if ColorAuto.Render() != ansi.None {
		t.Error("ColorAuto renders as colour")
	}
}
