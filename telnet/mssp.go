package telnet

import (
	"slices"
	"strings"
)

// MSSP subnegotiation markers.
const (
	msspVar byte = 1
	msspVal byte = 2
)

// Plain-text MSSP: a crawler that sends this line gets the figures as
// text between the two markers, one "NAME<tab>VALUE" line each.
const (
	msspRequestLine = "MSSP-REQUEST"
	msspReplyStart  = "MSSP-REPLY-START"
	msspReplyEnd    = "MSSP-REPLY-END"
)

// msspOption is MSSP, the MUD Server Status Protocol: we offer WILL MSSP,
// and a client (a crawler) that answers DO gets the figures in one
// subnegotiation: MSSP_VAR name MSSP_VAL value ...
type msspOption struct {
	quietOption
	figures func() map[string]string
}

// MSSPOption returns the MSSP option, which reports the figures that
// figures returns (NAME, PLAYERS, UPTIME, ...). figures is called during
// negotiation and must not block.
func MSSPOption(figures func() map[string]string) Option {
	return msspOption{figures: figures}
}

// Code returns OptMSSP.
func (msspOption) Code() byte { return OptMSSP }

// AllowLocal accepts DO MSSP.
func (msspOption) AllowLocal() bool { return true }

// AllowRemote refuses WILL MSSP.
func (msspOption) AllowRemote() bool { return false }

// Start offers MSSP.
func (msspOption) Start(p Peer) { p.RequestLocal(OptMSSP, true) }

// Changed sends the figures once the client agrees.
func (o msspOption) Changed(p Peer, side Side, enabled bool) {
	if side == Local && enabled {
		p.Subnegotiate(OptMSSP, appendMSSP(nil, o.figures()))
	}
}

// appendMSSP encodes figures for the subnegotiation, sorted by name. Bytes
// that would break the encoding (NUL, MSSP_VAR, MSSP_VAL, IAC) are removed.
func appendMSSP(dst []byte, figures map[string]string) []byte {
	for _, name := range sortedNames(figures) {
		dst = append(dst, msspVar)
		dst = appendClean(dst, name)
		dst = append(dst, msspVal)
		dst = appendClean(dst, figures[name])
	}
	return dst
}

// appendClean appends s without the bytes MSSP reserves.
func appendClean(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case 0, msspVar, msspVal, cmdIAC:
		default:
			dst = append(dst, s[i])
		}
	}
	return dst
}

// msspText is the plain-text reply to MSSP-REQUEST, with "\n" line ends.
func msspText(figures map[string]string) string {
	var b strings.Builder
	b.WriteString("\n" + msspReplyStart + "\n")
	clean := strings.NewReplacer("\t", " ", "\r", " ", "\n", " ")
	for _, name := range sortedNames(figures) {
		b.WriteString(clean.Replace(name) + "\t" + clean.Replace(figures[name]) + "\n")
	}
	b.WriteString(msspReplyEnd + "\n")
	return b.String()
}

// sortedNames returns the names of figures in order.
func sortedNames(figures map[string]string) []string {
	names := make([]string, 0, len(figures))
	for name := range figures {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}
