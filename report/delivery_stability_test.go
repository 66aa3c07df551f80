package report

import (
	"fmt"
	"testing"

	"github.com/mvcbot/mvc/analyzer/delivery"
)

// failingHistory: a line of commits over three ISO weeks with a revert
// (v1.1.0 reverted by v1.2.0's commit) and a rollback (v1.3.0 → v1.3.1).
func failingHistory() (*delivery.History, []delivery.Deployment) {
	var commits []delivery.Commit
	parent := []string(nil)
	for i, h := range []float64{-300, 5, 30, 60, 200, 220, 380} {
		commits = append(commits, delivery.Commit{SHA: failingSHA(i), Parents: parent, Author: at(h - 6), Committed: at(h)})
		parent = []string{failingSHA(i)}
	}
	commits[3].Reverts = []string{commits[2].SHA}
	h := delivery.NewHistory(commits)
	h.SetMessagesRead()
	return h, []delivery.Deployment{
		{SHA: failingSHA(0), At: at(-200), Ref: "v1.0.0"},
		{SHA: failingSHA(1), At: at(10), Ref: "v1.0.1"},
		{SHA: failingSHA(2), At: at(40), Ref: "v1.1.0"},
		{SHA: failingSHA(3), At: at(70), Ref: "v1.2.0"},
		{SHA: failingSHA(5), At: at(230), Ref: "v1.3.0"},
		{SHA: failingSHA(4), At: at(236), Ref: "v1.3.1"},
		{SHA: failingSHA(6), At: at(400), Ref: "v1.4.0"},
	}
}

func failingSHA(i int) string { return string(rune('a'+i)) + "0123456789abcdef" }

// failingMetrics adds an incident naming no deployment, opened the day
// after v1.4.0, and one long before the window.
func failingMetrics(edition string) delivery.Metrics {
	return failingMetricsWith(delivery.Signals{}, edition)
}

func failingMetricsWith(sig delivery.Signals, edition string) delivery.Metrics {
	h, deploys := failingHistory()
	sig.IncidentsRead = true
	sig.Incidents = []delivery.Incident{
		{Number: 41, Title: "checkout down", Opened: at(424), Closed: at(430)},
		{Number: 42, Title: "slow search", Opened: at(-150)},
	}
	return delivery.ComputeWith(h, deploys, sig, delivery.Options{Source: delivery.SourceTags, Until: at(21 * 24), WindowDays: 21, Edition: edition})
}

func TestDeliveryStabilityGolden(t *testing.T) {
	for name, m := range map[string]delivery.Metrics{
		"delivery_stability":      failingMetrics(delivery.Edition2024),
		"delivery_stability_2021": failingMetrics(delivery.Edition2021),
	} {
		t.Run(name, func(t *testing.T) {
			doc := DeliveryReport(Delivery{Metrics: m, Detail: "tags matching `v*`"})
			golden(t, name+".md", Markdown(doc))
			golden(t, name+".txt", Text(doc))
		})
	}
}

func TestPercent(t *testing.T) {
	for in, want := range map[float64]string{0: "0 %", 0.5: "50 %", 1.0 / 3: "33.3 %", 1: "100 %", 0.0005: "0.1 %"} {
		if got := percent(in); got != want {
			t.Errorf("percent(%v) = %q, want %q", in, got, want)
		}
	}
}

// flowMetrics adds pull requests to failingMetrics: each commit after
// the root merged one; the last was not looked up.
func flowMetrics() delivery.Metrics {
	sig := delivery.Signals{Pulls: []delivery.PullRequest{}}
	for i, size := range []string{"S", "XL", "M", "S", "L", ""} {
		merged := []float64{5, 30, 60, 200, 220, 380}[i]
		p := delivery.PullRequest{Number: 100 + i, Title: fmt.Sprintf("change %d", 100+i), MergeSHA: failingSHA(i + 1),
			Created: at(merged - 8), Merged: at(merged), Size: size, Detailed: size != ""}
		if p.Detailed {
			p.FirstCommit, p.FirstReview, p.Approved = at(merged-20), at(merged-5), at(merged-2)
		}
		sig.Pulls = append(sig.Pulls, p)
	}
	return failingMetricsWith(sig, delivery.Edition2024)
}

func TestDeliveryFlowGolden(t *testing.T) {
	m := flowMetrics()
	doc := Doc{Blocks: FlowBlocks(m)}
	golden(t, "delivery_flow.md", Markdown(doc))
	golden(t, "delivery_flow.txt", Text(doc))
	if got, want := ShipsWithin(m), "If merged now, this repository usually ships within 10.0 h (median deploy wait of 6 pull requests over the last 21 days)."; got != want {
		t.Errorf("ShipsWithin = %q, want %q", got, want)
	}
	one := flowMetrics()
	one.Flow.Stages.DeployWait.N, one.Window.Days = 1, 1
	if got, want := ShipsWithin(one), "If merged now, this repository usually ships within 10.0 h (median deploy wait of 1 pull request over the last 1 day)."; got != want {
		t.Errorf("ShipsWithin = %q, want %q", got, want)
	}
	if FlowBlocks(failingMetrics(delivery.Edition2024)) != nil || ShipsWithin(failingMetrics(delivery.Edition2024)) != "" {
		t.Error("without pull requests there is no flow section and no sentence")
	}
}
