// Package netcore is the connection core that the telnet and SSH listeners
// share: admission, deadlines before login, the outbox and its write loop,
// and the accounting of why each connection ended. It knows nothing of the
// game.
package netcore

// Cause is why a connection ended. Every end is logged once with its cause
// and counted by cause.
type Cause uint8

// The causes a connection can end with. The world closes connections with
// Quit, Kicked, TakenOver, LoginFailed, Shutdown and Failure; the transports
// find the others themselves.
const (
	CauseUnknown      Cause = iota
	CauseClientClosed       // the client hung up
	CauseReadError          // reading from the client failed
	CauseSlowClient         // the client stopped reading: outbox full or write deadline passed
	CauseQuit               // the player quit
	CauseKicked             // an admin kicked the player
	CauseTakenOver          // another connection took the character over
	CauseLoginGrace         // the login dialogue took longer than its grace
	CauseLoginFailed        // too many wrong answers, or too many bytes, before login
	CauseShutdown           // the server is stopping
	CauseFailure            // the world could not go on with this session (store trouble, a panic)
	CauseDisplaced          // still logging in when the login budget was full: a newer connection took its place
	CauseWriteError         // writing to the client failed (connection reset, timed out by the kernel)
	numCauses
)

var causeNames = [numCauses]string{
	CauseUnknown:      "unknown",
	CauseClientClosed: "client_closed",
	CauseReadError:    "read_error",
	CauseSlowClient:   "slow_client",
	CauseQuit:         "quit",
	CauseKicked:       "kicked",
	CauseTakenOver:    "taken_over",
	CauseLoginGrace:   "login_grace",
	CauseLoginFailed:  "login_failed",
	CauseShutdown:     "shutdown",
	CauseFailure:      "failure",
	CauseDisplaced:    "displaced",
	CauseWriteError:   "write_error",
}

// String names the cause as logs and metrics show it.
func (c Cause) String() string {
	if c < numCauses {
		return causeNames[c]
	}
	return causeNames[CauseUnknown]
}

// Causes lists every cause, in order, for metrics that count them all.
func Causes() []Cause {
	out := make([]Cause, 0, numCauses)
	for c := range numCauses {
		out = append(out, c)
	}
	return out
}
