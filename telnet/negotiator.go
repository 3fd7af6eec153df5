package telnet

// rawWriter queues bytes that are already telnet-encoded, and the start
// and end of compression.
type rawWriter interface {
	writeRaw(b []byte)
	compress(on bool)
}

// optionEntry is one known option with the Q-method state of both sides.
type optionEntry struct {
	opt Option
	us  qside // our side
	him qside // the client's side
}

// negotiator runs option negotiation for one connection (RFC 1143) and keeps
// what options decided about output. It implements Peer. It is not safe for
// concurrent use: the connection serialises calls.
type negotiator struct {
	entries    []optionEntry
	out        rawWriter
	noGoAhead  bool   // SGA is in force on our side
	promptMark []byte // replaces IAC GA after prompts when set
	client     Client // what the client told about itself
}

// newNegotiator returns a negotiator for opts that sends through out.
func newNegotiator(opts []Option, out rawWriter) *negotiator {
	n := &negotiator{entries: make([]optionEntry, len(opts)), out: out}
	for i, o := range opts {
		n.entries[i].opt = o
	}
	return n
}

// start lets every option make its opening offers.
func (n *negotiator) start() {
	for i := range n.entries {
		n.entries[i].opt.Start(n)
	}
}

// entry returns the option with this code, or nil when it is unknown.
func (n *negotiator) entry(code byte) *optionEntry {
	for i := range n.entries {
		if n.entries[i].opt.Code() == code {
			return &n.entries[i]
		}
	}
	return nil
}

// receive handles IAC verb code from the client.
func (n *negotiator) receive(verb, code byte) {
	e := n.entry(code)
	if e == nil {
		n.refuseUnknown(verb, code)
		return
	}
	switch verb {
	case cmdWILL:
		n.apply(e, Remote, e.him.receiveEnable(e.him.want || e.opt.AllowRemote()))
	case cmdWONT:
		n.apply(e, Remote, e.him.receiveDisable())
	case cmdDO:
		n.apply(e, Local, e.us.receiveEnable(e.us.want || e.opt.AllowLocal()))
	case cmdDONT:
		n.apply(e, Local, e.us.receiveDisable())
	}
}

// refuseUnknown answers an offer or a request for an option we do not know;
// WONT and DONT need no answer, as the option is already off.
func (n *negotiator) refuseUnknown(verb, code byte) {
	switch verb {
	case cmdWILL:
		n.send(cmdDONT, code)
	case cmdDO:
		n.send(cmdWONT, code)
	}
}

// RequestLocal asks to enable or disable an option on our side.
func (n *negotiator) RequestLocal(code byte, on bool) {
	if e := n.entry(code); e != nil {
		n.apply(e, Local, e.us.request(on))
	}
}

// RequestRemote asks the client to enable or disable an option on its side.
func (n *negotiator) RequestRemote(code byte, on bool) {
	if e := n.entry(code); e != nil {
		n.apply(e, Remote, e.him.request(on))
	}
}

// apply sends the reply the Q method chose and tells the option when it
// came into force or stopped being in force on that side.
func (n *negotiator) apply(e *optionEntry, side Side, r reply) {
	q := &e.us
	if side == Remote {
		q = &e.him
	}
	code := e.opt.Code()
	switch r {
	case replyEnable:
		n.send(verbFor(side, true), code)
	case replyDisable:
		n.send(verbFor(side, false), code)
	}
	if on := q.enabled(); on != q.reported {
		q.reported = on
		e.opt.Changed(n, side, on)
	}
}

// verbFor returns the verb we send to enable or disable a side.
func verbFor(side Side, on bool) byte {
	switch {
	case side == Local && on:
		return cmdWILL
	case side == Local:
		return cmdWONT
	case on:
		return cmdDO
	default:
		return cmdDONT
	}
}

// send queues IAC verb code.
func (n *negotiator) send(verb, code byte) {
	n.out.writeRaw([]byte{cmdIAC, verb, code})
}

// subnegotiation hands the payload of IAC SB code ... IAC SE to its option;
// one for an option that is unknown or not in force is dropped.
func (n *negotiator) subnegotiation(code byte, data []byte) {
	e := n.entry(code)
	if e == nil || !(e.us.enabled() || e.him.enabled()) {
		return
	}
	e.opt.Subnegotiation(n, data)
}

// Subnegotiate sends IAC SB code data IAC SE.
func (n *negotiator) Subnegotiate(code byte, data []byte) {
	b := make([]byte, 0, len(data)+6)
	b = append(b, cmdIAC, cmdSB, code)
	b = appendEscaped(b, data)
	b = append(b, cmdIAC, cmdSE)
	n.out.writeRaw(b)
}

// Client returns what the client told about itself.
func (n *negotiator) Client() *Client { return &n.client }

// Compress starts or ends compression at this point of the output.
func (n *negotiator) Compress(on bool) { n.out.compress(on) }

// enabledLocal reports whether the option with this code is in force on
// our side.
func (n *negotiator) enabledLocal(code byte) bool {
	e := n.entry(code)
	return e != nil && e.us.enabled()
}

// SuppressGoAhead turns off (on) or back on IAC GA after prompts.
func (n *negotiator) SuppressGoAhead(on bool) { n.noGoAhead = on }

// SetPromptMark sets what follows prompts in place of IAC GA.
func (n *negotiator) SetPromptMark(mark []byte) { n.promptMark = mark }

// promptEnd returns the bytes that follow a prompt, possibly none.
func (n *negotiator) promptEnd() []byte {
	switch {
	case n.promptMark != nil:
		return n.promptMark
	case n.noGoAhead:
		return nil
	default:
		return []byte{cmdIAC, cmdGA}
	}
}
