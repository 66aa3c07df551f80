package app

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-github/v60/github"

	"github.com/mvcbot/mvc/internal/fakegithub"
)

// labelPayload is a labeled or unlabeled delivery for pull request 3.
func (h *harness) labelPayload(act, label, sender string) []byte {
	var ev github.PullRequestEvent
	json.Unmarshal(h.prPayload(act, 3), &ev)
	ev.Label = &github.Label{Name: github.String(label)}
	ev.Sender = &github.User{Login: github.String(sender), Type: github.String("User")}
	if strings.HasSuffix(sender, "[bot]") {
		ev.Sender.Type = github.String("Bot")
	}
	body, _ := json.Marshal(ev)
	return body
}

// GitHub sends the App the label events its own label writes cause: they
// are skipped, and only they: anyone else's label runs, a size label a
// person sets by hand (which the run puts right) and the exempt label
// above all.
func TestOwnLabelEventsAreSkipped(t *testing.T) {
	h := newHarness(t)
	runs := h.stubRuns(ok)
	tests := []struct {
		name, act, label, sender string
		wantBody                 string
	}{
		{"size label set by mvc", "labeled", "size/XL", testBot, "ignored: label labeled by mvc itself"},
		{"size label removed by mvc", "unlabeled", "size/M", testBot, "ignored: label unlabeled by mvc itself"},
		{"custom size label set by mvc", "labeled", "pr-size:XL", testBot, "ignored: label labeled by mvc itself"},
		{"size label by another bot", "labeled", "size/S", "other[bot]", "queued"},
		{"size label removed by a person", "unlabeled", "size/XL", "octocat", "queued"},
		{"exempt label by a person", "labeled", "mvc/exempt", "octocat", "queued"},
		{"other label by a person", "unlabeled", "bug", "octocat", "queued"},
	}
	queued := 0
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := h.deliver("pull_request", "d-"+string(rune('a'+i)), h.labelPayload(tt.act, tt.label, tt.sender))
			if rec.Code != http.StatusAccepted || !strings.Contains(rec.Body.String(), tt.wantBody) {
				t.Errorf("%d %q, want 202 %q", rec.Code, rec.Body, tt.wantBody)
			}
			if tt.wantBody == "queued" {
				queued++
			}
			h.srv.Wait()
		})
	}
	if n := runs.get(); n != queued {
		t.Errorf("%d runs, want %d", n, queued)
	}
}

// Without the App's login (GitHub unreachable at start), no label event is
// skipped, whatever its name: a redundant run re-posts the same verdict,
// a skipped one could lose it.
func TestLabelEventsRunWithoutTheBotLogin(t *testing.T) {
	h := newHarness(t, func(c *Config) { c.BotLogin = "" })
	runs := h.stubRuns(ok)
	for i, sender := range []string{testBot, "octocat"} {
		rec := h.deliver("pull_request", fmt.Sprint("d-", i), h.labelPayload("labeled", "size/XL", sender))
		if rec.Code != http.StatusAccepted || !strings.Contains(rec.Body.String(), "queued") {
			t.Errorf("size/XL by %s: %d %q, want 202 queued", sender, rec.Code, rec.Body)
		}
		h.srv.Wait()
	}
	if n := runs.get(); n != 2 {
		t.Errorf("%d runs, want 2", n)
	}
}

// A repository whose exempt label looks like a size label of the default
// prefix (its own prefix is another): a person adding it exempts the pull
// request at once.
func TestExemptLabelLikeADefaultSizeLabelIsActedOn(t *testing.T) {
	h := newHarness(t)
	h.addPull(12, 5, 120)
	h.repo.SetFile(fmt.Sprintf("%040x", 0xba5e0000+12), ".github/mvc.yml", "labels: {prefix: \"sz/\", exempt: \"size/S\"}\n")
	h.deliver("pull_request", "d-1", h.prPayload("opened", 12))
	h.waitOrFail()
	if st := h.repo.Statuses(headSHA(12)); len(st) != 1 || st[0].GetState() != "failure" {
		t.Fatalf("statuses before the exempt label = %+v, want one failure\nlogs:\n%s", st, h.logs.String())
	}
	h.repo.AddPull(fakegithub.Pull{Number: 12, BaseSHA: fmt.Sprintf("%040x", 0xba5e0000+12), HeadSHA: headSHA(12),
		Files: []fakegithub.File{{Name: "pkg/big.go", Additions: 600, Patch: patchOf(600)}}, Labels: append(h.repo.IssueLabels(12), "size/S")})
	var ev github.PullRequestEvent
	json.Unmarshal(h.labelPayload("labeled", "size/S", "alice"), &ev)
	ev.Number, ev.PullRequest.Number, ev.PullRequest.Head.SHA = github.Int(12), github.Int(12), github.String(headSHA(12))
	body, _ := json.Marshal(ev)
	if rec := h.deliver("pull_request", "d-2", body); rec.Code != http.StatusAccepted || !strings.Contains(rec.Body.String(), "queued") {
		t.Fatalf("exempt label by a person: %d %q, want 202 queued", rec.Code, rec.Body)
	}
	h.waitOrFail()
	st := h.repo.Statuses(headSHA(12))
	if last := st[len(st)-1]; last.GetState() != "success" || !strings.Contains(strings.ToLower(last.GetDescription()), "exempt") {
		t.Errorf("status after the exempt label = %s %q, want success, exempt\nlogs:\n%s", last.GetState(), last.GetDescription(), h.logs.String())
	}
}
