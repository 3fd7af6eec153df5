package admin

import (
	"fmt"
	"testing"

	"github.com/prometheus/client_golang/prometheus"

	"mythosd/world"
)

// crowd is the sample snapshot with n players.
func crowd(n int) *world.Snapshot {
	s := snapshot()
	s.Sessions = make([]world.SessionInfo, n)
	for i := range s.Sessions {
		s.Sessions[i] = world.SessionInfo{Name: fmt.Sprintf("Player%04d", i), Transport: "telnet",
			RoomName: "Derby Street", Lucidity: i % 100, Tier: "uneasy", Addr: "10.0.0.1:5000"}
	}
	return s
}

// BenchmarkRefreshAndView is one console frame: read a snapshot, draw it.
func BenchmarkRefreshAndView(b *testing.B) {
	for _, n := range []int{10, 1000} {
		for _, size := range []struct{ w, h int }{{80, 24}, {120, 40}} {
			b.Run(fmt.Sprintf("players=%d/%dx%d", n, size.w, size.h), func(b *testing.B) {
				m := newModel(b, &source{snap: crowd(n)}, &recorder{}, size.w, size.h)
				b.ReportAllocs()
				for b.Loop() {
					next, _ := m.Update(refreshMsg{})
					_ = next.View()
				}
			})
		}
	}
}

// BenchmarkCollect is one Prometheus scrape of the collector.
func BenchmarkCollect(b *testing.B) {
	reg := prometheus.NewRegistry()
	reg.MustRegister(NewCollector(&source{snap: crowd(1000)}, nil))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := reg.Gather(); err != nil {
			b.Fatal(err)
		}
	}
}
