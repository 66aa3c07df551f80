package app

import (
	"net/http"
	"strings"
	"testing"

	"github.com/mvcbot/mvc/internal/fakegithub"
)

// A second delivery that finds the pull request as the first left it
// (here it is reopened) posts no second status: the commit's mvc/size
// status already says the same. A changed verdict description does post.
func TestUnchangedStatusIsNotPostedAgain(t *testing.T) {
	h := newHarness(t)
	h.addPull(8, 1, 10)
	posts := func() int {
		return h.gh.Count(func(r fakegithub.Request) bool {
			return r.Method == http.MethodPost && strings.HasPrefix(r.Path, "/repos/octo/app/statuses/")
		})
	}
	h.deliver("pull_request", "d-1", h.prPayload("opened", 8))
	h.waitOrFail()
	h.deliver("pull_request", "d-2", h.prPayload("reopened", 8))
	h.waitOrFail()
	if st := h.repo.Statuses(headSHA(8)); len(st) != 1 || posts() != 1 {
		t.Fatalf("statuses = %+v after %d posts, want one: the second delivery changed nothing\nlogs:\n%s", st, posts(), h.logs.String())
	}

	h.addPull(8, 1, 20) // the same head, measured anew: the description changes
	h.deliver("pull_request", "d-3", h.prPayload("synchronize", 8))
	h.waitOrFail()
	st := h.repo.Statuses(headSHA(8))
	if len(st) != 2 || st[0].GetDescription() == st[1].GetDescription() {
		t.Errorf("statuses = %+v, want a second one with the new description\nlogs:\n%s", st, h.logs.String())
	}
}
