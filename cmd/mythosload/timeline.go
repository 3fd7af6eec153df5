package main

import "time"

// Window is the round trips of the looks sent in one window of the
// measured phase, Second seconds after its start.
type Window struct {
	Second int `json:"second"`
	Latency
}

// timeline splits the bots' round trips into windows of width by when
// each look was sent, from t0 on, so that a stall shows when it was.
func timeline(results []botResult, t0 time.Time, width time.Duration) []Window {
	var byWindow [][]time.Duration
	for _, b := range results {
		m := b.match
		for i, at := range m.sentAt {
			k := max(0, int(at.Sub(t0)/width))
			for len(byWindow) <= k {
				byWindow = append(byWindow, nil)
			}
			byWindow[k] = append(byWindow[k], m.rtts[i])
		}
	}
	out := make([]Window, len(byWindow))
	for k, rtts := range byWindow {
		out[k] = Window{Second: int(time.Duration(k) * width / time.Second), Latency: summarize(rtts)}
	}
	return out
}
