package telnet

// appendText appends s as telnet text: "\n" becomes "\r\n" (a "\r\n"
// already there stays as it is, a lone "\r" is left alone) and IAC (255) is
// doubled.
func appendText[T ~string | ~[]byte](dst []byte, s T) []byte {
	start := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\n':
			dst = append(dst, s[start:i]...)
			if i == 0 || s[i-1] != '\r' {
				dst = append(dst, '\r')
			}
			start = i
		case cmdIAC:
			dst = append(dst, s[start:i+1]...)
			start = i // the IAC goes out a second time with the next run
		}
	}
	return append(dst, s[start:]...)
}

// appendEscaped appends data with IAC doubled, for subnegotiation payloads.
func appendEscaped[T ~string | ~[]byte](dst []byte, data T) []byte {
	start := 0
	for i := 0; i < len(data); i++ {
		if data[i] == cmdIAC {
			dst = append(dst, data[start:i+1]...)
			start = i
		}
	}
	return append(dst, data[start:]...)
}
