package report

import (
	"testing"

	"github.com/mvcbot/mvc/analyzer/delivery"
)

// failingMetrics: a line of commits over three ISO weeks with a revert
// (v1.1.0 reverted by v1.2.0's commit), a rollback (v1.3.0 → v1.3.1) and
// an incident naming no deployment, opened the day after v1.4.0.
func failingMetrics(edition string) delivery.Metrics {
	var commits []delivery.Commit
	parent := []string(nil)
	for i, h := range []float64{-300, 5, 30, 60, 200, 220, 380} {
		sha := string(rune('a'+i)) + "0123456789abcdef"
		commits = append(commits, delivery.Commit{SHA: sha, Parents: parent, Author: at(h - 6), Committed: at(h)})
		parent = []string{sha}
	}
	commits[3].Reverts = []string{commits[2].SHA}
	sha := func(i int) string { return commits[i].SHA }
	h := delivery.NewHistory(commits)
	h.SetMessagesRead()
	deploys := []delivery.Deployment{
		{SHA: sha(0), At: at(-200), Ref: "v1.0.0"},
		{SHA: sha(1), At: at(10), Ref: "v1.0.1"},
		{SHA: sha(2), At: at(40), Ref: "v1.1.0"},
		{SHA: sha(3), At: at(70), Ref: "v1.2.0"},
		{SHA: sha(5), At: at(230), Ref: "v1.3.0"},
		{SHA: sha(4), At: at(236), Ref: "v1.3.1"},
		{SHA: sha(6), At: at(400), Ref: "v1.4.0"},
	}
	sig := delivery.Signals{IncidentsRead: true, Incidents: []delivery.Incident{
		{Number: 41, Title: "checkout down", Opened: at(424), Closed: at(430)},
		{Number: 42, Title: "slow search", Opened: at(-150)},
	}}
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
