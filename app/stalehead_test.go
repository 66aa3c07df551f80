package app

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-github/v60/github"

	"github.com/mvcbot/mvc/action"
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

// When the API still serves an older head after a few reads, the event's
// head has no other delivery to measure it: the run fails at WARN telling
// the operator to redeliver, and a redelivery, once GitHub has caught up,
// runs and measures it.
func TestHeadThatStaysStaleIsRedelivered(t *testing.T) {
	h := newHarness(t)
	h.addPull(8, 5, 120)
	h.serveStaleHead(8, 4)
	payload := h.prPayloadAt("synchronize", 8, headSHA(8), fakegithub.DefaultNow)
	h.deliver("pull_request", "d-1", payload)
	h.waitOrFail()
	for _, sha := range []string{headSHA(8), staleHead} {
		if st := h.repo.Statuses(sha); len(st) != 0 {
			t.Errorf("statuses on %s = %+v, want none", sha, st)
		}
	}
	if n := len(h.repo.Comments(8)); n != 0 {
		t.Errorf("%d comments, want none", n)
	}
	logs := h.logs.String()
	if !strings.Contains(logs, "GitHub's API still shows head 0000000 of pull request #8, not 0000000 as the event does, after 4 reads 2s apart: nothing measured") ||
		!regexp.MustCompile(`level=WARN msg="pull request not measured: GitHub's API does not show the delivery's head yet; redeliver it`).MatchString(logs) {
		t.Errorf("the log does not say to redeliver at WARN:\n%s", logs)
	}
	if strings.Contains(logs, "level=ERROR") {
		t.Errorf("an API lag is logged at ERROR:\n%s", logs)
	}
	if rec := h.deliver("pull_request", "d-1", payload); rec.Code != http.StatusAccepted {
		t.Fatalf("redelivery: %d %q, want 202 queued", rec.Code, rec.Body)
	}
	h.waitOrFail()
	if st := h.repo.Statuses(headSHA(8)); len(st) != 1 || st[0].GetState() != "failure" {
		t.Errorf("statuses after the redelivery = %+v, want one failure\nlogs:\n%s", st, h.logs.String())
	}
}

// A delivery older than the API's view of the pull request (it arrived
// late, or was redelivered by hand after a push) measures the current head
// and sets the status there, never on the head it names.
func TestLateDeliveryMeasuresTheCurrentHead(t *testing.T) {
	h := newHarness(t)
	h.addPull(8, 1, 10)
	// Both reads of the run (before and after measuring) show the current
	// head, updated after the delivery's payload was.
	h.servePull(8, headSHA(8), fakegithub.DefaultNow, 2)
	h.deliver("pull_request", "d-1", h.prPayloadAt("labeled", 8, staleHead, fakegithub.DefaultNow.Add(-time.Minute)))
	h.waitOrFail()
	if st := h.repo.Statuses(headSHA(8)); len(st) != 1 || st[0].GetState() != "success" {
		t.Errorf("statuses on the current head = %+v, want one success\nlogs:\n%s", st, h.logs.String())
	}
	if st := h.repo.Statuses(staleHead); len(st) != 0 {
		t.Errorf("status set on the delivery's older head: %+v", st)
	}
	logs := h.logs.String()
	if !strings.Contains(logs, "the event names head 0000000 of pull request #8, which has moved on to 0000000 since: measuring") ||
		!strings.Contains(logs, "head="+headSHA(8)) {
		t.Errorf("the log does not say which head was measured:\n%s", logs)
	}
	if n := len(h.clock.Waits()); n != 0 {
		t.Errorf("waited %v for a head the API already shows newer", h.clock.Waits())
	}
}

// A late delivery naming an older head, arriving while the newer head's
// delivery waits, does not displace it: the run has the newer event, and
// stands for both deliveries.
func TestOlderDeliveryDoesNotDisplaceTheWaitingNewerOne(t *testing.T) {
	h := newHarness(t)
	started, release := make(chan struct{}), make(chan struct{})
	var mu sync.Mutex
	var heads []string
	h.stubRuns(func(ctx context.Context, env action.Env) int {
		data, _ := os.ReadFile(env.Getenv("GITHUB_EVENT_PATH"))
		var ev github.PullRequestEvent
		json.Unmarshal(data, &ev)
		mu.Lock()
		heads = append(heads, ev.GetPullRequest().GetHead().GetSHA())
		first := len(heads) == 1
		mu.Unlock()
		if first {
			close(started)
			<-release
		}
		return action.ExitFailure
	})
	t0 := fakegithub.DefaultNow
	h.deliver("pull_request", "d-1", h.prPayloadAt("opened", 8, staleHead, t0))
	<-started
	h.deliver("pull_request", "d-2", h.prPayloadAt("synchronize", 8, headSHA(8), t0.Add(2*time.Second)))
	rec := h.deliver("pull_request", "d-3", h.prPayloadAt("labeled", 8, staleHead, t0.Add(time.Second)))
	if !strings.Contains(h.logs.String(), "joined_waiting_run=true") || rec.Code != http.StatusAccepted {
		t.Fatalf("the late delivery did not join the waiting run: %d %q", rec.Code, rec.Body)
	}
	close(release)
	h.waitOrFail()
	if len(heads) != 2 || heads[1] != headSHA(8) {
		t.Errorf("runs saw heads %v, want the older then the newer (%s)", heads, headSHA(8))
	}
	// The run failed: every delivery it stood for can be redelivered.
	for _, id := range []string{"d-2", "d-3"} {
		if rec := h.deliver("pull_request", id, h.prPayloadAt("labeled", 8, headSHA(8), t0.Add(3*time.Second))); strings.Contains(rec.Body.String(), "duplicate") {
			t.Errorf("redelivery of %s after the failed run: %q", id, rec.Body)
		}
		h.waitOrFail()
	}
}

// prPayloadAt is a pull_request delivery for pull request n whose payload
// names head and was updated at updated.
func (h *harness) prPayloadAt(act string, n int, head string, updated time.Time) []byte {
	var ev github.PullRequestEvent
	json.Unmarshal(h.prPayload(act, n), &ev)
	ev.PullRequest.Head.SHA = github.String(head)
	ev.PullRequest.UpdatedAt = &github.Timestamp{Time: updated}
	body, _ := json.Marshal(ev)
	return body
}

// servePull makes the next n reads of pull request num answer with head,
// updated at updated, and totals of the pull request addPull(num, 1, 10)
// seeds.
func (h *harness) servePull(num int, head string, updated time.Time, n int) {
	body, _ := json.Marshal(github.PullRequest{
		Number: github.Int(num), State: github.String("open"), Title: github.String("current"),
		User:      &github.User{Login: github.String("octocat")},
		Base:      &github.PullRequestBranch{Ref: github.String("main"), SHA: github.String(fmt.Sprintf("%040x", 0xba5e0000+num))},
		Head:      &github.PullRequestBranch{Ref: github.String("feature"), SHA: github.String(head)},
		Additions: github.Int(10), ChangedFiles: github.Int(1), UpdatedAt: &github.Timestamp{Time: updated},
	})
	for range n {
		h.gh.FailNext("GET", fmt.Sprintf("/repos/octo/app/pulls/%d", num), http.StatusOK, nil, string(body))
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
