package telnet

// Telnet command bytes (RFC 854, RFC 885 for EOR).
const (
	cmdEOR  byte = 239 // end of record
	cmdSE   byte = 240 // end of subnegotiation
	cmdNOP  byte = 241 // no operation
	cmdDM   byte = 242 // data mark
	cmdBRK  byte = 243 // break
	cmdIP   byte = 244 // interrupt process
	cmdAO   byte = 245 // abort output
	cmdAYT  byte = 246 // are you there
	cmdEC   byte = 247 // erase character
	cmdEL   byte = 248 // erase line
	cmdGA   byte = 249 // go ahead
	cmdSB   byte = 250 // start of subnegotiation
	cmdWILL byte = 251
	cmdWONT byte = 252
	cmdDO   byte = 253
	cmdDONT byte = 254
	cmdIAC  byte = 255 // interpret as command
)

// Option codes shipped in this package.
const (
	// OptEcho is the ECHO option (RFC 857).
	OptEcho byte = 1
	// OptSGA is the SUPPRESS-GO-AHEAD option (RFC 858).
	OptSGA byte = 3
	// OptTTYPE is TERMINAL-TYPE (RFC 1091), with MTTS.
	OptTTYPE byte = 24
	// OptEOR is END-OF-RECORD (RFC 885): prompts end with IAC EOR.
	OptEOR byte = 25
	// OptNAWS is NEGOTIATE-ABOUT-WINDOW-SIZE (RFC 1073).
	OptNAWS byte = 31
	// OptCharset is CHARSET (RFC 2066).
	OptCharset byte = 42
	// OptMSSP is the MUD Server Status Protocol.
	OptMSSP byte = 70
	// OptMCCP2 is the MUD Client Compression Protocol, version 2.
	OptMCCP2 byte = 86
	// OptGMCP is the Generic MUD Communication Protocol.
	OptGMCP byte = 201
)

// Limits on what the parser buffers.
const (
	// MaxLineBytes is the longest line a client may send; a longer one is
	// discarded up to its line end and the client is told so.
	MaxLineBytes = 4096
	// MaxSubnegotiationBytes caps the payload of one subnegotiation; a
	// longer one is discarded.
	MaxSubnegotiationBytes = 8192
)

// lineTooLongMessage is what a client gets when a line goes over MaxLineBytes.
const lineTooLongMessage = "Line too long (over 4096 bytes); it was ignored.\n"
