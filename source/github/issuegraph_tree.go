package github

import (
	"context"
	"fmt"
	"slices"

	"github.com/mvcbot/mvc/analyzer/issues"
)

// IssueTree reads one issue and what hangs below it: its sub-issues,
// theirs in turn, and the issues any of them is blocked by (blockers are
// read, not expanded), breadth-first, at most maxIssues issues (0:
// DefaultMaxIssues). An issue met twice is read once, so a cycle of
// sub-issues ends.
//
// The call budget: one request for the issue, then, per issue expanded,
// one per 100 sub-issues or blockers when its summaries count any. The
// lists carry whole issue objects, so no issue is fetched on its own.
func (c *Client) IssueTree(ctx context.Context, number int, maxIssues int) (IssueGraphResult, error) {
	if maxIssues <= 0 {
		maxIssues = DefaultMaxIssues
	}
	var root issueObject
	if _, err := c.getJSON(ctx, fmt.Sprintf("repos/%s/%s/issues/%d", c.owner, c.repo, number), &root); err != nil {
		return IssueGraphResult{}, apiError(fmt.Sprintf("get issue #%d of %s/%s", number, c.owner, c.repo), err)
	}
	t := &tree{g: c.newGraphReader(), max: maxIssues, nodes: map[int]*issues.Issue{}, expanded: map[int]bool{}}
	t.add(&root)
	queue := []issueObject{root}
	for len(queue) > 0 && !t.truncated {
		o := queue[0]
		queue = queue[1:]
		more, err := t.expand(ctx, &o)
		if err != nil {
			return IssueGraphResult{}, err
		}
		queue = append(queue, more...)
	}
	return t.result(number), nil
}

// tree is IssueTree's walk.
type tree struct {
	g         *graphReader
	max       int
	nodes     map[int]*issues.Issue
	expanded  map[int]bool
	truncated bool
}

// add keeps o as a node unless it is one already; false when the bound
// leaves no room for it.
func (t *tree) add(o *issueObject) bool {
	if t.nodes[o.GetNumber()] != nil {
		return true
	}
	if len(t.nodes) >= t.max {
		t.truncated = true
		return false
	}
	is := o.issue()
	t.nodes[o.GetNumber()] = &is
	return true
}

// expand reads one node's edges and returns the sub-issues still to
// expand. A blocker met first becomes a node, and is expanded later if
// it turns out to be a sub-issue too.
func (t *tree) expand(ctx context.Context, o *issueObject) ([]issueObject, error) {
	n := o.GetNumber()
	if t.expanded[n] {
		return nil, nil
	}
	t.expanded[n] = true
	subs, blockers, err := t.g.edges(ctx, o)
	if err != nil {
		return nil, err
	}
	node := t.nodes[n]
	var next []issueObject
	for i := range subs {
		node.SubIssues = append(node.SubIssues, subs[i].GetNumber())
		if t.add(&subs[i]) && !t.expanded[subs[i].GetNumber()] {
			next = append(next, subs[i])
		}
	}
	for i := range blockers {
		node.BlockedBy = append(node.BlockedBy, blockers[i].GetNumber())
		t.add(&blockers[i])
	}
	slices.Sort(node.BlockedBy)
	return next, nil
}

func (t *tree) result(number int) IssueGraphResult {
	res := IssueGraphResult{Truncated: t.truncated}
	for _, is := range t.nodes {
		res.Issues = append(res.Issues, *is)
	}
	slices.SortFunc(res.Issues, func(a, b issues.Issue) int { return a.Number - b.Number })
	if t.truncated {
		res.Notes = append(res.Notes, fmt.Sprintf("stopped at %d issues below #%d: raise the limit to read the rest of the tree", t.max, number))
	}
	res.Notes = append(res.Notes, t.g.notes()...)
	return res
}
