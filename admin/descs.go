package admin

import "github.com/prometheus/client_golang/prometheus"

// descs describe the collector's metrics.
type descs struct {
	ticks, overBudget, tickInterval, tickLast, lateLast, lateMax, tickQuantile *prometheus.Desc
	fluxPasses, fluxLast, fluxChars, fluxChanged                               *prometheus.Desc
	npcPopulation, npcDue, npcWork, npcQueued, npcFights                       *prometheus.Desc
	cacheRooms, cacheHits, cacheMisses, cacheHitRatio, cacheLoads              *prometheus.Desc
	cacheLoadErrors, cacheExpirations, cacheInFlight, cacheLoadAvg             *prometheus.Desc
	storeQueue, storeCommits, storeRows, storeErrors, storeLastCommit          *prometheus.Desc
	storeFailing, bans                                                         *prometheus.Desc
	sessions, sessionsTransport, sessionsTier                                  *prometheus.Desc
	connsOpen, connsLoggingIn, connsTotal, connsRefused, connsEnded            *prometheus.Desc
	busConnected, busIn, busOut, busDropped, busReconnects                     *prometheus.Desc
}

// desc describes one metric of the mythosd namespace.
func desc(name, help string, labels ...string) *prometheus.Desc {
	return prometheus.NewDesc("mythosd_"+name, help, labels, nil)
}

func newDescs() descs {
	return descs{
		ticks:        desc("ticks_total", "World ticks since the start."),
		overBudget:   desc("ticks_over_budget_total", "Ticks that took longer than the tick interval."),
		tickInterval: desc("tick_interval_seconds", "The world tick's cadence."),
		tickLast:     desc("tick_last_duration_seconds", "Duration of the last tick."),
		lateLast:     desc("tick_lateness_seconds", "How late the last tick started."),
		lateMax:      desc("tick_lateness_max_seconds", "The latest start over the last minute."),
		tickQuantile: desc("tick_duration_seconds", "Tick duration quantiles (1 is the max) over a window: the last minute or the last ten ticks.", "window", "quantile"),

		fluxPasses:    desc("flux_passes_total", "Passive lucidity flux passes."),
		fluxLast:      desc("flux_last_duration_seconds", "Duration of the last flux pass."),
		fluxChars:     desc("flux_characters", "Active characters the last flux pass evaluated."),
		fluxChanged:   desc("flux_changed_characters", "Characters whose lucidity the last flux pass changed."),
		npcPopulation: desc("npc_population", "NPCs in the world."),
		npcDue:        desc("npc_events_due", "NPC events the last tick ran."),
		npcWork:       desc("npc_work_seconds", "Time the last tick spent on NPC events."),
		npcQueued:     desc("npc_events_scheduled", "NPC events waiting in the schedule."),
		npcFights:     desc("npc_fights", "Fights in progress."),

		cacheRooms:       desc("room_cache_rooms", "Rooms held in the room cache."),
		cacheHits:        desc("room_cache_hits_total", "Room cache lookups that found the room."),
		cacheMisses:      desc("room_cache_misses_total", "Room cache lookups that had to load the room."),
		cacheHitRatio:    desc("room_cache_hit_ratio", "Hits over lookups since the start."),
		cacheLoads:       desc("room_cache_loads_total", "Rooms loaded from the store."),
		cacheLoadErrors:  desc("room_cache_load_errors_total", "Room loads that failed."),
		cacheExpirations: desc("room_cache_expirations_total", "Rooms evicted when their time to live ran out."),
		cacheInFlight:    desc("room_cache_loads_in_flight", "Room loads under way."),
		cacheLoadAvg:     desc("room_cache_load_seconds_avg", "Mean room load latency since the start."),

		storeQueue:      desc("store_queue_depth", "Items submitted to the store writer and not yet committed."),
		storeCommits:    desc("store_commits_total", "Write-behind transactions committed."),
		storeRows:       desc("store_rows_written_total", "Rows written by those transactions."),
		storeErrors:     desc("store_errors_total", "Failed commit attempts."),
		storeLastCommit: desc("store_last_commit_seconds", "Duration of the last successful commit."),
		storeFailing:    desc("store_failing", "1 while the store's commits fail (players are told their progress is not saved), else 0."),
		bans:            desc("bans", "Addresses and CIDR prefixes banned."),

		sessions:          desc("sessions", "Sessions playing."),
		sessionsTransport: desc("sessions_by_transport", "Sessions playing, by transport.", "transport"),
		sessionsTier:      desc("sessions_by_tier", "Sessions playing, by lucidity tier.", "tier"),

		connsOpen:      desc("connections", "Connections open, by listener.", "listener"),
		connsLoggingIn: desc("connections_logging_in", "Connections open and still logging in, by listener.", "listener"),
		connsTotal:     desc("connections_total", "Connections accepted since the start, by listener.", "listener"),
		connsRefused:   desc("connections_refused_total", "Connections refused at accept, by listener and reason.", "listener", "reason"),
		connsEnded:     desc("connections_ended_total", "Connections ended, by listener and cause.", "listener", "cause"),

		busConnected:  desc("bus_connected", "1 when the chat bus is connected to NATS, 0 when not; absent when chat stays in the process."),
		busIn:         desc("bus_messages_in_total", "Chat bus messages received."),
		busOut:        desc("bus_messages_out_total", "Chat bus messages published."),
		busDropped:    desc("bus_messages_dropped_total", "Chat bus messages dropped because the publisher was full."),
		busReconnects: desc("bus_reconnects_total", "Reconnections of the chat bus to NATS."),
	}
}

// all lists every description.
func (d descs) all() []*prometheus.Desc {
	return []*prometheus.Desc{
		d.ticks, d.overBudget, d.tickInterval, d.tickLast, d.lateLast, d.lateMax, d.tickQuantile,
		d.fluxPasses, d.fluxLast, d.fluxChars, d.fluxChanged,
		d.npcPopulation, d.npcDue, d.npcWork, d.npcQueued, d.npcFights,
		d.cacheRooms, d.cacheHits, d.cacheMisses, d.cacheHitRatio, d.cacheLoads,
		d.cacheLoadErrors, d.cacheExpirations, d.cacheInFlight, d.cacheLoadAvg,
		d.storeQueue, d.storeCommits, d.storeRows, d.storeErrors, d.storeLastCommit,
		d.storeFailing, d.bans,
		d.sessions, d.sessionsTransport, d.sessionsTier,
		d.connsOpen, d.connsLoggingIn, d.connsTotal, d.connsRefused, d.connsEnded,
		d.busConnected, d.busIn, d.busOut, d.busDropped, d.busReconnects,
	}
}
