// Package telnet is mythosd's telnet transport: a listener with the
// net/http shape (Server), one Conn per TCP or TLS connection implementing
// world.Conn (and world.DataSender and world.Styler), a byte-at-a-time
// telnet parser (RFC 854/855) and option negotiation by the Q method of
// RFC 1143.
//
// Options are pluggable: each one is an Option value in a file of its own
// (see DefaultOptions); a new option is a new file that implements Option,
// without touching the parser or the negotiation. Shipped: ECHO, SGA,
// TTYPE with MTTS, NAWS, CHARSET, EOR, GMCP, MCCP2, and MSSP (with the
// plain-text MSSP-REQUEST) when the server has figures to report.
//
// Every offer goes out when the connection opens, in the same write as
// the world's greeting; nothing ever waits for a client's answer. What the
// client reports (Client) decides how the world's text is rendered: its
// ANSI colour is brought down to what the client shows (world/ansi), UTF-8
// is transliterated to ASCII for a client that refused it, and MCCP2
// compresses it.
package telnet
