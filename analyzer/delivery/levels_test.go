package delivery

import (
	"testing"
	"time"
)

const (
	hr  = 1.0
	dy  = 24 * hr
	wk  = 7 * dy
	mo  = 30 * dy
	six = 180 * dy
	eps = 1.0 / 3600 // one second, in hours
)

func levelOf(p *string) string {
	if p == nil {
		return "<nil>"
	}
	return *p
}

// TestLevelBoundaries checks every bound of every duration ladder: just
// under it, on it (the slower level), and the extremes.
func TestLevelBoundaries(t *testing.T) {
	type probe struct {
		hours float64
		want  string
	}
	cases := []struct {
		edition, metric string
		probes          []probe
	}{
		{Edition2024, "lead_time", []probe{{0, "elite"}, {dy - eps, "elite"}, {dy, "high"}, {wk - eps, "high"}, {wk, "medium"},
			{mo - eps, "medium"}, {mo, "low"}, {six, "low"}, {10 * six, "low"}}},
		{Edition2024, "deployment_frequency", []probe{{1, "elite"}, {dy - eps, "elite"}, {dy, "high"}, {wk - eps, "high"}, {wk, "medium"},
			{mo - eps, "medium"}, {mo, "low"}, {six, "low"}}},
		{Edition2024, "recovery_time", []probe{{0, "elite"}, {hr - eps, "elite"}, {hr, "high"}, {dy - eps, "high"}, {dy, "medium"},
			{wk - eps, "medium"}, {wk, "low"}, {mo, "low"}}},
		{Edition2021, "lead_time", []probe{{hr - eps, "elite"}, {hr, "high"}, {dy, "high"}, {wk - eps, "high"}, {wk, "medium"},
			{mo, "medium"}, {six - eps, "medium"}, {six, "low"}}},
		{Edition2021, "deployment_frequency", []probe{{dy - eps, "elite"}, {dy, "high"}, {wk, "high"}, {mo - eps, "high"}, {mo, "medium"},
			{six - eps, "medium"}, {six, "low"}}},
		{Edition2021, "recovery_time", []probe{{hr - eps, "elite"}, {hr, "high"}, {dy - eps, "high"}, {dy, "medium"},
			{six - eps, "medium"}, {six, "low"}}},
	}
	for _, tc := range cases {
		for _, p := range tc.probes {
			in := levelInputs{}
			v := p.hours
			switch tc.metric {
			case "lead_time":
				in.leadHours = &v
			case "deployment_frequency":
				in.intervalHours = &v
			case "recovery_time":
				in.recoveryHours = &v
			}
			l := levelsOf(tc.edition, in)
			got := map[string]*string{"lead_time": l.LeadTime, "deployment_frequency": l.DeploymentFrequency, "recovery_time": l.RecoveryTime}[tc.metric]
			if levelOf(got) != p.want || l.Edition != tc.edition {
				t.Errorf("%s %s at %v h: %s (edition %s), want %s", tc.edition, tc.metric, p.hours, levelOf(got), l.Edition, p.want)
			}
		}
	}
}

func TestChangeFailLevels(t *testing.T) {
	cases := []struct {
		edition string
		rate    float64
		want    string
	}{
		// 2024: nearest cluster (5, 10, 20, 40 %) on a log scale.
		{Edition2024, 0, "elite"}, {Edition2024, 0.05, "elite"}, {Edition2024, 0.0707, "elite"},
		{Edition2024, 0.07072, "medium"}, {Edition2024, 0.10, "medium"}, {Edition2024, 0.1414, "medium"},
		{Edition2024, 0.14143, "high"}, {Edition2024, 0.20, "high"}, {Edition2024, 0.2828, "high"},
		{Edition2024, 0.28285, "low"}, {Edition2024, 0.40, "low"}, {Edition2024, 1, "low"},
		// 2021: elite 0–15 %, 16–30 % named high, above low.
		{Edition2021, 0, "elite"}, {Edition2021, 0.15, "elite"}, {Edition2021, 0.1501, "high"},
		{Edition2021, 0.30, "high"}, {Edition2021, 0.3001, "low"}, {Edition2021, 1, "low"},
	}
	for _, tc := range cases {
		r := tc.rate
		if got := levelOf(levelsOf(tc.edition, levelInputs{changeFail: &r}).ChangeFailureRate); got != tc.want {
			t.Errorf("%s change fail %.5f: %s, want %s", tc.edition, tc.rate, got, tc.want)
		}
	}
	// Exactly halfway (geometric mean) goes to the cluster with the higher rate.
	for _, tie := range []struct {
		rate float64
		want string
	}{{0.05 * 1.4142135623730951, "medium"}, {0.1 * 1.4142135623730951, "high"}, {0.2 * 1.4142135623730951, "low"}} {
		if got := nearestOnLogScale(tie.rate); got != tie.want {
			t.Errorf("tie at %.6f: %s, want %s", tie.rate, got, tie.want)
		}
	}
}

func TestDeployInterval(t *testing.T) {
	if got := *DeployInterval(30, 30); got != 24 {
		t.Errorf("30 deploys in 30 days: every %v h, want 24", got)
	}
	if l := levelsOf(Edition2024, levelInputs{intervalHours: DeployInterval(0, 30)}); levelOf(l.DeploymentFrequency) != "low" {
		t.Errorf("no deploys: %s, want low", levelOf(l.DeploymentFrequency))
	}
	if err := ValidEdition("2019"); err == nil {
		t.Error("edition 2019 has no table and must be refused")
	}
}

// TestQuickCheckBuckets checks each bucket bound of the Quick Check.
func TestQuickCheckBuckets(t *testing.T) {
	durations := []struct {
		hours float64
		score float64
	}{
		{10 * six, 0}, {six, 0}, {six - eps, 2}, {mo, 2}, {mo - eps, 4}, {wk, 4}, {wk - eps, 6},
		{dy, 6}, {dy - eps, 8}, {hr, 8}, {hr - eps, 10}, {0, 10},
	}
	for _, d := range durations {
		v := d.hours
		q := quickCheckOf(levelInputs{leadHours: &v, intervalHours: &v, recoveryHours: &v})
		for name, got := range map[string]*float64{"lead": q.LeadTime, "frequency": q.DeploymentFrequency, "recovery": q.RecoveryTime} {
			if got == nil || *got != d.score {
				t.Errorf("%s at %v h: %v, want %v", name, d.hours, got, d.score)
			}
		}
		if q.Throughput == nil || *q.Throughput != d.score || q.Overall != nil {
			t.Errorf("throughput at %v h: %v, overall %v; want %v and nil (rates missing)", d.hours, q.Throughput, q.Overall, d.score)
		}
	}
	for _, r := range []struct{ rate, score float64 }{{0, 10}, {0.25, 7.5}, {0.5, 5}, {1, 0}} {
		v := r.rate
		q := quickCheckOf(levelInputs{changeFail: &v, rework: &v})
		if *q.ChangeFailureRate != r.score || *q.ReworkRate != r.score || *q.Instability != r.score {
			t.Errorf("rate %v: %v %v %v, want %v", r.rate, *q.ChangeFailureRate, *q.ReworkRate, *q.Instability, r.score)
		}
	}
}

func TestQuickCheckOverallIsTheMeanOfFive(t *testing.T) {
	lead, interval, recovery := 2*hr, 3*dy, 30*time.Minute.Hours() // 8, 6, 10
	cfr, rework := 0.2, 0.1                                        // 8, 9
	q := quickCheckOf(levelInputs{&lead, &interval, &recovery, &cfr, &rework})
	if *q.Overall != (8+6+10+8+9)/5.0 || *q.Throughput != 8 || *q.Instability != 8.5 || len(q.Missing) != 0 {
		t.Errorf("overall %v throughput %v instability %v missing %v", *q.Overall, *q.Throughput, *q.Instability, q.Missing)
	}
	none := quickCheckOf(levelInputs{leadHours: &lead})
	if none.Overall != nil || none.Throughput != nil || len(none.Missing) != 4 {
		t.Errorf("a score with a missing part is nil and the part named: %+v", none)
	}
}
