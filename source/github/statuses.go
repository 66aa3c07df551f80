package github

import (
	"context"
	"fmt"
	"unicode/utf8"

	gh "github.com/google/go-github/v60/github"
)

// Commit status states, as GitHub names them.
const (
	StatusSuccess = "success"
	StatusFailure = "failure"
	StatusError   = "error"
	StatusPending = "pending"
)

// maxStatusDescription is the longest description GitHub accepts on a
// commit status.
const maxStatusDescription = 140

// CommitStatus is one check on a commit, as branch protection reads it.
type CommitStatus struct {
	Context     string // the check's name: "mvc/size"
	State       string // StatusSuccess, StatusFailure, ...
	Description string // one line; longer ones are cut at 140 characters
	TargetURL   string // optional link
}

// SetCommitStatus sets the status named s.Context on the commit sha,
// replacing the one set before under that name. When the commit's latest
// status under that name already says the same (a redelivery, a rerun),
// nothing is posted: each post adds a row to the commit's status history
// and notifies integrations. Setting the same status twice is harmless,
// so the request is retried like a read.
func (c *Client) SetCommitStatus(ctx context.Context, sha string, s CommitStatus) error {
	s.Description = cutDescription(s.Description)
	if c.hasStatus(ctx, sha, s) {
		c.log.Debug(fmt.Sprintf("the %s status of %s already says %s %q: not set again", s.Context, shortRef(sha), s.State, s.Description))
		return nil
	}
	st := &gh.RepoStatus{State: &s.State, Description: &s.Description, Context: &s.Context}
	if s.TargetURL != "" {
		st.TargetURL = &s.TargetURL
	}
	if _, _, err := c.gh.Repositories.CreateStatus(idempotent(ctx), c.owner, c.repo, sha, st); err != nil {
		return apiError(fmt.Sprintf("set the %s status of %s", s.Context, shortRef(sha)), err)
	}
	return nil
}

// cutDescription cuts a description to what GitHub accepts.
func cutDescription(desc string) string {
	if utf8.RuneCountInString(desc) <= maxStatusDescription {
		return desc
	}
	return string([]rune(desc)[:maxStatusDescription-1]) + "…"
}

// hasStatus reports whether s is already the latest status under its
// context on sha, by one read of the combined status, which lists each
// context's latest (the first 100 contexts: a commit with more may get a
// repeat). The read is an extra: it is sent once, and when it fails the
// answer is no, so a status is never lost to the check.
func (c *Client) hasStatus(ctx context.Context, sha string, s CommitStatus) bool {
	combined, _, err := c.gh.Repositories.GetCombinedStatus(singleShot(ctx), c.owner, c.repo, sha, &gh.ListOptions{PerPage: 100})
	if err != nil {
		c.log.Debug(fmt.Sprintf("read the statuses of %s: %v; setting %s regardless", shortRef(sha), unwrapOwn(err), s.Context))
		return false
	}
	for _, got := range combined.Statuses {
		if got.GetContext() == s.Context {
			return got.GetState() == s.State && got.GetDescription() == s.Description && got.GetTargetURL() == s.TargetURL
		}
	}
	return false
}
