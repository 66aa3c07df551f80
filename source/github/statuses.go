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
// replacing the one set before under that name. Setting the same status
// twice is harmless, so the request is retried like a read.
func (c *Client) SetCommitStatus(ctx context.Context, sha string, s CommitStatus) error {
	desc := s.Description
	if utf8.RuneCountInString(desc) > maxStatusDescription {
		desc = string([]rune(desc)[:maxStatusDescription-1]) + "…"
	}
	st := &gh.RepoStatus{State: &s.State, Description: &desc, Context: &s.Context}
	if s.TargetURL != "" {
		st.TargetURL = &s.TargetURL
	}
	if _, _, err := c.gh.Repositories.CreateStatus(idempotent(ctx), c.owner, c.repo, sha, st); err != nil {
		return apiError(fmt.Sprintf("set the %s status of %s", s.Context, shortRef(sha)), err)
	}
	return nil
}
