package netcore

import "testing"

func TestCauseNames(t *testing.T) {
	seen := make(map[string]Cause)
	for _, c := range Causes() {
		name := c.String()
		if name == "" {
			t.Errorf("cause %d has no name", c)
		}
		if prev, dup := seen[name]; dup {
			t.Errorf("causes %d and %d share the name %q", prev, c, name)
		}
		seen[name] = c
	}
	if got := Cause(200).String(); got != "unknown" {
		t.Errorf("Cause(200) = %q, want unknown", got)
	}
}
