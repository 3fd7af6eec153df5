package admin

import (
	"maps"
	"slices"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"mythosd/world"
	"mythosd/world/netcore"
)

// Collector serves the figures of the world's latest snapshot to
// Prometheus: ticks, flux, room cache, store writer, sessions, and the
// connection counts of the listeners it is given. Each scrape reads one
// snapshot; nothing is kept between scrapes.
type Collector struct {
	src       Source
	listeners map[string]func() netcore.Stats
	descs     descs
}

// NewCollector returns a collector of src's snapshots and of the named
// listeners' connection counts (listeners may be nil).
func NewCollector(src Source, listeners map[string]func() netcore.Stats) *Collector {
	return &Collector{src: src, listeners: listeners, descs: newDescs()}
}

// Describe sends every metric's description.
func (c *Collector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range c.descs.all() {
		ch <- d
	}
}

// Collect sends the figures of the latest snapshot.
func (c *Collector) Collect(ch chan<- prometheus.Metric) {
	s := c.src.Snapshot()
	if s == nil {
		s = &world.Snapshot{}
	}
	e := emitter{ch: ch}
	c.ticks(e, s)
	c.cache(e, s.Cache)
	c.store(e, s)
	c.sessions(e, s.Sessions)
	c.bus(e, s.Bus)
	for _, name := range slices.Sorted(maps.Keys(c.listeners)) {
		c.conns(e, name, c.listeners[name]())
	}
}

// conns sends one listener's connection figures: refusals by reason and
// ends by cause.
func (c *Collector) conns(e emitter, name string, st netcore.Stats) {
	d := c.descs
	e.gauge(d.connsOpen, float64(st.Open), name)
	e.gauge(d.connsLoggingIn, float64(st.LoggingIn), name)
	e.counter(d.connsTotal, float64(st.Accepted), name)
	for _, r := range netcore.Reasons() {
		e.counter(d.connsRefused, float64(st.Refused[r]), name, r.String())
	}
	for _, cause := range netcore.Causes() {
		if cause != netcore.CauseUnknown {
			e.counter(d.connsEnded, float64(st.Ended[cause]), name, cause.String())
		}
	}
}

func (c *Collector) ticks(e emitter, s *world.Snapshot) {
	d := c.descs
	e.counter(d.ticks, float64(s.Ticks.Count))
	e.counter(d.overBudget, float64(s.Ticks.OverBudget))
	e.gauge(d.tickInterval, secs(s.TickEvery))
	e.gauge(d.tickLast, secs(s.Ticks.Last))
	e.gauge(d.lateLast, secs(s.Ticks.LastLate))
	e.gauge(d.lateMax, secs(s.Ticks.MaxLate))
	for _, w := range []struct {
		name string
		st   world.TickStats
	}{{"1m", s.Ticks}, {"10ticks", s.RecentTicks}} {
		e.gauge(d.tickQuantile, secs(w.st.P50), w.name, "0.5")
		e.gauge(d.tickQuantile, secs(w.st.P95), w.name, "0.95")
		e.gauge(d.tickQuantile, secs(w.st.P99), w.name, "0.99")
		e.gauge(d.tickQuantile, secs(w.st.Max), w.name, "1")
	}
	e.counter(d.fluxPasses, float64(s.Flux.Passes))
	e.gauge(d.fluxLast, secs(s.Flux.Last))
	e.gauge(d.fluxChars, float64(s.Flux.Characters))
	e.gauge(d.fluxChanged, float64(s.Flux.Changed))
	e.gauge(d.npcPopulation, float64(s.NPCs.Population))
	e.gauge(d.npcDue, float64(s.NPCs.Due))
	e.gauge(d.npcWork, secs(s.NPCs.Work))
	e.gauge(d.npcQueued, float64(s.NPCs.Scheduled))
	e.gauge(d.npcFights, float64(s.NPCs.Fights))
}

func (c *Collector) cache(e emitter, s world.CacheStats) {
	d := c.descs
	e.gauge(d.cacheRooms, float64(s.Rooms))
	e.counter(d.cacheHits, float64(s.Hits))
	e.counter(d.cacheMisses, float64(s.Misses))
	e.gauge(d.cacheHitRatio, s.HitRate())
	e.counter(d.cacheLoads, float64(s.Loads))
	e.counter(d.cacheLoadErrors, float64(s.LoadErrors))
	e.counter(d.cacheExpirations, float64(s.Expirations))
	e.gauge(d.cacheInFlight, float64(s.InFlight))
	e.gauge(d.cacheLoadAvg, secs(s.AvgLoad))
}

func (c *Collector) store(e emitter, s *world.Snapshot) {
	d := c.descs
	e.gauge(d.storeQueue, float64(s.Store.QueueDepth))
	e.counter(d.storeCommits, float64(s.Store.Commits))
	e.counter(d.storeRows, float64(s.Store.RowsWritten))
	e.counter(d.storeErrors, float64(s.Store.Errors))
	e.gauge(d.storeLastCommit, secs(s.Store.LastCommit))
	failing := 0.0
	if s.Store.Failing {
		failing = 1
	}
	e.gauge(d.storeFailing, failing)
	e.gauge(d.bans, float64(len(s.Bans)))
}

// bus sends the chat bus's figures, when chat goes over NATS.
func (c *Collector) bus(e emitter, b world.BusStats) {
	if b == (world.BusStats{}) {
		return
	}
	d := c.descs
	connected := 0.0
	if b.Connected {
		connected = 1
	}
	e.gauge(d.busConnected, connected)
	e.counter(d.busIn, float64(b.In))
	e.counter(d.busOut, float64(b.Out))
	e.counter(d.busDropped, float64(b.Dropped))
	e.counter(d.busReconnects, float64(b.Reconnects))
}

// sessions counts the sessions by transport and by lucidity tier.
func (c *Collector) sessions(e emitter, list []world.SessionInfo) {
	byTransport, byTier := map[string]int{}, map[string]int{}
	for _, s := range list {
		byTransport[s.Transport]++
		byTier[s.Tier]++
	}
	e.gauge(c.descs.sessions, float64(len(list)))
	for _, t := range slices.Sorted(maps.Keys(byTransport)) {
		e.gauge(c.descs.sessionsTransport, float64(byTransport[t]), t)
	}
	for _, t := range slices.Sorted(maps.Keys(byTier)) {
		e.gauge(c.descs.sessionsTier, float64(byTier[t]), t)
	}
}

func secs(d time.Duration) float64 { return d.Seconds() }

// emitter sends const metrics on a collect channel.
type emitter struct{ ch chan<- prometheus.Metric }

func (e emitter) gauge(d *prometheus.Desc, v float64, labels ...string) {
	e.ch <- prometheus.MustNewConstMetric(d, prometheus.GaugeValue, v, labels...)
}

func (e emitter) counter(d *prometheus.Desc, v float64, labels ...string) {
	e.ch <- prometheus.MustNewConstMetric(d, prometheus.CounterValue, v, labels...)
}
