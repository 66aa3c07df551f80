package app

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-github/v60/github"
)

func (h *harness) mintedTokens() int {
	n := 0
	for _, r := range h.gh.Requests() {
		if r.Method == http.MethodPost && strings.HasSuffix(r.Path, "/access_tokens") {
			n++
		}
	}
	return n
}

// A token GitHub revoked while cached (401 Bad credentials) costs one
// more token, not an hour of failed runs.
func TestRevokedTokenIsReplaced(t *testing.T) {
	h := newHarness(t)
	h.addPull(8, 1, 10)
	h.addPull(9, 1, 10)
	h.deliver("pull_request", "d-1", h.prPayload("opened", 8))
	h.srv.Wait()
	h.gh.FailNext("GET", "/repos/octo/app/pulls/9", http.StatusUnauthorized, nil, `{"message":"Bad credentials"}`)
	h.deliver("pull_request", "d-2", h.prPayload("opened", 9))
	h.srv.Wait()
	if got := h.repo.IssueLabels(9); !slices.Equal(got, []string{"size/S"}) {
		t.Errorf("labels = %v after a revoked token, want [size/S]\nlogs:\n%s", got, h.logs.String())
	}
	if n := h.mintedTokens(); n != 2 {
		t.Errorf("%d tokens minted, want 2", n)
	}
}

// An installation event that may revoke or change the installation's
// token drops the cached one; other installation events do not.
func TestInstallationEventForgetsTheToken(t *testing.T) {
	h := newHarness(t)
	h.addPull(8, 1, 10)
	run := func(delivery string) {
		h.deliver("pull_request", delivery, h.prPayload("synchronize", 8))
		h.srv.Wait()
	}
	installation := func(delivery, action string) {
		body, _ := json.Marshal(github.InstallationEvent{Action: github.String(action), Installation: &github.Installation{ID: github.Int64(h.installation)}})
		if rec := h.deliver("installation", delivery, body); rec.Code != http.StatusAccepted {
			t.Errorf("installation %s: %d %s", action, rec.Code, rec.Body)
		}
	}
	run("d-1")
	installation("i-1", "created")
	run("d-2")
	if n := h.mintedTokens(); n != 1 {
		t.Errorf("%d tokens minted after installation created, want 1", n)
	}
	installation("i-2", "unsuspend")
	run("d-3")
	if n := h.mintedTokens(); n != 2 {
		t.Errorf("%d tokens minted after unsuspend, want 2", n)
	}
	if !strings.Contains(h.logs.String(), "installation token forgotten") {
		t.Errorf("no log line for the forgotten token:\n%s", h.logs.String())
	}
}
