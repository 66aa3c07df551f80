package delivery

import (
	"fmt"
	"time"
)

// weekly buckets the window's deployments by ISO week in UTC. Every week
// that overlaps the window gets an entry, deployments or not, so a chart
// shows quiet weeks as gaps instead of hiding them.
func weekly(shipments []Shipment, win Window) []Week {
	var weeks []Week
	index := map[string]int{}
	// The window is (Start, End]: its first instant is just after Start.
	for monday := mondayOf(win.Start.Add(time.Nanosecond)); !monday.After(win.End); monday = monday.AddDate(0, 0, 7) {
		index[isoWeek(monday)] = len(weeks)
		weeks = append(weeks, Week{Week: isoWeek(monday), Start: monday.Format(time.DateOnly)})
	}
	leads := make([][]float64, len(weeks))
	for _, s := range shipments {
		if !win.Contains(s.At) {
			continue
		}
		i := index[isoWeek(s.At)]
		weeks[i].Deploys++
		leads[i] = append(leads[i], hoursOf(s.LeadTimes())...)
	}
	for i := range weeks {
		weeks[i].LeadTimeMedian = Quantile(leads[i], 0.5)
	}
	return weeks
}

// isoWeek names t's ISO 8601 week in UTC, e.g. 2024-W03.
func isoWeek(t time.Time) string {
	y, w := t.UTC().ISOWeek()
	return fmt.Sprintf("%04d-W%02d", y, w)
}

// mondayOf is 00:00 UTC on the Monday of t's ISO week.
func mondayOf(t time.Time) time.Time {
	t = t.UTC()
	day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	offset := (int(day.Weekday()) + 6) % 7 // Monday → 0 … Sunday → 6
	return day.AddDate(0, 0, -offset)
}
