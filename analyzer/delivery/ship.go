package delivery

import "time"

// Shipment is what one deployment shipped.
type Shipment struct {
	Deployment
	// First marks the first deployment ever (in time order): it has no
	// predecessor, so the history it ships is not measured. Counting it
	// would attribute the whole project's past to one deployment.
	First bool
	// Known is false when the deployed SHA is not in the history (a commit
	// the clone lacks): the deployment counts for frequency only.
	Known bool
	// Commits are the non-merge commits this deployment shipped (within
	// the history's scope, if set), oldest author date first. Empty for
	// the first deployment.
	Commits []Commit
	// Expanded counts the squash commits measured from their pull
	// request's original commits instead of their own author date.
	Expanded int

	leads []time.Duration
}

// LeadTimes are the lead times of the shipment's changes: deployment time
// minus author date, per commit or, for a squash commit, per original
// commit of its pull request.
func (s Shipment) LeadTimes() []time.Duration { return s.leads }

// Ship attributes commits to deployments. A deployment ships the non-merge
// commits reachable from its SHA and from no earlier deployment, where
// "earlier" is by deployment time over all of history, not just a window.
//
// It is one pass: deployments are visited in time order and each walks the
// graph from its SHA, marking what it reaches and stopping at commits an
// earlier deployment already marked. Every commit is visited at most once
// over the whole list, so the cost is that of one walk of the history,
// however many deployments there are.
func Ship(h *History, deploys []Deployment) []Shipment {
	out, _ := ship(h, deploys)
	return out
}

// ship is Ship that also returns, per commit index, 1 + the index of the
// shipment that first reached it (0: none did): which deployment shipped
// a commit, what the failure signals need.
func ship(h *History, deploys []Deployment) ([]Shipment, []int32) {
	ordered := append([]Deployment(nil), deploys...)
	SortByTime(ordered)
	w := walker{h: h, shipped: make([]bool, h.Len()), by: make([]int32, h.Len())}
	out := make([]Shipment, len(ordered))
	for i, d := range ordered {
		s := Shipment{Deployment: d, First: i == 0}
		start, ok := h.lookup(d.SHA)
		s.Known = ok
		if ok {
			reached := w.walk(start)
			for _, c := range reached {
				w.by[c] = int32(i + 1)
			}
			if !s.First {
				s.Commits = w.changes(reached)
				s.leads, s.Expanded = leadTimes(h, s.At, s.Commits)
			}
		}
		out[i] = s
	}
	return out, w.by
}

// walker holds the marks shared by all deployments of one Ship call.
type walker struct {
	h       *History
	shipped []bool
	by      []int32 // 1 + the shipment that reached each commit
	stack   []int32
}

// walk marks and returns every commit reachable from start that no earlier
// walk reached. Marks are closed under ancestry (each walk marks all it
// can reach), so stopping at a marked commit loses nothing.
func (w *walker) walk(start int32) []int32 {
	var reached []int32
	w.stack = append(w.stack[:0], start)
	for len(w.stack) > 0 {
		i := w.stack[len(w.stack)-1]
		w.stack = w.stack[:len(w.stack)-1]
		if w.shipped[i] {
			continue
		}
		w.shipped[i] = true
		reached = append(reached, i)
		w.stack = append(w.stack, w.h.parents[i]...)
	}
	return reached
}

// changes keeps the non-merge commits of a walk that are in the history's
// scope, oldest author date first (ties by SHA) so output does not depend
// on walk order.
func (w *walker) changes(reached []int32) []Commit {
	out := make([]Commit, 0, len(reached))
	for _, i := range reached {
		if c := w.h.commits[i]; !c.IsMerge() && w.h.inScope(c) {
			out = append(out, c)
		}
	}
	sortCommits(out)
	return out
}
