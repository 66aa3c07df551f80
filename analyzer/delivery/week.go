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
	add := func(monday time.Time) {
		index[isoWeek(monday)] = len(weeks)
		weeks = append(weeks, Week{Week: isoWeek(monday), Start: monday.Format(time.DateOnly)})
	}
	// The window is (Start, End]. A week that would hold only the instant
	// End (a window ending at 00:00 on a Monday) is added only if a
	// deployment happened at exactly that instant.
	for monday := mondayOf(win.Start.Add(time.Nanosecond)); monday.Before(win.End); monday = monday.AddDate(0, 0, 7) {
		add(monday)
	}
	leads := make([][]float64, len(weeks), len(weeks)+1)
	for _, s := range shipments {
		if !win.Contains(s.At) {
			continue
		}
		i, ok := index[isoWeek(s.At)]
		if !ok {
			add(mondayOf(s.At))
			leads = append(leads, nil)
			i = len(weeks) - 1
		}
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

// weeklyFailures adds each week's change failure rate: failed over
// deployed, rollbacks excluded, as for the window. Without a readable
// signal every week's rate stays nil.
func weeklyFailures(weeks []Week, shipments []Shipment, verdicts []verdict, win Window) {
	counted := make([]int, len(weeks))
	index := map[string]int{}
	for i, w := range weeks {
		index[w.Week] = i
	}
	for i, v := range verdicts {
		s := shipments[i]
		k, ok := index[isoWeek(s.At)]
		if !ok || !win.Contains(s.At) || v.rollback {
			continue
		}
		counted[k]++
		weeks[k].Failures += b2i(v.failed)
	}
	for k := range weeks {
		if counted[k] > 0 {
			weeks[k].ChangeFailureRate = ratio(weeks[k].Failures, counted[k])
		}
	}
}
