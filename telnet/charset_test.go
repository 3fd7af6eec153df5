package telnet

import "testing"

// wantCharset returns a check of the charset agreed.
func wantCharset(cs Charset) func(testing.TB, *negotiator) {
	return func(tb testing.TB, n *negotiator) {
		tb.Helper()
		if got := n.Client().Charset; got != cs {
			tb.Fatalf("charset %d, want %d", got, cs)
		}
	}
}

// charsetSB is a CHARSET subnegotiation.
func charsetSB(payload string) string { return "\xff\xfa\x2a" + payload + "\xff\xf0" }

func TestCharset(t *testing.T) {
	const (
		willCharset = "\xff\xfb\x2a"
		doCharset   = "\xff\xfd\x2a"
		request     = "\xff\xfa\x2a\x01;UTF-8\xff\xf0"
		rejected    = "\xff\xfa\x2a\x03\xff\xf0"
	)
	runOptionCases(t, only(func() Option { return &charsetOption{} }), []optionCase{
		{"offers at the start", "", willCharset, wantCharset(CharsetUnknown)},
		{"agreement sends the request", doCharset, willCharset + request, wantCharset(CharsetUnknown)},
		{"UTF-8 accepted", doCharset + charsetSB("\x02UTF-8"), willCharset + request, wantCharset(CharsetUTF8)},
		{"accepted in lower case", doCharset + charsetSB("\x02utf-8"), willCharset + request, wantCharset(CharsetUTF8)},
		{"rejected means ASCII", doCharset + charsetSB("\x03"), willCharset + request, wantCharset(CharsetASCII)},
		{"something else accepted means ASCII", doCharset + charsetSB("\x02ISO-8859-1"), willCharset + request, wantCharset(CharsetASCII)},
		{"answer without a request ignored", charsetSB("\x03"), willCharset, wantCharset(CharsetUnknown)},
		{"second answer ignored", doCharset + charsetSB("\x02UTF-8") + charsetSB("\x03"), willCharset + request, wantCharset(CharsetUTF8)},
		{"refused: nothing agreed", "\xff\xfe\x2a", willCharset, wantCharset(CharsetUnknown)},
		{"client's WILL also starts it, once", "\xff\xfb\x2a" + doCharset, willCharset + "\xff\xfd\x2a" + request, wantCharset(CharsetUnknown)},
		{"client's request while ours waits is rejected", doCharset + charsetSB("\x01;UTF-8") + charsetSB("\x02UTF-8"),
			willCharset + request + rejected, wantCharset(CharsetUTF8)},
		{"client's request for UTF-8 accepted", doCharset + charsetSB("\x03") + charsetSB("\x01 ISO-8859-1 UTF-8"),
			willCharset + request + charsetSB("\x02UTF-8"), wantCharset(CharsetUTF8)},
		{"client's request for ASCII accepted", doCharset + charsetSB("\x03") + charsetSB("\x01[TTABLE]\x01;latin1;US-ASCII"),
			willCharset + request + charsetSB("\x02US-ASCII"), wantCharset(CharsetASCII)},
		{"client's request for others rejected", doCharset + charsetSB("\x02UTF-8") + charsetSB("\x01;KOI8-R;latin1"),
			willCharset + request + rejected, wantCharset(CharsetASCII)},
		{"empty request rejected", doCharset + charsetSB("\x02UTF-8") + charsetSB("\x01"),
			willCharset + request + rejected, wantCharset(CharsetASCII)},
		{"translation table refused", doCharset + charsetSB("\x02UTF-8") + charsetSB("\x04\x01abc"),
			willCharset + request + charsetSB("\x05"), wantCharset(CharsetUTF8)},
		{"empty subnegotiation ignored", doCharset + charsetSB(""), willCharset + request, wantCharset(CharsetUnknown)},
	})
}
