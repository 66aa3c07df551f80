package app

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-github/v60/github"

	"github.com/mvcbot/mvc/internal/fakegithub"
)

const staleHead = "0000000000000000000000000000000000000a1d"

// serveStaleHead makes the next n reads of pull request num answer with
// the previous head, as GitHub's API does for a moment after a push.
func (h *harness) serveStaleHead(num, n int) {
	body, _ := json.Marshal(github.PullRequest{
		Number: github.Int(num), State: github.String("open"), Title: github.String("stale"),
		User: &github.User{Login: github.String("octocat")},
		Base: &github.PullRequestBranch{Ref: github.String("main"), SHA: github.String(fmt.Sprintf("%040x", 0xba5e0000+num))},
		Head: &github.PullRequestBranch{Ref: github.String("feature"), SHA: github.String(staleHead)},
	})
	for range n {
		h.gh.FailNext("GET", fmt.Sprintf("/repos/octo/app/pulls/%d", num), http.StatusOK, nil, string(body))
	}
}

// The API lags the push for a moment: the run waits and reads again, then
// measures the delivery's head and sets the status there.
func TestStaleHeadIsReadAgain(t *testing.T) {
	h := newHarness(t)
	h.addPull(8, 1, 10)
	h.serveStaleHead(8, 1)
	h.deliver("pull_request", "d-1", h.prPayload("synchronize", 8))
	h.srv.Wait()
	if st := h.repo.Statuses(headSHA(8)); len(st) != 1 || st[0].GetState() != "success" {
		t.Errorf("statuses on the delivery's head = %+v, want one success\nlogs:\n%s", st, h.logs.String())
	}
	if st := h.repo.Statuses(staleHead); len(st) != 0 {
		t.Errorf("status set on the stale head: %+v", st)
	}
	if !slices.Contains(h.clock.Waits(), 2*time.Second) {
		t.Errorf("waits = %v, want a 2s wait before reading again", h.clock.Waits())
	}
	if logs := h.logs.String(); !strings.Contains(logs, "head="+headSHA(8)) {
		t.Errorf("the outcome line does not name the measured head:\n%s", logs)
	}
}

// When the API still serves another head after a few reads, nothing is
// measured or posted, and the log says why.
func TestHeadThatStaysStaleIsNotMeasured(t *testing.T) {
	h := newHarness(t)
	h.addPull(8, 5, 120)
	h.serveStaleHead(8, 4)
	h.deliver("pull_request", "d-1", h.prPayload("synchronize", 8))
	h.srv.Wait()
	for _, sha := range []string{headSHA(8), staleHead} {
		if st := h.repo.Statuses(sha); len(st) != 0 {
			t.Errorf("statuses on %s = %+v, want none", sha, st)
		}
	}
	if n := len(h.repo.Comments(8)); n != 0 {
		t.Errorf("%d comments, want none", n)
	}
	logs := h.logs.String()
	if !strings.Contains(logs, "GitHub's API shows head 0000000 of pull request #8, not 0000000 as the event does: nothing measured") ||
		!strings.Contains(logs, "nothing measured (see the notice above)") {
		t.Errorf("the log does not say why nothing was measured:\n%s", logs)
	}
}

// A push while the files are listed: the files may be the new head's,
// so no status is set on the head read first.
func TestHeadMovedDuringTheRunPostsNothing(t *testing.T) {
	var h *harness
	pushed := false
	h = newHarness(t, func(c *Config) {
		c.HTTPClient = &http.Client{Transport: onRequest{next: c.HTTPClient.Transport, path: "/pulls/8/files", do: func() {
			if !pushed {
				pushed = true
				h.repo.AddPull(fakegithub.Pull{Number: 8, BaseSHA: fmt.Sprintf("%040x", 0xba5e0008), HeadSHA: staleHead,
					Files: []fakegithub.File{{Name: "big.go", Additions: 900, Patch: patchOf(900)}}})
			}
		}}}
	})
	h.addPull(8, 1, 10)
	h.deliver("pull_request", "d-1", h.prPayload("synchronize", 8))
	h.srv.Wait()
	for _, sha := range []string{headSHA(8), staleHead} {
		if st := h.repo.Statuses(sha); len(st) != 0 {
			t.Errorf("statuses on %s = %+v, want none", sha, st)
		}
	}
	if logs := h.logs.String(); !strings.Contains(logs, "moved from head") {
		t.Errorf("the log does not say the head moved:\n%s", logs)
	}
}

// onRequest calls do before each request whose path ends in path.
type onRequest struct {
	next http.RoundTripper
	path string
	do   func()
}

func (o onRequest) RoundTrip(req *http.Request) (*http.Response, error) {
	if strings.HasSuffix(req.URL.Path, o.path) {
		o.do()
	}
	return o.next.RoundTrip(req)
}
