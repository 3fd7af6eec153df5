package telnet

import "testing"

func TestMCCP2(t *testing.T) {
	const willMCCP2 = "\xff\xfb\x56"
	runOptionCases(t, only(func() Option { return mccp2Option{} }), []optionCase{
		{"offers at the start", "", willMCCP2, nil},
		{"agreed: compression starts", "\xff\xfd\x56", willMCCP2 + "<compress on>", nil},
		{"agreed twice: starts once", "\xff\xfd\x56\xff\xfd\x56", willMCCP2 + "<compress on>", nil},
		{"withdrawn: compression ends", "\xff\xfd\x56\xff\xfe\x56", willMCCP2 + "<compress on>\xff\xfc\x56<compress off>", nil},
		{"refused", "\xff\xfe\x56", willMCCP2, nil},
		{"client's WILL refused", "\xff\xfb\x56", willMCCP2 + "\xff\xfe\x56", nil},
		{"MCCP v1 unknown", "\xff\xfd\x55", willMCCP2 + "\xff\xfc\x55", nil},
	})
}
