package telnet

// qstate is the state of one side of one option in the Q method of RFC 1143.
type qstate uint8

const (
	qNo      qstate = iota // disabled
	qYes                   // enabled
	qWantNo                // we asked to disable and wait for the answer
	qWantYes               // we asked to enable and wait for the answer
)

// reply is what the Q method asks us to send after an event.
type reply uint8

const (
	replyNone    reply = iota
	replyEnable        // DO for the client's side, WILL for ours
	replyDisable       // DONT for the client's side, WONT for ours
)

// qside is one side (ours or the client's) of one option.
type qside struct {
	state qstate
	// opposite is the queue bit: once the pending answer arrives, ask for
	// the opposite of what was asked.
	opposite bool
	// want records our last request, so that the client may later ask for
	// what we wanted even when the option does not allow it by itself.
	want bool
	// reported is whether the option was last reported in force to it.
	reported bool
}

// enabled reports whether the option is in force on this side.
func (q *qside) enabled() bool { return q.state == qYes }

// receiveEnable handles WILL (client's side) or DO (our side); agree tells
// whether we accept the option when it was off.
func (q *qside) receiveEnable(agree bool) reply {
	switch q.state {
	case qNo:
		if !agree {
			return replyDisable
		}
		q.state = qYes
		return replyEnable
	case qWantNo:
		// An error (a refusal answered by an acceptance): take it as is.
		q.state = qNo
		if q.opposite {
			q.state, q.opposite = qYes, false
		}
	case qWantYes:
		if !q.opposite {
			q.state = qYes
			return replyNone
		}
		q.state, q.opposite = qWantNo, false
		return replyDisable
	}
	return replyNone
}

// receiveDisable handles WONT (client's side) or DONT (our side).
func (q *qside) receiveDisable() reply {
	switch q.state {
	case qYes:
		q.state = qNo
		return replyDisable
	case qWantNo:
		if !q.opposite {
			q.state = qNo
			return replyNone
		}
		q.state, q.opposite = qWantYes, false
		return replyEnable
	case qWantYes:
		q.state, q.opposite = qNo, false
	}
	return replyNone
}

// request asks for the option to be enabled (on) or disabled on this side.
func (q *qside) request(on bool) reply {
	q.want = on
	switch {
	case q.state == qNo && on:
		q.state = qWantYes
		return replyEnable
	case q.state == qYes && !on:
		q.state = qWantNo
		return replyDisable
	case q.state == qWantNo:
		q.opposite = on
	case q.state == qWantYes:
		q.opposite = !on
	}
	return replyNone
}
