package delivery

import (
	"fmt"
	"slices"

	"github.com/mvcbot/mvc/analyzer/size"
)

// SizeCost is one size bucket of the window's shipped pull requests.
type SizeCost struct {
	Size string `json:"size"`
	N    int    `json:"n"`
	// LeadTime is the median pull-request lead time (first commit to
	// production), in hours.
	LeadTime *float64 `json:"lead_time_hours_median"`
	// Reworked counts the pull requests later reverted or hotfixed;
	// ReworkShare is Reworked / N.
	Reworked    int      `json:"reverted_or_hotfixed"`
	ReworkShare *float64 `json:"reverted_or_hotfixed_share"`
	// PullRequests are the numbers behind the row.
	PullRequests []int `json:"pull_requests"`
}

// bySize groups the pull requests that have a size, smallest bucket
// first; buckets without pull requests are left out.
func bySize(pulls []PullFlow) []SizeCost {
	rows := []SizeCost{}
	for _, s := range size.Sizes {
		row := SizeCost{Size: string(s), PullRequests: []int{}}
		var leads []float64
		for _, p := range pulls {
			if p.Size != string(s) {
				continue
			}
			row.N++
			row.PullRequests = append(row.PullRequests, p.Number)
			leads = appendSome(leads, p.LeadTime)
			row.Reworked += b2i(p.Reverted || p.Hotfixed)
		}
		if row.N == 0 {
			continue
		}
		row.LeadTime = Quantile(leads, 0.5)
		row.ReworkShare = ratio(row.Reworked, row.N)
		rows = append(rows, row)
	}
	return rows
}

// MinPullsPerBucket is the fewest pull requests a bucket needs before
// SizeCostSentence compares it: fewer is anecdote, not history.
const MinPullsPerBucket = 5

// SizeCostSentence is one sentence for the comment on a pull request of
// the given size, from the repository's own history: how much longer its
// bucket took to reach production than a smaller one (M when it has the
// history, else the largest smaller bucket that has), and how much more
// often it was reverted or hotfixed. It is empty when either bucket has
// fewer than MinPullsPerBucket pull requests, when the size is no larger
// than the baseline, or when there is no flow.
func SizeCostSentence(f *Flow, prSize string) string {
	if f == nil {
		return ""
	}
	big, ok := bucketOf(f.BySize, prSize)
	if !ok || big.N < MinPullsPerBucket || big.LeadTime == nil {
		return ""
	}
	base, ok := baseline(f.BySize, prSize)
	if !ok {
		return ""
	}
	s := fmt.Sprintf("Here, %s pull requests took %s to reach production as %s ones (median %s against %s, %d and %d pull requests)",
		big.Size, times(*big.LeadTime, *base.LeadTime, "as long"), base.Size,
		hoursText(*big.LeadTime), hoursText(*base.LeadTime), big.N, base.N)
	return s + reworkClause(big, base) + "."
}

func bucketOf(rows []SizeCost, s string) (SizeCost, bool) {
	i := slices.IndexFunc(rows, func(r SizeCost) bool { return r.Size == s })
	if i < 0 {
		return SizeCost{}, false
	}
	return rows[i], true
}

// baseline picks M when it is smaller than prSize and has the history,
// else the largest smaller bucket that has.
func baseline(rows []SizeCost, prSize string) (SizeCost, bool) {
	rank := func(s string) int { return slices.Index(size.Sizes, size.Size(s)) }
	usable := func(r SizeCost) bool {
		return r.N >= MinPullsPerBucket && r.LeadTime != nil && *r.LeadTime > 0 && rank(r.Size) < rank(prSize)
	}
	if m, ok := bucketOf(rows, string(size.M)); ok && usable(m) {
		return m, true
	}
	for i := len(rows) - 1; i >= 0; i-- {
		if usable(rows[i]) {
			return rows[i], true
		}
	}
	return SizeCost{}, false
}

func reworkClause(big, base SizeCost) string {
	switch {
	case big.Reworked == 0 && base.Reworked == 0:
		return ", and none of either was reverted or hotfixed"
	case base.Reworked == 0:
		return fmt.Sprintf(", and %d of %d were reverted or hotfixed, against none of the %s ones", big.Reworked, big.N, base.Size)
	}
	return fmt.Sprintf(", and were reverted or hotfixed %s as the %s ones (%d of %d, against %d of %d)",
		times(*big.ReworkShare, *base.ReworkShare, "as often"), base.Size, big.Reworked, big.N, base.Reworked, base.N)
}

// times says a/b as "3.1× as long" (or "as often"), "about as long"
// within 10 %.
func times(a, b float64, as string) string {
	r := a / b
	if r > 0.9 && r < 1.1 {
		return "about " + as
	}
	return fmt.Sprintf("%.1f× %s", r, as)
}

func hoursText(h float64) string {
	if h < 48 {
		return fmt.Sprintf("%.0f h", h)
	}
	return fmt.Sprintf("%.1f days", h/24)
}
