package telnet

import "testing"

func TestAppendText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"plain", "look", "look"},
		{"LF", "a\nb\n", "a\r\nb\r\n"},
		{"LF first", "\nx", "\r\nx"},
		{"blank lines", "\n\n", "\r\n\r\n"},
		{"CR LF kept", "a\r\nb", "a\r\nb"},
		{"lone CR kept", "a\rb", "a\rb"},
		{"CR CR LF", "a\r\r\n", "a\r\r\n"},
		{"IAC doubled", "\xff", "\xff\xff"},
		{"IACs and LF", "x\xff\xff\ny", "x\xff\xff\xff\xff\r\ny"},
		{"UTF-8 untouched", "Ætherium ✓\n", "Ætherium ✓\r\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := string(appendText([]byte("<"), tt.in))
			if want := "<" + tt.want; got != want {
				t.Fatalf("appendText(%q) = %q, want %q", tt.in, got, want)
			}
		})
	}
}

func TestAppendEscaped(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"plain", "\x00\x01abc", "\x00\x01abc"},
		{"IAC", "\xff", "\xff\xff"},
		{"IACs", "a\xff\xffb\xff", "a\xff\xff\xff\xffb\xff\xff"},
		{"line ends untouched", "a\nb\r", "a\nb\r"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(appendEscaped(nil, []byte(tt.in))); got != tt.want {
				t.Fatalf("appendEscaped(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
