package gitrepo

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/mvcbot/mvc/internal/gittest"
)

// TestHistoryReadsFailureSignalsInTheSameWalk: revert lines and hotfix
// branch merges come from the one git log walk, so local reports see
// reverts without a token.
func TestHistoryReadsFailureSignalsInTheSameWalk(t *testing.T) {
	g := gittest.New(t)
	g.Write("a", "1")
	g.Commit("root")
	g.Write("b", "1")
	bad := g.Commit("add b")
	g.Git("revert", "--no-edit", bad)
	revert := g.Git("rev-parse", "HEAD")
	g.Git("checkout", "-q", "-b", "hotfix/db")
	g.Write("c", "1")
	g.Commit("fix the database\n\nmessage with\x1fodd bytes")
	g.Git("checkout", "-q", "main")
	g.Git("merge", "-q", "--no-ff", "--no-edit", "hotfix/db")
	merge := g.Git("rev-parse", "HEAD")

	h, err := openRepo(t, g).History(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !h.MessagesRead() || h.Len() != 5 {
		t.Fatalf("messages read %v, %d commits; want true, 5", h.MessagesRead(), h.Len())
	}
	r, _ := h.Commit(revert)
	if diff := cmp.Diff([]string{bad}, r.Reverts); diff != "" {
		t.Errorf("revert commit's reverts (-want +got):\n%s", diff)
	}
	m, _ := h.Commit(merge)
	if m.MergedBranch != "hotfix/db" {
		t.Errorf("merge commit's branch %q, want hotfix/db", m.MergedBranch)
	}
	if b, _ := h.Commit(bad); len(b.Reverts) != 0 || b.MergedBranch != "" {
		t.Errorf("an ordinary commit carries no signal: %+v", b)
	}
}
