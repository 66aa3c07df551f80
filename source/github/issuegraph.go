package github

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	gh "github.com/google/go-github/v60/github"

	"github.com/mvcbot/mvc/analyzer/issues"
)

// DefaultMaxIssues is how many issues and pull requests IssueGraph and
// IssueTree read when the caller sets no bound: ten pages of the list.
const DefaultMaxIssues = 1000

// IssueGraphOptions choose which issues IssueGraph reads.
type IssueGraphOptions struct {
	// State is "open" (the default), "closed" or "all".
	State string
	// Since, when set, keeps only issues updated at or after it (the
	// API's since=).
	Since time.Time
	// MaxIssues stops the list after this many issues and pull requests
	// (0: DefaultMaxIssues); the result then says Truncated and a note
	// says so.
	MaxIssues int
}

// IssueGraphResult is an issue graph as GitHub keeps it, for the
// analyzer/issues core, which parses the bodies.
type IssueGraphResult struct {
	// Issues are the issues and pull requests read, by number, with the
	// sub-issues and blockers GitHub records (in this repository; edges
	// may name issues the list left out, such as closed ones).
	Issues []issues.Issue
	// Truncated: the MaxIssues bound left issues unread.
	Truncated bool
	// Notes say, one line each, what could not be read and what the
	// graph relies on instead: "sub-issues are not available on this
	// GitHub (404): read from task lists only".
	Notes []string
}

// IssueGraph reads the repository's issues (and pull requests, which the
// issues list includes) with their sub-issues and blocked-by dependencies.
//
// The call budget: the list costs one request per 100 issues; sub-issues
// and blockers cost a request (per 100) only for the issues whose
// sub_issues_summary or issue_dependencies_summary counts any. A GitHub
// that sends no summaries (older GitHub Enterprise Server) gets no
// request per issue at all, and a note.
func (c *Client) IssueGraph(ctx context.Context, opt IssueGraphOptions) (IssueGraphResult, error) {
	opt, err := opt.withDefaults()
	if err != nil {
		return IssueGraphResult{}, err
	}
	list, truncated, err := c.listIssueObjects(ctx, opt)
	if err != nil {
		return IssueGraphResult{}, err
	}
	g := c.newGraphReader()
	res := IssueGraphResult{Truncated: truncated}
	for i := range list {
		subs, blockers, err := g.edges(ctx, &list[i])
		if err != nil {
			return IssueGraphResult{}, err
		}
		is := list[i].issue()
		is.SubIssues, is.BlockedBy = numbersOf(subs), sortedNumbers(blockers)
		res.Issues = append(res.Issues, is)
	}
	slices.SortFunc(res.Issues, func(a, b issues.Issue) int { return a.Number - b.Number })
	if truncated {
		res.Notes = append(res.Notes, fmt.Sprintf("stopped after %d issues and pull requests (the oldest first): raise the limit to read the rest", opt.MaxIssues))
	}
	res.Notes = append(res.Notes, g.notes()...)
	return res, nil
}

func (o IssueGraphOptions) withDefaults() (IssueGraphOptions, error) {
	switch o.State {
	case "":
		o.State = "open"
	case "open", "closed", "all":
	default:
		return o, fmt.Errorf("issue state %q: use open, closed or all", o.State)
	}
	if o.MaxIssues <= 0 {
		o.MaxIssues = DefaultMaxIssues
	}
	return o, nil
}

// listIssueObjects reads the issues list, oldest first (so a bound keeps
// a stable prefix and a later run with since= continues it), 100 a page,
// stopping at MaxIssues. It reads the list raw, not with go-github's
// Issues.ListByRepo: v60 drops the relation summaries that decide which
// issues cost further requests.
func (c *Client) listIssueObjects(ctx context.Context, opt IssueGraphOptions) (list []issueObject, truncated bool, err error) {
	q := url.Values{"state": {opt.State}, "sort": {"created"}, "direction": {"asc"}, "per_page": {strconv.Itoa(perPage)}}
	if !opt.Since.IsZero() {
		q.Set("since", opt.Since.UTC().Format(time.RFC3339))
	}
	for page := 1; ; {
		var items []issueObject
		u := fmt.Sprintf("repos/%s/%s/issues?%s", c.owner, c.repo, q.Encode())
		resp, err := c.getJSON(ctx, u, &items)
		if err != nil {
			return nil, false, apiError(fmt.Sprintf("list %s issues of %s/%s (page %d)", opt.State, c.owner, c.repo, page), err)
		}
		if room := opt.MaxIssues - len(list); len(items) > room {
			return append(list, items[:room]...), true, nil
		}
		list = append(list, items...)
		if resp.NextPage == 0 {
			return list, false, nil
		}
		if len(list) == opt.MaxIssues {
			return list, true, nil
		}
		page = resp.NextPage
		q.Set("page", strconv.Itoa(page))
	}
}

// getJSON sends a GET to u (relative to the API root) and decodes the
// answer into v.
func (c *Client) getJSON(ctx context.Context, u string, v any) (*gh.Response, error) {
	req, err := c.gh.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	return c.gh.Do(ctx, req, v)
}

// issueObject is an issue as GitHub sends it today: go-github v60's Issue
// and the relation summaries it predates, nil when GitHub sent none.
type issueObject struct {
	gh.Issue
	SubIssuesSummary *struct {
		Total int `json:"total"`
	} `json:"sub_issues_summary"`
	DependenciesSummary *struct {
		BlockedBy      int `json:"blocked_by"` // open blockers only
		TotalBlockedBy int `json:"total_blocked_by"`
	} `json:"issue_dependencies_summary"`
}

func (o *issueObject) issue() issues.Issue {
	is := issues.Issue{
		Number: o.GetNumber(), Title: o.GetTitle(), Body: o.GetBody(), State: issues.State(o.GetState()),
		PullRequest: o.IsPullRequest(), CreatedAt: o.GetCreatedAt().Time, ClosedAt: o.GetClosedAt().Time,
	}
	for _, l := range o.Labels {
		is.Labels = append(is.Labels, l.GetName())
	}
	return is
}

// numbersOf keeps GitHub's order: a parent ranks its sub-issues.
func numbersOf(list []issueObject) []int {
	var out []int
	for i := range list {
		out = append(out, list[i].GetNumber())
	}
	return out
}

func sortedNumbers(list []issueObject) []int {
	out := numbersOf(list)
	slices.Sort(out)
	return out
}

// sameRepo reports whether an issue's repository_url names this client's
// repository (compared by its end, which is the same on github.com and
// GitHub Enterprise Server, and case-insensitively, as GitHub names).
func (c *Client) sameRepo(o *issueObject) bool {
	return strings.HasSuffix(strings.ToLower(o.GetRepositoryURL()), strings.ToLower("/repos/"+c.owner+"/"+c.repo))
}
