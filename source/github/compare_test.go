package github

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mvcbot/mvc/analyzer/delivery"
	"github.com/mvcbot/mvc/internal/fakegithub"
)

// TestCompareHistoryForAShallowCheckout builds the graph for three
// deployments from compare calls and checks the metrics it gives.
func TestCompareHistoryForAShallowCheckout(t *testing.T) {
	f := newFixture(t)
	// A line of 151 commits, one an hour from day -20: deployments at
	// commit 0 (day -20, before the window), 30 and 150.
	var nodes []fakegithub.CommitNode
	for i := 0; i <= 150; i++ {
		n := fakegithub.CommitNode{SHA: shaN(i), Authored: day(-20).Add(time.Duration(i) * time.Hour), Committed: day(-20).Add(time.Duration(i) * time.Hour)}
		if i > 0 {
			n.Parents = []string{shaN(i - 1)}
		}
		nodes = append(nodes, n)
	}
	f.repo.AddCommits(nodes...)
	deploys := []delivery.Deployment{
		{SHA: shaN(0), At: day(-20).Add(time.Hour), Ref: "d0"},
		{SHA: shaN(30), At: day(-20).Add(31 * time.Hour), Ref: "d1"},
		{SHA: shaN(150), At: day(-20).Add(151 * time.Hour), Ref: "d2"},
	}
	h, err := f.client.CompareHistory(context.Background(), deploys, day(-19))
	if err != nil {
		t.Fatal(err)
	}
	m := delivery.Compute(h, deploys, delivery.Options{Until: day(0), WindowDays: 19})
	// d1 ships commits 1–30, d2 ships 31–150: 150 commits, each one hour
	// from commit to the next deployment's hour, so lead times are
	// 1..30 h and 1..120 h: the 75th and 76th of 150 are 45 and 46.
	if m.Deploys != 2 || m.LeadTime.N != 150 || *m.LeadTime.Median != 45.5 {
		t.Errorf("deploys %d, lead n %d median %v; want 2, 150, 45.5", m.Deploys, m.LeadTime.N, *m.LeadTime.Median)
	}
	// d0...d1 is one page; d1...d2 (120 commits) two.
	if n := countPaths(f.srv, func(p string) bool { return strings.Contains(p, "/compare/") }); n != 3 {
		t.Errorf("%d compare requests, want 3", n)
	}
}

func TestCompareHistoryStartsAtTheLastDeploymentBeforeTheWindow(t *testing.T) {
	f := newFixture(t)
	f.repo.AddCommits(
		fakegithub.CommitNode{SHA: shaN(1), Committed: day(-40)},
		fakegithub.CommitNode{SHA: shaN(2), Parents: []string{shaN(1)}, Committed: day(-35)},
		fakegithub.CommitNode{SHA: shaN(3), Parents: []string{shaN(2)}, Committed: day(-5)},
	)
	deploys := []delivery.Deployment{{SHA: shaN(1), At: day(-40)}, {SHA: shaN(2), At: day(-35)}, {SHA: shaN(3), At: day(-4)}, {SHA: shaN(3), At: day(-3)}}
	if _, err := f.client.CompareHistory(context.Background(), deploys, day(-30)); err != nil {
		t.Fatal(err)
	}
	// Only 2...3: 1...2 is older than the window's predecessor, and a
	// redeploy of 3 needs no comparison.
	reqs := f.srv.Requests()
	if len(reqs) != 1 || !strings.HasSuffix(reqs[0].Path, "/compare/"+shaN(2)+"..."+shaN(3)) {
		t.Errorf("requests %v", reqs)
	}
}

// TestCompareHistoryReadsReverts: on a shallow clone the compare API's
// commit messages carry the revert lines a local walk would read.
func TestCompareHistoryReadsReverts(t *testing.T) {
	f := newFixture(t)
	at := func(h int) time.Time { return day(-5).Add(time.Duration(h) * time.Hour) }
	f.repo.AddCommits(
		fakegithub.CommitNode{SHA: shaN(0), Authored: at(0), Committed: at(0)},
		fakegithub.CommitNode{SHA: shaN(1), Parents: []string{shaN(0)}, Authored: at(1), Committed: at(1), Message: "Add search"},
		fakegithub.CommitNode{SHA: shaN(2), Parents: []string{shaN(1)}, Authored: at(3), Committed: at(3),
			Message: "Revert \"Add search\"\n\nThis reverts commit " + shaN(1) + "."},
	)
	deploys := []delivery.Deployment{{SHA: shaN(0), At: at(0), Ref: "d0"}, {SHA: shaN(1), At: at(2), Ref: "d1"}, {SHA: shaN(2), At: at(4), Ref: "d2"}}
	h, err := f.client.CompareHistory(context.Background(), deploys, day(-6))
	if err != nil {
		t.Fatal(err)
	}
	m := delivery.Compute(h, deploys, delivery.Options{Until: day(0), WindowDays: 6})
	if len(m.Failures) != 1 || m.Failures[0].Ref != "d1" || m.Failures[0].Signal != delivery.SignalRevert || !h.MessagesRead() {
		t.Errorf("failures %+v, want d1 reverted by d2", m.Failures)
	}
}
