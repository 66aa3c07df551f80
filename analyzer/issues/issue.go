// Package issues reads an issue graph, pure: issues and pull requests as
// nodes; sub-issues, task-list items, "blocked by" dependencies and
// "closes" references as edges. It flags open issues too big to ship as
// one Minimum Viable Change and proposes how to break them down, and finds
// dependency cycles and the longest chain of work that must happen one
// piece after another (the critical path). Adapters (source/github, a
// `gh issue list --json` export) fill Issue; nothing here reads the
// network.
package issues

import "time"

// State is an issue's state, as GitHub names it.
type State string

// The states of an issue.
const (
	Open   State = "open"
	Closed State = "closed"
)

// Issue is one issue or pull request, as the graph needs it.
type Issue struct {
	Number      int
	Title       string
	Body        string
	State       State
	Labels      []string
	PullRequest bool // a pull request: it can close issues, it is not planned work
	CreatedAt   time.Time
	ClosedAt    time.Time // zero while open

	// Edges GitHub keeps in fields of their own (the sub-issues and the
	// issue-dependencies APIs), as the source read them. Edges written in
	// bodies (task lists, "blocked by #n", "closes #n") are parsed by
	// Build.
	SubIssues []int // this issue's sub-issues
	BlockedBy []int // issues that must be done before this one
}

// EdgeKind is how two issues are related.
type EdgeKind string

// The kinds of edges.
const (
	// Parent: From holds To as a sub-issue or as a task-list item.
	Parent EdgeKind = "parent"
	// BlockedBy: From cannot be finished before To.
	BlockedBy EdgeKind = "blocked-by"
	// Closes: pull request From closes issue To when merged.
	Closes EdgeKind = "closes"
)

// Edge is one relation, with where it was read ("sub-issues", "task
// list", "body", "dependencies").
type Edge struct {
	From, To int
	Kind     EdgeKind
	Source   string
}

// Task is one item of an issue's task list ("- [ ] text").
type Task struct {
	Text string
	Done bool
	Ref  int // the issue the item names (#12 or a URL to one), 0 if none
}
