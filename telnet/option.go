package telnet

// Side names one end of an option: ours (the server's) or the client's.
type Side uint8

const (
	// Local is the server's side: WILL/WONT from us, DO/DONT from the client.
	Local Side = iota
	// Remote is the client's side: WILL/WONT from the client, DO/DONT from us.
	Remote
)

// String returns "local" or "remote".
func (s Side) String() string {
	if s == Local {
		return "local"
	}
	return "remote"
}

// Option is one telnet option a connection knows (RFC 855). Each connection
// gets its own Option values (see Server.Options), so an Option may keep
// per-connection state. Options unknown to a connection are refused.
//
// The methods are called with the connection's negotiation lock held, from
// the read loop or from whoever calls Conn.SetEcho: they must not block, and
// they act on the connection only through the Peer they are given.
type Option interface {
	// Code is the option's number, e.g. OptEcho.
	Code() byte
	// AllowLocal reports whether we agree to enable the option on our side
	// when the client asks for it (DO) without our having asked first.
	AllowLocal() bool
	// AllowRemote reports whether we agree that the client enables the
	// option on its side when it offers it (WILL) without our asking.
	AllowRemote() bool
	// Start is called once when the connection opens, before the world
	// sees it: an option that we offer asks for itself here.
	Start(p Peer)
	// Changed is called when the option comes into force (enabled) or
	// stops being in force on one side.
	Changed(p Peer, side Side, enabled bool)
	// Subnegotiation gets the payload of IAC SB <code> ... IAC SE, IAC IAC
	// undoubled; data is valid only during the call.
	Subnegotiation(p Peer, data []byte)
}

// Peer is what an Option may do on its connection. No method blocks: the
// ones that send only queue output.
type Peer interface {
	// RequestLocal asks to enable (on) or disable the option with this code
	// on our side, by the Q method: WILL or WONT is sent only when needed.
	// Codes that the connection does not know are ignored.
	RequestLocal(code byte, on bool)
	// RequestRemote asks the client to enable (on) or disable the option
	// on its side: DO or DONT, by the Q method.
	RequestRemote(code byte, on bool)
	// Subnegotiate sends IAC SB code data IAC SE, doubling IAC in data.
	Subnegotiate(code byte, data []byte)
	// SuppressGoAhead turns off (on) or back on the IAC GA that follows
	// each prompt.
	SuppressGoAhead(on bool)
	// SetPromptMark sets what follows each prompt in place of IAC GA, such
	// as IAC EOR; nil returns to IAC GA (unless suppressed). mark must
	// not be changed afterwards.
	SetPromptMark(mark []byte)
	// Client is the connection's record of what the client told about
	// itself, for the option to read and update during the call only.
	Client() *Client
	// Compress starts (on) or ends MCCP2 compression at this point of the
	// output: on sends IAC SB MCCP2 IAC SE and compresses all that follows;
	// off ends the compressed stream and returns to plain output. When
	// compression cannot start, nothing is sent and the MCCP2 option is
	// turned off on our side (WONT).
	Compress(on bool)
}

// DefaultOptions returns fresh values of the options this package ships,
// in the order they are offered: ECHO and SUPPRESS-GO-AHEAD (never
// offered), TTYPE with MTTS, NAWS, CHARSET, EOR, GMCP and MCCP2. MSSP needs
// the server's figures: see MSSPOption and Server.MSSP. It is the default
// for Server.Options.
func DefaultOptions() []Option {
	return []Option{echoOption{}, sgaOption{}, &ttypeOption{}, nawsOption{}, &charsetOption{},
		eorOption{}, gmcpOption{}, mccp2Option{}}
}

// quietOption gives an Option no-op callbacks, for options that only need
// their state negotiated.
type quietOption struct{}

// Start does nothing.
func (quietOption) Start(Peer) {}

// Changed does nothing.
func (quietOption) Changed(Peer, Side, bool) {}

// Subnegotiation ignores the payload.
func (quietOption) Subnegotiation(Peer, []byte) {}
