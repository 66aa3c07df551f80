package github

import (
	"context"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"

	"github.com/mvcbot/mvc/analyzer/issues"
)

// IssueTree reads one issue and what hangs below it: its sub-issues and
// the issues its task-list items name, theirs in turn, and the issues any
// of them is blocked by (by the dependencies API or by "blocked by #n" in
// a body; blockers are read, not expanded), breadth-first, at most
// maxIssues issues (0: DefaultMaxIssues). Which issues hang below one is
// issues.Below, what the whole-repository graph reads as edges, so an
// issue gets the same verdict read alone or with its repository. An issue
// met twice is read once, so a cycle ends.
//
// The call budget: one request for the issue, then, per issue expanded,
// one per 100 sub-issues or blockers when its summaries count any (those
// lists carry whole issue objects), and one request for each issue a body
// names that no list carried. Those single reads count against maxIssues
// too, found or not, so bodies naming issues that do not exist cannot
// cost more requests than the bound.
func (c *Client) IssueTree(ctx context.Context, number int, maxIssues int) (IssueGraphResult, error) {
	if maxIssues <= 0 {
		maxIssues = DefaultMaxIssues
	}
	root, err := c.getIssueObject(ctx, number)
	if err != nil {
		return IssueGraphResult{}, err
	}
	t := &tree{c: c, g: c.newGraphReader(), repo: c.owner + "/" + c.repo, max: maxIssues,
		nodes: map[int]*treeNode{}, expanded: map[int]bool{}, unread: map[int]bool{}, moved: map[int]bool{}}
	t.add(&root)
	queue := []int{number}
	for len(queue) > 0 && !t.truncated {
		n := queue[0]
		queue = queue[1:]
		more, err := t.expand(ctx, n)
		if err != nil {
			return IssueGraphResult{}, err
		}
		queue = append(queue, more...)
	}
	return t.result(number), nil
}

func (c *Client) getIssueObject(ctx context.Context, number int) (issueObject, error) {
	var o issueObject
	if _, err := c.getJSON(ctx, fmt.Sprintf("repos/%s/%s/issues/%d", c.owner, c.repo, number), &o); err != nil {
		return issueObject{}, apiError(fmt.Sprintf("get issue #%d of %s/%s", number, c.owner, c.repo), err)
	}
	return o, nil
}

// tree is IssueTree's walk.
type tree struct {
	c         *Client
	g         *graphReader
	repo      string // owner/name, for issues.Below
	max       int
	nodes     map[int]*treeNode
	expanded  map[int]bool
	unread    map[int]bool // named in a body, but GitHub has no such issue (404, 410)
	moved     map[int]bool // named in a body, but now in another repository
	truncated bool
}

// treeNode is an issue read: GitHub's object, whose summaries say which
// lists to read, and the issue with the edges read so far.
type treeNode struct {
	obj issueObject
	is  issues.Issue
}

// full reports whether the bound leaves no room for another read.
func (t *tree) full() bool { return len(t.nodes)+len(t.unread)+len(t.moved) >= t.max }

// add keeps o as a node unless it is one already; false when the bound
// leaves no room for it.
func (t *tree) add(o *issueObject) bool {
	if t.nodes[o.GetNumber()] != nil {
		return true
	}
	if t.full() {
		t.truncated = true
		return false
	}
	t.nodes[o.GetNumber()] = &treeNode{obj: *o, is: o.issue()}
	return true
}

// expand reads one node's edges, reads the issues they name that are not
// nodes yet, and returns the children still to expand. A blocker met
// first becomes a node, and is expanded later if it turns out to be a
// child too.
func (t *tree) expand(ctx context.Context, n int) ([]int, error) {
	if t.expanded[n] {
		return nil, nil
	}
	t.expanded[n] = true
	node := t.nodes[n]
	subs, blockers, err := t.g.edges(ctx, &node.obj)
	if err != nil {
		return nil, err
	}
	for i := range subs {
		node.is.SubIssues = append(node.is.SubIssues, subs[i].GetNumber())
		t.add(&subs[i])
	}
	for i := range blockers {
		node.is.BlockedBy = append(node.is.BlockedBy, blockers[i].GetNumber())
		t.add(&blockers[i])
	}
	slices.Sort(node.is.BlockedBy)
	children, blockedBy := issues.Below(t.repo, node.is)
	var next []int
	for _, m := range children {
		ok, err := t.need(ctx, m)
		if err != nil {
			return nil, err
		}
		if ok && !t.expanded[m] {
			next = append(next, m)
		}
	}
	for _, m := range blockedBy {
		if _, err := t.need(ctx, m); err != nil {
			return nil, err
		}
	}
	return next, nil
}

// need makes issue n a node, reading it when no list carried it; false
// when it is not one: GitHub has no such issue, it moved to another
// repository, or the bound left no room.
func (t *tree) need(ctx context.Context, n int) (bool, error) {
	switch {
	case t.nodes[n] != nil:
		return true, nil
	case t.unread[n] || t.moved[n]:
		return false, nil
	case t.full():
		t.truncated = true
		return false, nil
	}
	o, err := t.c.getIssueObject(ctx, n)
	switch {
	case IsNotFound(err) || StatusCode(err) == http.StatusGone:
		// A typo or a deleted issue: the graph lists it as missing.
		t.unread[n] = true
		return false, nil
	case err != nil:
		return false, err
	case !t.c.sameRepo(&o) || o.GetNumber() != n:
		// GitHub redirects a transferred issue to its new repository.
		t.moved[n] = true
		return false, nil
	}
	return t.add(&o), nil
}

func (t *tree) result(number int) IssueGraphResult {
	res := IssueGraphResult{Truncated: t.truncated}
	for _, n := range t.nodes {
		res.Issues = append(res.Issues, n.is)
	}
	slices.SortFunc(res.Issues, func(a, b issues.Issue) int { return a.Number - b.Number })
	if t.truncated {
		res.Notes = append(res.Notes, fmt.Sprintf("stopped at %d issues below #%d: raise the limit to read the rest of the tree", t.max, number))
	}
	if len(t.unread) > 0 {
		res.Notes = append(res.Notes, fmt.Sprintf("issues named in task lists or bodies that GitHub does not have (404 or deleted): %s", numberList(t.unread)))
	}
	if len(t.moved) > 0 {
		res.Notes = append(res.Notes, fmt.Sprintf("issues named in task lists or bodies that moved to another repository: %s, left out, as the graph numbers %s's issues only", numberList(t.moved), t.repo))
	}
	res.Notes = append(res.Notes, t.g.notes()...)
	return res
}

// numberList is "#3, #7": the set's numbers, ascending.
func numberList(set map[int]bool) string {
	var parts []string
	for _, n := range slices.Sorted(maps.Keys(set)) {
		parts = append(parts, fmt.Sprintf("#%d", n))
	}
	return strings.Join(parts, ", ")
}
