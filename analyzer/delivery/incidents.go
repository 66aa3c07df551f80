package delivery

import (
	"fmt"
	"sort"
)

// incidents attributes each incident opened by the last shipment to a
// deployment: the earliest one its references name (a commit it shipped,
// its release or tag), else the latest deployment at or before the
// incident's opening, if that is within the incident window. A deployment
// another signal already marked failed keeps that signal: it counts once,
// and a remediating deployment is firmer evidence than a closed issue.
func (j *judge) incidents() []Incident {
	var unattributed []Incident
	for _, inc := range sortedIncidents(j.sig.Incidents) {
		i, evidence, ok := j.referenced(inc)
		if !ok {
			i, evidence, ok = j.precededBy(inc)
		}
		if !ok {
			unattributed = append(unattributed, inc)
			continue
		}
		if v := &j.out[i]; !v.failed {
			inc := inc
			v.failed, v.signal, v.by, v.incident, v.evidence = true, SignalIncident, -1, &inc, evidence
		}
	}
	return unattributed
}

func sortedIncidents(in []Incident) []Incident {
	out := append([]Incident(nil), in...)
	sort.SliceStable(out, func(a, b int) bool { return out[a].Opened.Before(out[b].Opened) })
	return out
}

// referenced finds the earliest deployment an incident's references name.
func (j *judge) referenced(inc Incident) (int, string, bool) {
	best, evidence := -1, ""
	consider := func(i int, why string) {
		if best < 0 || i < best {
			best, evidence = i, why
		}
	}
	for _, sha := range inc.SHAs {
		if i, ok := j.shipperOf(sha); ok {
			consider(i, fmt.Sprintf("incident #%d names commit %s", inc.Number, shortSHA(sha)))
		}
	}
	for _, ref := range inc.Refs {
		for i, s := range j.ss {
			if s.Ref == ref {
				consider(i, fmt.Sprintf("incident #%d names %s", inc.Number, ref))
			}
		}
	}
	return best, evidence, best >= 0
}

// precededBy finds the latest deployment at or before the incident was
// opened, if it is within the incident window: an incident weeks after
// the last deployment is not that deployment's failure.
func (j *judge) precededBy(inc Incident) (int, string, bool) {
	for i := len(j.ss) - 1; i >= 0; i-- {
		s := j.ss[i]
		if s.At.After(inc.Opened) {
			continue
		}
		if inc.Opened.Sub(s.At) > j.rules.IncidentWindow {
			return 0, "", false
		}
		return i, fmt.Sprintf("incident #%d opened %s after it", inc.Number, humanHours(inc.Opened.Sub(s.At).Hours())), true
	}
	return 0, "", false
}

func humanHours(h float64) string {
	if h < 48 {
		return fmt.Sprintf("%.0f h", h)
	}
	return fmt.Sprintf("%.1f days", h/24)
}
