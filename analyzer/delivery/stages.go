package delivery

import "time"

// Flow is the pull-request view of the window (API only): where time goes
// between a first commit and production, and what size costs.
type Flow struct {
	// Stages are the medians, in hours, over the window's shipped pull
	// requests that have the stage.
	Stages Stages `json:"stages"`
	// BySize groups the shipped pull requests by size bucket.
	BySize []SizeCost `json:"by_size"`
	// PullRequests lists every merged pull request shipped in the window:
	// the trail behind the medians and the size table.
	PullRequests []PullFlow `json:"pull_requests"`
	// Undetailed counts shipped pull requests whose commits, reviews and
	// files were not read (over the lookup budget): they have a deploy
	// wait and no size.
	Undetailed int `json:"undetailed"`
}

// Stages are the five stages of a pull request's lead time.
type Stages struct {
	// Coding: first commit → ready for review (opened: GitHub's list does
	// not say when a draft became ready, and asking costs a request each).
	Coding Sample `json:"coding"`
	// Pickup: ready → first review by someone other than the author.
	Pickup Sample `json:"pickup"`
	// Review: first review → first approval.
	Review Sample `json:"review"`
	// MergeWait: approval (else first review, else opening) → merge.
	MergeWait Sample `json:"merge_wait"`
	// DeployWait: merge → the deployment that shipped its merge commit.
	DeployWait Sample `json:"deploy_wait"`
}

// PullFlow is one shipped pull request, stage by stage, in hours.
type PullFlow struct {
	Number     int       `json:"number"`
	Title      string    `json:"title"`
	MergeSHA   string    `json:"merge_sha"`
	DeployedBy string    `json:"deployed_by"`
	DeployedAt time.Time `json:"deployed_at"`
	Size       string    `json:"size,omitempty"`
	Weighted   int       `json:"weighted_lines,omitempty"`
	SizeFrom   string    `json:"size_from,omitempty"`
	Coding     *float64  `json:"coding_hours"`
	Pickup     *float64  `json:"pickup_hours"`
	Review     *float64  `json:"review_hours"`
	MergeWait  *float64  `json:"merge_wait_hours"`
	DeployWait *float64  `json:"deploy_wait_hours"`
	// LeadTime runs from the first commit (else the opening) to production.
	LeadTime *float64 `json:"lead_time_hours"`
	// Reverted: a shipped commit reverts its merge commit. Hotfixed: the
	// deployment that shipped it was remediated by a hotfix.
	Reverted bool `json:"reverted"`
	Hotfixed bool `json:"hotfixed"`
}

// flowOf builds the window's flow from the pulls, the shipments they map
// to by merge commit, and the failure verdicts.
func flowOf(j *judge, verdicts []verdict, pulls []PullRequest, win Window) *Flow {
	f := &Flow{PullRequests: []PullFlow{}}
	var coding, pickup, review, mergeWait, deployWait []float64
	for _, p := range pulls {
		i, ok := j.shipperOf(p.MergeSHA)
		if p.MergeSHA == "" || !ok || !win.Contains(j.ss[i].At) {
			continue
		}
		pf := pullFlow(p, j.ss[i])
		if c, ok := j.shas.resolve(p.MergeSHA); ok {
			pf.Reverted = j.reverted[c]
		}
		pf.Hotfixed = verdicts[i].failed && verdicts[i].signal == SignalHotfix
		f.Undetailed += b2i(!p.Detailed)
		f.PullRequests = append(f.PullRequests, pf)
		coding, pickup, review = appendSome(coding, pf.Coding), appendSome(pickup, pf.Pickup), appendSome(review, pf.Review)
		mergeWait, deployWait = appendSome(mergeWait, pf.MergeWait), appendSome(deployWait, pf.DeployWait)
	}
	f.Stages = Stages{Coding: median(coding), Pickup: median(pickup), Review: median(review),
		MergeWait: median(mergeWait), DeployWait: median(deployWait)}
	f.BySize = bySize(f.PullRequests)
	return f
}

func pullFlow(p PullRequest, s Shipment) PullFlow {
	pf := PullFlow{Number: p.Number, Title: p.Title, MergeSHA: p.MergeSHA, DeployedBy: s.Ref, DeployedAt: s.At.UTC(),
		Size: p.Size, Weighted: p.Weighted, SizeFrom: p.SizeFrom}
	pf.Coding = span(p.FirstCommit, p.Created)
	pf.Pickup = span(p.Created, p.FirstReview)
	pf.Review = span(p.FirstReview, p.Approved)
	pf.MergeWait = span(firstSet(p.Approved, p.FirstReview, p.Created), p.Merged)
	pf.DeployWait = span(p.Merged, s.At)
	pf.LeadTime = span(firstSet(p.FirstCommit, p.Created), s.At)
	return pf
}

// span is to − from in hours, nil when either is unknown. Clocks of
// different machines disagree a little, so a negative span is zero.
func span(from, to time.Time) *float64 {
	if from.IsZero() || to.IsZero() {
		return nil
	}
	return ptrFloat(max(hours(to.Sub(from)), 0))
}

func firstSet(times ...time.Time) time.Time {
	for _, t := range times {
		if !t.IsZero() {
			return t
		}
	}
	return time.Time{}
}

func appendSome(values []float64, v *float64) []float64 {
	if v == nil {
		return values
	}
	return append(values, *v)
}

func median(values []float64) Sample { return Sample{Median: Quantile(values, 0.5), N: len(values)} }

// ShippedIn returns which of shas a deployment in the window shipped:
// the pull requests worth a detailed lookup.
func ShippedIn(h *History, deploys []Deployment, opts Options, shas []string) map[string]bool {
	if opts.WindowDays <= 0 {
		opts.WindowDays = DefaultWindowDays
	}
	shipments, by := ship(h, inEnvironment(deploys, opts.Environment))
	win := NewWindow(opts.Until, opts.WindowDays)
	out := map[string]bool{}
	for _, sha := range shas {
		if c, ok := h.lookup(sha); ok && by[c] > 0 && win.Contains(shipments[by[c]-1].At) {
			out[sha] = true
		}
	}
	return out
}
