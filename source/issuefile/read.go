// Package issuefile reads issues exported to a JSON file, so `mvc issues
// --from FILE` works with no token and no network: the output of
//
//	gh issue list --state all --limit 1000 --json number,title,body,state,labels,createdAt,closedAt
//
// and of
//
//	gh pr list --state all --limit 1000 --json number,title,body,state,createdAt,closedAt,url,mergedAt,isDraft,headRefName
//
// (a pull request is told from an issue by any of url, mergedAt, isDraft,
// headRefName or the MERGED state), or a page of the REST API's issues
// list saved as it came. Two optional keys of mvc's own, "sub_issues" and
// "blocked_by" (lists of issue numbers), carry the edges GitHub keeps
// outside bodies, which neither export includes.
package issuefile

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/mvcbot/mvc/analyzer/issues"
)

// maxFileBytes bounds what Read accepts: a 100,000-issue export is about
// 100 MB; anything larger is not an issue list.
const maxFileBytes = 256 << 20

// entry is one exported issue in either spelling: gh's camelCase or the
// REST API's snake_case.
type entry struct {
	Number      *int            `json:"number"`
	Title       string          `json:"title"`
	Body        string          `json:"body"`
	State       string          `json:"state"`
	Labels      []label         `json:"labels"`
	CreatedAt   string          `json:"createdAt"`
	CreatedAt2  string          `json:"created_at"`
	ClosedAt    string          `json:"closedAt"`
	ClosedAt2   string          `json:"closed_at"`
	PullRequest json.RawMessage `json:"pull_request"` // REST: present on pull requests
	HeadRefName *string         `json:"headRefName"`  // gh pr list
	MergedAt    *string         `json:"mergedAt"`     // gh pr list
	IsDraft     *bool           `json:"isDraft"`      // gh pr list
	URL         string          `json:"url"`          // gh: https://github.com/o/r/pull/3; REST: the API's
	HTMLURL     string          `json:"html_url"`     // REST: https://github.com/o/r/pull/3
	SubIssues   []int           `json:"sub_issues"`
	BlockedBy   []int           `json:"blocked_by"`
}

// label is a label object ({"name": "bug", ...}) or a bare name.
type label string

func (l *label) UnmarshalJSON(b []byte) error {
	var name string
	if err := json.Unmarshal(b, &name); err == nil {
		*l = label(name)
		return nil
	}
	var obj struct {
		Name string `json:"name"`
	}
	if err := json.Unmarshal(b, &obj); err != nil {
		return fmt.Errorf("a label is a name or an object with a name")
	}
	*l = label(obj.Name)
	return nil
}

// Read decodes one exported issue list. name labels errors ("issues.json").
func Read(r io.Reader, name string) ([]issues.Issue, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if len(data) > maxFileBytes {
		return nil, fmt.Errorf("%s is larger than %d MB: export fewer issues (gh issue list --limit)", name, maxFileBytes>>20)
	}
	if t := bytes.TrimSpace(data); len(t) == 0 || t[0] != '[' {
		return nil, fmt.Errorf("%s: want a JSON array of issues, as `gh issue list --json number,title,body,state,labels` writes", name)
	}
	var entries []entry
	if err := json.Unmarshal(data, &entries); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	out := make([]issues.Issue, 0, len(entries))
	for i, e := range entries {
		is, err := e.issue()
		if err != nil {
			return nil, fmt.Errorf("%s: entry %d: %w", name, i+1, err)
		}
		out = append(out, is)
	}
	return out, nil
}

func (e entry) issue() (issues.Issue, error) {
	if e.Number == nil || *e.Number <= 0 {
		return issues.Issue{}, fmt.Errorf("no issue number: export with --json number,title,body,state")
	}
	is := issues.Issue{
		Number:      *e.Number,
		Title:       e.Title,
		Body:        e.Body,
		PullRequest: e.isPullRequest(),
		SubIssues:   e.SubIssues,
		BlockedBy:   e.BlockedBy,
	}
	switch strings.ToLower(e.State) {
	case "open", "":
		is.State = issues.Open
	case "closed", "merged":
		is.State = issues.Closed
	default:
		return issues.Issue{}, fmt.Errorf("issue #%d: state %q is neither open nor closed", is.Number, e.State)
	}
	for _, l := range e.Labels {
		is.Labels = append(is.Labels, string(l))
	}
	var err error
	if is.CreatedAt, err = timeOf(e.CreatedAt, e.CreatedAt2); err != nil {
		return issues.Issue{}, fmt.Errorf("issue #%d: created: %w", is.Number, err)
	}
	if is.ClosedAt, err = timeOf(e.ClosedAt, e.ClosedAt2); err != nil {
		return issues.Issue{}, fmt.Errorf("issue #%d: closed: %w", is.Number, err)
	}
	return is, nil
}

// isPullRequest tells a pull request by any mark an export may carry: the
// REST API's pull_request key, a field only `gh pr list` has, gh's MERGED
// state, or an address of a pull request. `gh pr list --json
// number,title,body,state,createdAt,closedAt` has only the last two (and
// an open pull request only its url, when asked for), and read as issues
// its pull requests would count as planned work and lose their closing
// references.
func (e entry) isPullRequest() bool {
	switch {
	case len(e.PullRequest) > 0 && string(e.PullRequest) != "null",
		e.HeadRefName != nil, e.MergedAt != nil, e.IsDraft != nil,
		strings.EqualFold(e.State, "merged"):
		return true
	}
	return isPullURL(e.URL) || isPullURL(e.HTMLURL)
}

// isPullURL reports whether u is a pull request's address: a path segment
// "pull" (github.com) or "pulls" (the REST API) followed by its number.
func isPullURL(u string) bool {
	parts := strings.Split(strings.TrimRight(u, "/"), "/")
	n := len(parts)
	return n >= 2 && (parts[n-2] == "pull" || parts[n-2] == "pulls") && isNumber(parts[n-1])
}

func isNumber(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// timeOf parses whichever spelling is set; both empty (or gh's zero time
// for an open issue) is the zero time.
func timeOf(a, b string) (time.Time, error) {
	s := a
	if s == "" {
		s = b
	}
	if s == "" || strings.HasPrefix(s, "0001-01-01") {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is not an RFC 3339 time", s)
	}
	return t, nil
}
