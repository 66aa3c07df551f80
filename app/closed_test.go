package app

import (
	"fmt"
	"strings"
	"testing"

	"github.com/mvcbot/mvc/internal/fakegithub"
)

// A pull request closed while its delivery waited (the payload says
// open, GitHub now says closed) gets no comment, label or status.
func TestRunStopsOnAClosedPullRequest(t *testing.T) {
	h := newHarness(t)
	base := fmt.Sprintf("%040x", 0xba5e0008)
	h.repo.SetFile(base, "README.md", "hello\n")
	// Too large: a run that measured it would comment.
	h.repo.AddPull(fakegithub.Pull{Number: 8, State: "closed", BaseSHA: base, HeadSHA: headSHA(8),
		Files: []fakegithub.File{{Name: "big.go", Additions: 900, Patch: patchOf(900)}}})
	h.deliver("pull_request", "d-1", h.prPayload("labeled", 8))
	h.srv.Wait()
	if n := len(h.repo.Comments(8)); n != 0 {
		t.Errorf("%d comments on a closed pull request", n)
	}
	if got := h.repo.IssueLabels(8); len(got) != 0 {
		t.Errorf("labels %v on a closed pull request", got)
	}
	if st := h.repo.Statuses(headSHA(8)); len(st) != 0 {
		t.Errorf("statuses %+v on a closed pull request", st)
	}
	logs := h.logs.String()
	if !strings.Contains(logs, "pull request #8 is closed: nothing to measure") || !strings.Contains(logs, "nothing measured") || strings.Contains(logs, "verdict=") {
		t.Errorf("the log does not say the closed pull request was left alone:\n%s", logs)
	}
}
