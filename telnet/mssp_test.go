package telnet

import "testing"

func TestMSSP(t *testing.T) {
	const willMSSP = "\xff\xfb\x46"
	figures := "\xff\xfa\x46\x01NAME\x02MythosMUD\x01PLAYERS\x023\x01UPTIME\x021700000000\xff\xf0"
	runOptionCases(t, only(func() Option { return MSSPOption(testFigures) }), []optionCase{
		{"offers at the start", "", willMSSP, nil},
		{"figures when agreed", "\xff\xfd\x46", willMSSP + figures, nil},
		{"agreed twice: sent once", "\xff\xfd\x46\xff\xfd\x46", willMSSP + figures, nil},
		{"refused", "\xff\xfe\x46", willMSSP, nil},
		{"client's WILL refused", "\xff\xfb\x46", willMSSP + "\xff\xfe\x46", nil},
	})
}

func TestMSSPEncoding(t *testing.T) {
	tests := []struct {
		name    string
		figures map[string]string
		want    string
	}{
		{"empty", nil, ""},
		{"sorted", map[string]string{"UPTIME": "1", "NAME": "M"}, "\x01NAME\x02M\x01UPTIME\x021"},
		{"reserved bytes removed", map[string]string{"NA\x01ME": "a\x00b\x02c\xffd"}, "\x01NAME\x02abcd"},
		{"empty value kept", map[string]string{"CONTACT": ""}, "\x01CONTACT\x02"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(appendMSSP(nil, tt.figures)); got != tt.want {
				t.Fatalf("appendMSSP = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestMSSPText(t *testing.T) {
	got := msspText(map[string]string{"NAME": "Mythos\tMUD", "PLAYERS": "3\r\n", "UPTIME": "17"})
	want := "\nMSSP-REPLY-START\nNAME\tMythos MUD\nPLAYERS\t3  \nUPTIME\t17\nMSSP-REPLY-END\n"
	if got != want {
		t.Fatalf("msspText = %q, want %q", got, want)
	}
}
