package world

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseItemQuery(t *testing.T) {
	tests := []struct {
		in    string
		words string
		all   bool
		count int
		nth   int
		msg   string
	}{
		{"lamp", "lamp", false, 0, 0, ""},
		{"Brass LAMP", "brass lamp", false, 0, 0, ""},
		{"2.lamp", "lamp", false, 0, 2, ""},
		{"3 tonic", "tonic", false, 3, 0, ""},
		{"all", "", true, 0, 0, ""},
		{"all.tonic", "tonic", true, 0, 0, ""},
		{"3 all.tonic", "tonic", true, 3, 0, ""},
		{"99999999999.lamp", "", false, 0, 0, "not that many"},
		{"-3 tonic", "", false, 0, 0, "negative"},
		{"101 tonic", "", false, 0, 0, "at most 100"},
		{"0 tonic", "", false, 0, 0, "Nothing at all"},
		{"0.lamp", "", false, 0, 0, "not that many"},
		{"", "", false, 0, 0, "Which thing"},
		{"42", "", false, 0, 0, "Which thing"},
		{strings.Repeat("x", 101), "", false, 0, 0, "that long"},
		{"\xff", "", false, 0, 0, "garbled"},
	}
	for _, tt := range tests {
		q, msg := parseItemQuery(tt.in)
		if tt.msg != "" {
			if !strings.Contains(msg, tt.msg) {
				t.Errorf("parseItemQuery(%q) message %q, want %q", tt.in, msg, tt.msg)
			}
			continue
		}
		if msg != "" || strings.Join(q.words, " ") != tt.words || q.all != tt.all || q.count != tt.count || q.nth != tt.nth {
			t.Errorf("parseItemQuery(%q) = %+v, %q", tt.in, q, msg)
		}
	}
}

func TestParseMoney(t *testing.T) {
	tests := []struct {
		in      string
		cents   int64
		isMoney bool
		msg     string
	}{
		{"1.50", 150, true, ""}, {"$2", 200, true, ""}, {"$0.05", 5, true, ""}, {"0.5", 50, true, ""},
		{"2", 0, false, ""}, {"2 tonic", 0, false, ""}, {"lamp", 0, false, ""},
		{"$-1", 0, true, "negative"}, {"1.555", 0, true, "dollars and cents"}, {"$", 0, false, ""},
		{"$99999999999999999999", 0, true, "more money"}, {"$0", 0, true, "nothing"},
	}
	for _, tt := range tests {
		cents, isMoney, msg := parseMoney(tt.in)
		if cents != tt.cents || isMoney != tt.isMoney || (tt.msg != "" && !strings.Contains(msg, tt.msg)) {
			t.Errorf("parseMoney(%q) = %d, %v, %q", tt.in, cents, isMoney, msg)
		}
	}
}

// FuzzParseItemQuery: never a panic, and a query without a message names
// something or everything.
func FuzzParseItemQuery(f *testing.F) {
	for _, s := range []string{"lamp", "2.lamp", "3 tonic", "all.tonic", "99999999999.lamp", "-3 x", "\xff", "all."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, msg := parseItemQuery(s)
		if msg == "" && !q.all && len(q.words) == 0 {
			t.Fatalf("parseItemQuery(%q) names nothing", s)
		}
		if msg == "" && utf8.ValidString(s) && q.count > maxQueryCount {
			t.Fatalf("count %d beyond the cap", q.count)
		}
		cents, _, _ := parseMoney(s)
		if cents < 0 || cents > maxMoney {
			t.Fatalf("parseMoney(%q) = %d", s, cents)
		}
	})
}
