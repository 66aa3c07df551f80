package gitrepo

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/mvcbot/mvc/analyzer/delivery"
	"github.com/mvcbot/mvc/internal/gittest"
)

func TestHistoryReadsTheGraphWithBothDates(t *testing.T) {
	g := gittest.New(t)
	tokyo := time.FixedZone("JST", 9*3600)
	authored := time.Date(2024, 2, 1, 18, 0, 0, 0, tokyo) // 09:00 UTC
	committed := time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)
	g.Write("a", "1")
	root := g.CommitAt("root", authored, authored)
	g.Git("checkout", "-q", "-b", "feature")
	g.Write("b", "1")
	side := g.CommitAt("rebased", authored, committed)
	g.Git("checkout", "-q", "main")
	g.Write("c", "1")
	main := g.CommitAt("main work", committed, committed)
	g.Git("merge", "-q", "--no-ff", "-m", "merge", "feature")
	merge := g.Git("rev-parse", "HEAD")

	h, err := openRepo(t, g).History(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if h.Len() != 4 {
		t.Fatalf("history has %d commits, want 4", h.Len())
	}
	c, _ := h.Commit(side)
	want := delivery.Commit{SHA: side, Parents: []string{root}, Author: authored.UTC(), Committed: committed, CommitterEmail: "committer@example.com"}
	if diff := cmp.Diff(want, c); diff != "" {
		t.Errorf("rebased commit (-want +got):\n%s", diff)
	}
	if m, _ := h.Commit(merge); !m.IsMerge() || m.Parents[0] != main || m.Parents[1] != side {
		t.Errorf("merge parents %v, want [%s %s]", m.Parents, main, side)
	}
}

func TestHistoryWalksExtraTipsAndIgnoresUnknownOnes(t *testing.T) {
	g := gittest.New(t)
	g.Write("a", "1")
	g.Commit("one")
	g.Write("a", "2")
	dangling := g.Commit("two, soon unreferenced")
	g.Git("reset", "-q", "--hard", "HEAD~1")
	r := openRepo(t, g)

	h, err := r.History(context.Background())
	if err != nil || h.Len() != 1 {
		t.Fatalf("history without extra tips: %d commits, %v; want 1", h.Len(), err)
	}
	h, err = r.History(context.Background(), dangling, "0123456789abcdef0123456789abcdef01234567")
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := h.Commit(dangling); !ok || h.Len() != 2 {
		t.Errorf("extra tip not walked: %d commits", h.Len())
	}
}

func TestHistoryOfAnEmptyRepository(t *testing.T) {
	h, err := openRepo(t, gittest.New(t)).History(context.Background())
	if err != nil || h.Len() != 0 {
		t.Fatalf("empty repository: %d commits, %v", h.Len(), err)
	}
}

func TestParseCommitLineRejectsGarbage(t *testing.T) {
	for _, line := range []string{"", "abc", "a\x1f\x1fx\x1f1\x1fe\x1fmsg", "a\x1fb\x1f1\x1fe", "a\x1fb\x1f1\x1f2\x1fe"} {
		if _, err := parseCommitLine(line); err == nil {
			t.Errorf("parseCommitLine(%q): no error", line)
		}
	}
}

func TestPathCommits(t *testing.T) {
	g := gittest.New(t)
	g.Write("services/api/main.go", "1")
	api := g.Commit("api")
	g.Write("services/web/index.html", "1")
	g.Commit("web")
	g.Write("services/api/main.go", "2")
	g.Write("services/web/index.html", "2")
	both := g.Commit("both")
	got, err := openRepo(t, g).PathCommits(context.Background(), []string{"services/api"})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(map[string]bool{api: true, both: true}, got); diff != "" {
		t.Errorf("PathCommits (-want +got):\n%s", diff)
	}
}
