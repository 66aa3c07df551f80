package github

import (
	"context"
	"strings"
	"testing"

	"github.com/mvcbot/mvc/analyzer/size"
	"github.com/mvcbot/mvc/internal/fakegithub"
)

func TestDeliverySignals(t *testing.T) {
	f := newFixture(t)
	for n, title := range map[int]string{1: "Add search", 2: `Revert "Add search"`, 3: "Fix login"} {
		p := fakegithub.MergedPull{Number: n, Title: title, MergeSHA: strings.Repeat(string(rune('0'+n)), 40), Merged: flowAt(10 * n), Created: flowAt(10*n - 5),
			Files: []fakegithub.File{{Name: "x.go", Additions: 5}}}
		if n == 2 {
			p.Body = "Reverts octo/hello#1"
		}
		if n == 3 {
			p.HeadRef = "hotfix/login"
		}
		f.repo.AddMergedPull(p)
	}
	f.repo.AddIncident(fakegithub.Incident{Number: 9, Title: "Login down after #3", Labels: []string{"incident"}, Opened: flowAt(40)})
	shipped := func(shas []string) map[string]bool { return map[string]bool{shas[0]: true, shas[1]: true} }
	sig, warnings := f.client.DeliverySignals(context.Background(), SignalOptions{Lookback: flowAt(0), WindowStart: flowAt(0),
		Shipped: shipped, MaxLookups: 1, Policy: size.DefaultPolicy()})
	if !sig.PullRequestsRead || !sig.IncidentsRead || len(sig.Pulls) != 3 || len(sig.Incidents) != 1 {
		t.Fatalf("signals %+v", sig)
	}
	if got := sig.Reverts[strings.Repeat("2", 40)]; len(got) != 1 || got[0] != strings.Repeat("1", 40) {
		t.Errorf("revert of #1 resolved to %v", got)
	}
	if !sig.Hotfixes[strings.Repeat("3", 40)] || sig.Incidents[0].SHAs[0] != strings.Repeat("3", 40) {
		t.Errorf("hotfix %v, incident references %v", sig.Hotfixes, sig.Incidents[0].SHAs)
	}
	// Two shipped, budget one: the newest (#3) is detailed, and it is said.
	if !sig.Pulls[0].Detailed || sig.Pulls[1].Detailed || len(warnings) != 1 || !strings.Contains(warnings[0].Error(), "looked up 1 of the window's 2") {
		t.Errorf("detailed %v %v, warnings %v", sig.Pulls[0].Detailed, sig.Pulls[1].Detailed, warnings)
	}

	f.srv.FailNext("GET", "/repos/octo/hello/issues", 403, nil, "")
	sig, warnings = f.client.DeliverySignals(context.Background(), SignalOptions{Lookback: flowAt(0), WindowStart: flowAt(0)})
	if sig.IncidentsRead || !sig.PullRequestsRead || len(warnings) != 1 || !strings.Contains(warnings[0].Error(), "incidents not read") {
		t.Errorf("a refused incident list: read %v, warnings %v", sig.IncidentsRead, warnings)
	}
}
