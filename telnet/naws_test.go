package telnet

import "testing"

// wantSize returns a check that the client reported width x height.
func wantSize(width, height int) func(testing.TB, *negotiator) {
	return func(tb testing.TB, n *negotiator) {
		tb.Helper()
		if c := n.Client(); c.Width != width || c.Height != height {
			tb.Fatalf("size %dx%d, want %dx%d", c.Width, c.Height, width, height)
		}
	}
}

func TestNAWS(t *testing.T) {
	const (
		doNAWS   = "\xff\xfd\x1f"
		willNAWS = "\xff\xfb\x1f"
		dontNAWS = "\xff\xfe\x1f"
	)
	runOptionCases(t, only(func() Option { return nawsOption{} }), []optionCase{
		{"asks at the start", "", doNAWS, wantSize(0, 0)},
		{"size", willNAWS + "\xff\xfa\x1f\x00\x78\x00\x28\xff\xf0", doNAWS, wantSize(120, 40)},
		{"resize applies at once", willNAWS + "\xff\xfa\x1f\x00\x50\x00\x18\xff\xf0\xff\xfa\x1f\x01\x2c\x00\x32\xff\xf0",
			doNAWS, wantSize(300, 50)},
		{"IAC in the size is doubled", willNAWS + "\xff\xfa\x1f\x00\xff\xff\xff\xff\x18\xff\xf0", doNAWS, wantSize(255, 0xff18)},
		{"zero means unknown", willNAWS + "\xff\xfa\x1f\x00\x00\x00\x00\xff\xf0", doNAWS, wantSize(0, 0)},
		{"wrong length ignored", willNAWS + "\xff\xfa\x1f\x00\x50\x00\xff\xf0\xff\xfa\x1f\x00\x50\x00\x18\x00\xff\xf0", doNAWS, wantSize(0, 0)},
		{"size before WILL ignored", "\xff\xfa\x1f\x00\x78\x00\x28\xff\xf0", doNAWS, wantSize(0, 0)},
		{"refused", "\xff\xfc\x1f", doNAWS, wantSize(0, 0)},
		{"withdrawn forgets the size", willNAWS + "\xff\xfa\x1f\x00\x78\x00\x28\xff\xf0\xff\xfc\x1f", doNAWS + dontNAWS, wantSize(0, 0)},
		{"DO NAWS refused", "\xff\xfd\x1f", doNAWS + "\xff\xfc\x1f", wantSize(0, 0)},
		{"text around it", "look\r\n" + willNAWS + "\xff\xfa\x1f\x00\x84\x00\x2a\xff\xf0", doNAWS, wantSize(132, 42)},
	})
}
