package github

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
)

// relation is one kind of edge GitHub lists on a route of its own.
type relation struct {
	name    string // "sub-issues", as notes name it
	path    string // the route under issues/{number}/
	summary string // the issue object's field that counts the edges
	// count reads the summary; ok is false when GitHub sent none.
	count func(*issueObject) (n int, ok bool)
	// fallback is what the graph relies on without the route.
	fallback string
}

var (
	subIssuesRelation = relation{
		name: "sub-issues", path: "sub_issues", summary: "sub_issues_summary",
		count: func(o *issueObject) (int, bool) {
			if o.SubIssuesSummary == nil {
				return 0, false
			}
			return o.SubIssuesSummary.Total, true
		},
		fallback: "read from task lists only",
	}
	blockedByRelation = relation{
		name: "issue dependencies", path: "dependencies/blocked_by", summary: "issue_dependencies_summary",
		// The total, not blocked_by, which counts open blockers only:
		// a closed issue's blockers are all closed, and the graph wants
		// their edges too.
		count: func(o *issueObject) (int, bool) {
			if o.DependenciesSummary == nil {
				return 0, false
			}
			return max(o.DependenciesSummary.TotalBlockedBy, o.DependenciesSummary.BlockedBy), true
		},
		fallback: `read "blocked by" from bodies only`,
	}
)

// graphReader reads the edges of one graph within the call budget, and
// remembers what it could not read to say it once.
type graphReader struct {
	c       *Client
	off     map[string]string // relation → why it is no longer read
	absent  map[string]int    // relation → issues that came without its summary
	foreign map[string]int    // relation → edges into other repositories, skipped
}

func (c *Client) newGraphReader() *graphReader {
	return &graphReader{c: c, off: map[string]string{}, absent: map[string]int{}, foreign: map[string]int{}}
}

// edges reads an issue's sub-issues and blockers in this repository, each
// only when its summary counts some.
func (g *graphReader) edges(ctx context.Context, o *issueObject) (subs, blockers []issueObject, err error) {
	if subs, err = g.related(ctx, subIssuesRelation, o); err != nil {
		return nil, nil, err
	}
	if blockers, err = g.related(ctx, blockedByRelation, o); err != nil {
		return nil, nil, err
	}
	return subs, blockers, nil
}

func (g *graphReader) related(ctx context.Context, rel relation, o *issueObject) ([]issueObject, error) {
	n, ok := rel.count(o)
	if !ok {
		g.absent[rel.name]++
		return nil, nil
	}
	if n == 0 || g.off[rel.name] != "" {
		return nil, nil
	}
	list, err := g.list(ctx, rel, o.GetNumber())
	if err != nil {
		return nil, err
	}
	var out []issueObject
	for i := range list {
		if g.c.sameRepo(&list[i]) {
			out = append(out, list[i])
		} else {
			g.foreign[rel.name]++
		}
	}
	return out, nil
}

// list reads one issue's edges of a kind, 100 a page. A 404 (the feature
// is off on this GitHub) or a 403 (the token may not read it) turns the
// kind off for the rest of the graph, with a note: every further request
// would be answered the same.
func (g *graphReader) list(ctx context.Context, rel relation, number int) ([]issueObject, error) {
	var all []issueObject
	q := url.Values{"per_page": {strconv.Itoa(perPage)}}
	for page := 1; ; {
		var items []issueObject
		u := fmt.Sprintf("repos/%s/%s/issues/%d/%s?%s", g.c.owner, g.c.repo, number, rel.path, q.Encode())
		resp, err := g.c.getJSON(ctx, u, &items)
		switch {
		case IsNotFound(err):
			g.off[rel.name] = fmt.Sprintf("%s are not available on this GitHub (404 on issue #%d): %s", rel.name, number, rel.fallback)
			return nil, nil
		case IsPermission(err):
			g.off[rel.name] = fmt.Sprintf("%s could not be read (403 on issue #%d: %s): give the token read access to issues; %s", rel.name, number, errorMessage(err), rel.fallback)
			return nil, nil
		case err != nil:
			return nil, apiError(fmt.Sprintf("list %s of issue #%d of %s/%s (page %d)", rel.name, number, g.c.owner, g.c.repo, page), err)
		}
		all = append(all, items...)
		if resp.NextPage == 0 {
			return all, nil
		}
		page = resp.NextPage
		q.Set("page", strconv.Itoa(page))
	}
}

// notes says what the graph lacks, in a fixed order.
func (g *graphReader) notes() []string {
	var out []string
	for _, rel := range []relation{subIssuesRelation, blockedByRelation} {
		if why := g.off[rel.name]; why != "" {
			out = append(out, why)
		}
		if n := g.absent[rel.name]; n > 0 {
			out = append(out, fmt.Sprintf("GitHub sent no %s (on %d of the issues read; a GitHub Enterprise Server without %s?): their %s were not read, %s", rel.summary, n, rel.name, rel.name, rel.fallback))
		}
		if n := g.foreign[rel.name]; n > 0 {
			out = append(out, fmt.Sprintf("%s in other repositories: %d skipped, as the graph numbers %s/%s's issues only", rel.name, n, g.c.owner, g.c.repo))
		}
	}
	return out
}
