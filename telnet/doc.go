// Package telnet is mythosd's telnet transport: a listener with the
// net/http shape (Server), one Conn per TCP connection implementing
// world.Conn, a byte-at-a-time telnet parser (RFC 854/855) and option
// negotiation by the Q method of RFC 1143.
//
// Options are pluggable: each one is an Option value (see DefaultOptions);
// a new option is a new file that implements Option, without touching the
// parser or the negotiation.
package telnet
