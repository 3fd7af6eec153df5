package telnet

import "testing"

// TestEchoAndSGA checks ECHO and SGA byte for byte at every split; the
// Q method itself is covered by TestNegotiation.
func TestEchoAndSGA(t *testing.T) {
	runOptionCases(t, baseOptions, []optionCase{
		{"nothing offered", "", "", wantPromptEnd("\xff\xf9")},
		{"DO ECHO refused", "\xff\xfd\x01", "\xff\xfc\x01", nil},
		{"WILL ECHO refused", "\xff\xfb\x01", "\xff\xfe\x01", nil},
		{"DO SGA accepted: no GA", "\xff\xfd\x03", "\xff\xfb\x03", wantPromptEnd("")},
		{"WILL SGA accepted: GA stays", "\xff\xfb\x03", "\xff\xfd\x03", wantPromptEnd("\xff\xf9")},
		{"SGA withdrawn: GA back", "\xff\xfd\x03\xff\xfe\x03", "\xff\xfb\x03\xff\xfc\x03", wantPromptEnd("\xff\xf9")},
		{"commands inside text", "lo\xff\xfd\x03ok\r\n", "\xff\xfb\x03", wantPromptEnd("")},
	})
}
