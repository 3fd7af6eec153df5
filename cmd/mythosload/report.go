package main

import (
	"math"
	"slices"
	"time"
)

// maxReasons bounds the distinct failure reasons a report lists; the rest
// are counted as otherReason.
const (
	maxReasons  = 20
	otherReason = "other"
)

// Report is the outcome of a run, printed as text or JSON.
type Report struct {
	Addr     string `json:"addr"`
	Bots     int    `json:"bots"`
	Idle     bool   `json:"idle"`
	Rate     string `json:"rate"`
	Duration string `json:"duration"`
	Ramp     string `json:"ramp"`
	Timeout  string `json:"timeout"`

	Connected       int            `json:"connected"` // bots that got into the world
	Created         int            `json:"created"`   // of them, characters created
	LoggedIn        int            `json:"logged_in"` // of them, existing characters
	ConnectFailed   int            `json:"connect_failed"`
	ConnectFailures map[string]int `json:"connect_failures,omitempty"`
	LoginSeconds    float64        `json:"login_seconds"` // from the first dial until every bot settled

	Sent       int            `json:"sent"`
	Answered   int            `json:"answered"`   // within the timeout
	Late       int            `json:"late"`       // answered after the timeout
	Unanswered int            `json:"unanswered"` // never answered
	Stray      int            `json:"stray"`      // room descriptions no look asked for
	Errors     int            `json:"errors"`     // bots that lost their connection
	ErrorKinds map[string]int `json:"error_kinds,omitempty"`
	RTT        Latency        `json:"rtt_ms"`
	Timeline   []Window       `json:"timeline,omitempty"`

	Server            *ServerReport  `json:"server,omitempty"`
	Metrics           *MetricsReport `json:"metrics,omitempty"`
	LoadgenCPUPercent float64        `json:"loadgen_cpu_percent"` // of one core, while measuring
}

// Latency summarises round trips, in milliseconds.
type Latency struct {
	Count int     `json:"count"`
	P50   float64 `json:"p50"`
	P90   float64 `json:"p90"`
	P99   float64 `json:"p99"`
	Max   float64 `json:"max"`
	Mean  float64 `json:"mean"`
}

// ServerReport is what /proc told of the server process.
type ServerReport struct {
	RSSBeforeKiB     int64   `json:"rss_before_kib"` // before the first connect
	RSSReadyKiB      int64   `json:"rss_ready_kib"`  // every bot in the world
	RSSEndKiB        int64   `json:"rss_end_kib"`    // end of the measured phase
	KiBPerConnection float64 `json:"kib_per_connection"`
	CPUPercent       float64 `json:"cpu_percent"` // of one core, while measuring
	Error            string  `json:"error,omitempty"`
}

// MetricsReport is what the server's /metrics page told.
type MetricsReport struct {
	TickP50Ms          float64 `json:"tick_p50_ms"` // over the minute before the end
	TickP95Ms          float64 `json:"tick_p95_ms"`
	TickP99Ms          float64 `json:"tick_p99_ms"`
	TickMaxMs          float64 `json:"tick_max_ms"`
	TickLatenessMaxMs  float64 `json:"tick_lateness_max_ms"` // latest tick start, same minute
	TicksOverBudget    int64   `json:"ticks_over_budget"`    // while measuring
	GoroutinesBefore   int     `json:"goroutines_before"`
	GoroutinesEnd      int     `json:"goroutines_end"`
	HeapBeforeKiB      float64 `json:"heap_inuse_before_kib"` // Go heap spans in use
	HeapEndKiB         float64 `json:"heap_inuse_end_kib"`
	StackBeforeKiB     float64 `json:"stack_inuse_before_kib"` // goroutine stacks
	StackEndKiB        float64 `json:"stack_inuse_end_kib"`
	HeapKiBPerConn     float64 `json:"heap_kib_per_connection"`
	StackKiBPerConn    float64 `json:"stack_kib_per_connection"`
	GoKiBPerConnection float64 `json:"go_kib_per_connection"` // heap and stacks
	Error              string  `json:"error,omitempty"`
}

// newReport starts a report on a run of cfg.
func newReport(cfg config) Report {
	return Report{
		Addr: cfg.Addr, Bots: cfg.Bots, Idle: cfg.Idle,
		Rate: cfg.Rate.String(), Duration: cfg.Duration.String(),
		Ramp: cfg.Ramp.String(), Timeout: cfg.Timeout.String(),
	}
}

// addBots counts what the bots saw.
func (r *Report) addBots(results []botResult) {
	var rtts []time.Duration
	for _, b := range results {
		if b.connectErr != nil {
			r.ConnectFailed++
			r.ConnectFailures = count(r.ConnectFailures, b.connectErr.Error())
			continue
		}
		r.addBot(b)
		rtts = append(rtts, b.match.rtts...)
	}
	r.RTT = summarize(rtts)
}

// addBot counts one bot that got into the world.
func (r *Report) addBot(b botResult) {
	r.Connected++
	if b.created {
		r.Created++
	} else {
		r.LoggedIn++
	}
	m := b.match
	r.Sent += m.sent
	r.Answered += m.answered
	r.Late += m.late
	r.Unanswered += m.outstanding()
	r.Stray += m.stray
	if b.runErr != nil {
		r.Errors++
		r.ErrorKinds = count(r.ErrorKinds, b.runErr.Error())
	}
}

// setServer reports the server's /proc samples: memory per connection
// from the RSS growth between the start and the end, CPU over the
// measured phase.
func (r *Report) setServer(p *serverProbe, connected int, elapsed time.Duration) {
	if p.pid <= 0 {
		return
	}
	before, ready, end := p.before.proc, p.ready.proc, p.end.proc
	s := &ServerReport{RSSBeforeKiB: before.RSSKiB, RSSReadyKiB: ready.RSSKiB, RSSEndKiB: end.RSSKiB}
	if p.procErr != nil {
		s.Error = p.procErr.Error()
	} else if connected > 0 {
		s.KiBPerConnection = round3(float64(end.RSSKiB-before.RSSKiB) / float64(connected))
		s.CPUPercent = percent(end.CPU-ready.CPU, elapsed)
	}
	r.Server = s
}

// setMetrics reports what the server's /metrics said: its tick times at
// the end (over the last minute), the ticks over budget while measuring,
// and the Go heap and stacks in use, per connection.
func (r *Report) setMetrics(p *serverProbe, connected int) {
	if p.metricsURL == "" {
		return
	}
	m := &MetricsReport{}
	r.Metrics = m
	if p.metricsErr != nil {
		m.Error = p.metricsErr.Error()
		return
	}
	before, ready, end := p.before.metrics, p.ready.metrics, p.end.metrics
	m.TickP50Ms = seconds2ms(end[seriesTickP50])
	m.TickP95Ms = seconds2ms(end[seriesTickP95])
	m.TickP99Ms = seconds2ms(end[seriesTickP99])
	m.TickMaxMs = seconds2ms(end[seriesTickMax])
	m.TickLatenessMaxMs = seconds2ms(end[seriesLatenessMax])
	m.TicksOverBudget = int64(end[seriesOverBudget] - ready[seriesOverBudget])
	m.GoroutinesBefore, m.GoroutinesEnd = int(before[seriesGoroutines]), int(end[seriesGoroutines])
	m.HeapBeforeKiB, m.HeapEndKiB = kib(before[seriesHeapInuse]), kib(end[seriesHeapInuse])
	m.StackBeforeKiB, m.StackEndKiB = kib(before[seriesStackInuse]), kib(end[seriesStackInuse])
	if connected > 0 {
		n := float64(connected)
		m.HeapKiBPerConn = round3((m.HeapEndKiB - m.HeapBeforeKiB) / n)
		m.StackKiBPerConn = round3((m.StackEndKiB - m.StackBeforeKiB) / n)
		m.GoKiBPerConnection = round3(m.HeapKiBPerConn + m.StackKiBPerConn)
	}
}

// kib converts bytes to KiB.
func kib(bytes float64) float64 { return round3(bytes / 1024) }

func seconds2ms(s float64) float64 { return round3(s * 1000) }

// Failed reports whether anything went wrong: a bot that could not get
// in, lost its connection, or a look without a timely answer.
func (r *Report) Failed() bool {
	return r.Connected == 0 || r.ConnectFailed > 0 || r.Errors > 0 || r.Late > 0 || r.Unanswered > 0
}

// count adds one to reason in m, creating m; past maxReasons distinct
// reasons, the rest go to otherReason.
func count(m map[string]int, reason string) map[string]int {
	if m == nil {
		m = make(map[string]int)
	}
	if _, known := m[reason]; !known && len(m) >= maxReasons {
		reason = otherReason
	}
	m[reason]++
	return m
}

// summarize returns the percentiles (nearest rank) of rtts; it sorts rtts.
func summarize(rtts []time.Duration) Latency {
	if len(rtts) == 0 {
		return Latency{}
	}
	slices.Sort(rtts)
	var sum time.Duration
	for _, d := range rtts {
		sum += d
	}
	return Latency{
		Count: len(rtts),
		P50:   millis(rank(rtts, 0.50)),
		P90:   millis(rank(rtts, 0.90)),
		P99:   millis(rank(rtts, 0.99)),
		Max:   millis(rtts[len(rtts)-1]),
		Mean:  millis(sum / time.Duration(len(rtts))),
	}
}

// rank is the nearest-rank p-quantile of sorted, which is not empty.
func rank(sorted []time.Duration, p float64) time.Duration {
	i := int(math.Ceil(p*float64(len(sorted)))) - 1
	return sorted[min(max(i, 0), len(sorted)-1)]
}

// millis is d in milliseconds, to the microsecond.
func millis(d time.Duration) float64 { return round3(float64(d) / float64(time.Millisecond)) }

// percent is cpu as a percentage of one core over wall.
func percent(cpu, wall time.Duration) float64 {
	if wall <= 0 {
		return 0
	}
	return math.Round(1000*float64(cpu)/float64(wall)) / 10
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }
