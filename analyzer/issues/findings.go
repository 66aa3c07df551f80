package issues

// Findings are what Analyze has to say about a graph. Every list is sorted
// by issue number and empty when there is nothing to say.
type Findings struct {
	Summary Summary  `json:"summary"`
	TooBig  []TooBig `json:"too_big"`
	// Cycles are the groups of open issues that wait on each other, so
	// none of them can finish: each group once, its members ascending,
	// groups by their smallest member. A group is a set, not a path: two
	// loops that share an issue are one group.
	Cycles [][]int `json:"cycles"`
	// Loops says, for each group of Cycles (same index), one loop of real
	// links in it and which link to drop.
	Loops []Loop `json:"cycle_loops"`
	// CriticalPath is the longest chain of open issues that must finish
	// one after another, first to last; nil when no open issue waits on
	// another.
	CriticalPath []int `json:"critical_path"`
	// ChainTooLong says CriticalPath is longer than Policy.MaxChain.
	ChainTooLong bool `json:"chain_too_long"`
	// Stale are open issues still marked blocked by closed ones.
	Stale []Stale `json:"stale_blockers"`
}

// Summary counts the graph.
type Summary struct {
	OpenIssues     int `json:"open_issues"`
	ClosedIssues   int `json:"closed_issues"`
	OpenPulls      int `json:"open_pull_requests"`
	ClosedPulls    int `json:"closed_pull_requests"`
	ParentEdges    int `json:"parent_edges"`
	BlockedByEdges int `json:"blocked_by_edges"`
	ClosesEdges    int `json:"closes_edges"`
	// Missing are numbers edges refer to that the graph does not hold.
	Missing []int `json:"missing"`
}

// TooBig is an open issue that will not ship as one MVC.
type TooBig struct {
	Number  int      `json:"number"`
	Title   string   `json:"title"`
	Reasons []string `json:"reasons"` // one line each
	// Breakdown is the proposed order of smaller issues to ship it in;
	// empty when the issue lists nothing to break down.
	Breakdown []Step `json:"breakdown"`
}

// Step is one smaller issue of a breakdown, meant to ship as one MVC.
type Step struct {
	Title string   `json:"title"`
	Tasks []string `json:"tasks,omitempty"` // the task-list items it takes over
	// Issue is the existing issue this step is, 0 for a proposed new one.
	Issue int `json:"issue,omitempty"`
	// DependsOn are indexes of earlier steps this one waits for.
	DependsOn []int `json:"depends_on,omitempty"`
}

// Stale is an open issue marked blocked by issues that are closed: those
// edges no longer block it.
type Stale struct {
	Number int    `json:"number"`
	Title  string `json:"title"`
	Closed []int  `json:"closed_blockers"`
	// Ready says nothing open (or unknown) blocks it any more: it can
	// start now.
	Ready bool `json:"ready"`
}
