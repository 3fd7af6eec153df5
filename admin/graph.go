package admin

import (
	"strings"
	"time"
)

// barChart draws the last width points as vertical bars rows lines high,
// top line first, scaled to the largest of them, and returns that largest
// point. Each point shows at least its lowest eighth; missing points are
// blank.
func barChart(points []time.Duration, width, rows int) ([]string, time.Duration) {
	width, rows = max(width, 0), max(rows, 1)
	points = points[max(len(points)-width, 0):]
	var peak time.Duration
	for _, p := range points {
		peak = max(peak, p)
	}
	levels := make([]int, len(points)) // in eighths of a line
	for i, p := range points {
		levels[i] = 1
		if peak > 0 {
			levels[i] += int(int64(p) * int64(rows*8-1) / int64(peak))
		}
	}
	eighths := []rune(" ▁▂▃▄▅▆▇█")
	out := make([]string, rows)
	for r := range rows {
		floor := (rows - 1 - r) * 8
		var b strings.Builder
		b.WriteString(strings.Repeat(" ", width-len(points)))
		for _, l := range levels {
			b.WriteRune(eighths[min(max(l-floor, 0), 8)])
		}
		out[r] = b.String()
	}
	return out, peak
}
