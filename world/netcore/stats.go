package netcore

import "sync/atomic"

// Reason is why a connection was refused at accept.
type Reason uint8

// The reasons a connection is refused.
const (
	ReasonFull        Reason = iota // MaxConns connections are open
	ReasonPerAddr                   // its address has MaxPerAddr open
	ReasonLoginBudget               // MaxLogin connections are logging in, none old enough to displace
	ReasonBanned                    // its address is banned
	numReasons
)

var reasonNames = [numReasons]string{
	ReasonFull:        "full",
	ReasonPerAddr:     "per_address",
	ReasonLoginBudget: "login_budget",
	ReasonBanned:      "banned",
}

// String names the reason as metrics show it.
func (r Reason) String() string {
	if r < numReasons {
		return reasonNames[r]
	}
	return "unknown"
}

// Reasons lists every reason, in order.
func Reasons() []Reason {
	out := make([]Reason, 0, numReasons)
	for r := range numReasons {
		out = append(out, r)
	}
	return out
}

// refusalText is the one line a refused client reads.
var refusalText = [numReasons]string{
	ReasonFull:        "Too many players are connected; try again later.\r\n",
	ReasonPerAddr:     "Too many connections from your address; close one and try again.\r\n",
	ReasonLoginBudget: "Too many connections are logging in; try again in a minute.\r\n",
	ReasonBanned:      "Your address is banned from this server.\r\n",
}

// Stats are a Server's connection figures.
type Stats struct {
	Open      int   // connections open now
	LoggingIn int   // of those, still logging in (within the login budget)
	LoggedIn  int   // of those, in the world; the rest are ending
	Accepted  int64 // connections admitted since the start
	Refused   [numReasons]int64
	Ended     [numCauses]int64
}

// RefusedTotal is the sum of refusals of every reason.
func (s Stats) RefusedTotal() int64 {
	var n int64
	for _, v := range s.Refused {
		n += v
	}
	return n
}

// Add returns the sum of s and o, for figures over several listeners.
func (s Stats) Add(o Stats) Stats {
	s.Open += o.Open
	s.LoggingIn += o.LoggingIn
	s.LoggedIn += o.LoggedIn
	s.Accepted += o.Accepted
	for i := range s.Refused {
		s.Refused[i] += o.Refused[i]
	}
	for i := range s.Ended {
		s.Ended[i] += o.Ended[i]
	}
	return s
}

// counters are the figures counted with atomics.
type counters struct {
	accepted atomic.Int64
	refused  [numReasons]atomic.Int64
	ended    [numCauses]atomic.Int64
}

// fill copies the counters into st.
func (c *counters) fill(st *Stats) {
	st.Accepted = c.accepted.Load()
	for i := range c.refused {
		st.Refused[i] = c.refused[i].Load()
	}
	for i := range c.ended {
		st.Ended[i] = c.ended[i].Load()
	}
}
