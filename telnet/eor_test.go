package telnet

import "testing"

// wantPromptEnd returns a check of what follows prompts.
func wantPromptEnd(end string) func(testing.TB, *negotiator) {
	return func(tb testing.TB, n *negotiator) {
		tb.Helper()
		if got := string(n.promptEnd()); got != end {
			tb.Fatalf("prompt end %q, want %q", got, end)
		}
	}
}

func TestEOR(t *testing.T) {
	const (
		willEOR = "\xff\xfb\x19"
		doEOR   = "\xff\xfd\x19"
		dontEOR = "\xff\xfe\x19"
		doSGA   = "\xff\xfd\x03"
		ga      = "\xff\xf9"
		eor     = "\xff\xef"
	)
	opts := func() []Option { return []Option{sgaOption{}, eorOption{}} }
	runOptionCases(t, opts, []optionCase{
		{"offers at the start; GA until agreed", "", willEOR, wantPromptEnd(ga)},
		{"agreed: prompts end with EOR", doEOR, willEOR, wantPromptEnd(eor)},
		{"refused: GA", dontEOR, willEOR, wantPromptEnd(ga)},
		{"withdrawn: GA again", doEOR + dontEOR, willEOR + "\xff\xfc\x19", wantPromptEnd(ga)},
		{"EOR wins over SGA", doSGA + doEOR, willEOR + "\xff\xfb\x03", wantPromptEnd(eor)},
		{"SGA without EOR: nothing", dontEOR + doSGA, willEOR + "\xff\xfb\x03", wantPromptEnd("")},
		{"client's WILL EOR refused", "\xff\xfb\x19", willEOR + "\xff\xfe\x19", wantPromptEnd(ga)},
	})
}
