package report

import (
	"flag"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mvcbot/mvc/analyzer/delivery"
)

func init() {
	// Another test file of this package may define -update already;
	// package variables initialise before init functions, so this sees it.
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite golden files under testdata/")
	}
}

func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// golden compares got with testdata/name, rewriting it under -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if updating() {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./report -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the golden file; run go test ./report -update and review the diff.\ngot:\n%s", name, got)
	}
}

var sampleEpoch = time.Date(2024, 3, 4, 0, 0, 0, 0, time.UTC) // a Monday

func at(hours float64) time.Time { return sampleEpoch.Add(time.Duration(hours * float64(time.Hour))) }

// sampleMetrics computes metrics over a small hand-made history: a line of
// commits, five tags (one before the window), three ISO weeks.
func sampleMetrics(source string) delivery.Metrics {
	var commits []delivery.Commit
	parent := []string(nil)
	for i, h := range []float64{-300, -20, 5, 30, 60, 200, 220, 380} {
		sha := string(rune('a'+i)) + "0123456789abcdef"
		commits = append(commits, delivery.Commit{SHA: sha, Parents: parent, Author: at(h - 6), Committed: at(h)})
		parent = []string{sha}
	}
	sha := func(i int) string { return commits[i].SHA }
	deploys := []delivery.Deployment{
		{SHA: sha(0), At: at(-200), Ref: "v0.9.0"},
		{SHA: sha(2), At: at(10), Ref: "v1.0.0"},
		{SHA: sha(4), At: at(70), Ref: "v1.1.0"},
		{SHA: sha(6), At: at(230), Ref: "v1.2.0"},
		{SHA: sha(7), At: at(400), Ref: "v1.3.0"},
	}
	h := delivery.NewHistory(commits)
	return delivery.Compute(h, deploys, delivery.Options{Source: source, Until: at(21 * 24), WindowDays: 21})
}

func TestDeliveryReportGolden(t *testing.T) {
	empty := delivery.Compute(delivery.NewHistory(nil), nil, delivery.Options{Source: delivery.SourceAuto, Until: at(0), WindowDays: 30})
	quiet := delivery.Compute(delivery.NewHistory(nil), []delivery.Deployment{{SHA: "x", At: at(-500), Ref: "v0.1.0"}},
		delivery.Options{Source: delivery.SourceTags, Until: at(7 * 24), WindowDays: 7})
	notes := sampleMetrics(delivery.SourceDeployments)
	notes.Unmeasured = delivery.Unmeasured{FirstDeployment: true, MissingCommits: 1}
	notes.Expanded = 2
	cases := []struct {
		name string
		in   Delivery
	}{
		{"delivery_notes", Delivery{Metrics: notes, Detail: "GitHub deployments to `production`"}},
		{"delivery_tags", Delivery{Metrics: sampleMetrics(delivery.SourceTags), Detail: "tags matching `v*`", Auto: true,
			Skipped: []delivery.Skip{{Source: "deployments", Reason: "not available without the GitHub API"}, {Source: "releases", Reason: "no deployments"}}}},
		{"delivery_merges", Delivery{Metrics: sampleMetrics(delivery.SourceMerges)}},
		{"delivery_none", Delivery{Metrics: empty, Auto: true, Skipped: []delivery.Skip{{Source: "tags", Reason: "no deployments"}, {Source: "merges", Reason: "no deployments"}},
			Advice: DeliveryAdvice{NameSource: "name a source with `--deploy-source`"}}},
		// What a source lacked is worded by the front door's advice; a
		// need it does not word keeps the core's neutral words.
		{"delivery_none_needs", Delivery{Metrics: empty, Auto: true, Skipped: []delivery.Skip{
			{Source: "deployments", Reason: "needs the GitHub API", Need: delivery.NeedAPI},
			{Source: "releases", Reason: "no deployments"},
			{Source: "tags", Reason: "needs the repository's git history", Need: delivery.NeedHistory},
			{Source: "merges", Reason: "needs the repository's git history", Need: delivery.NeedHistory}},
			Advice: DeliveryAdvice{History: "needs a full history: how to get one", NameSource: "set the source setting"}}},
		{"delivery_quiet", Delivery{Metrics: quiet}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := DeliveryReport(c.in)
			golden(t, c.name+".md", Markdown(doc))
			golden(t, c.name+".txt", Text(doc))
		})
	}
}

func TestDeliveryHealthGolden(t *testing.T) {
	m := sampleMetrics(delivery.SourceTags)
	golden(t, "delivery_health.md", Markdown(Doc{Blocks: DeliveryHealth(m)}))
	m.Previous = nil
	golden(t, "delivery_health_no_baseline.md", Markdown(Doc{Blocks: DeliveryHealth(m)}))
	m.Deploys, m.LeadTime.N = 1, 1
	if got := Markdown(Doc{Blocks: DeliveryHealth(m)}); !strings.Contains(got, "1 deployment, 1 commit measured") {
		t.Errorf("one deployment of one commit reads:\n%s", got)
	}
}

func TestTrend(t *testing.T) {
	v := func(f float64) *float64 { return &f }
	tests := []struct {
		name          string
		now, before   *float64
		higherIsBette bool
		want          string
	}{
		{"more deploys is better", v(3), v(2), true, "↑ up from 2 (better)"},
		{"fewer deploys is worse", v(1), v(2), true, "↓ down from 2 (worse)"},
		{"longer lead time is worse", v(30), v(10), false, "↑ up from 10 (worse)"},
		{"shorter lead time is better", v(5), v(10), false, "↓ down from 10 (better)"},
		{"within 5 % is steady", v(10.3), v(10), true, "steady (10 before)"},
		{"zero to zero is steady", v(0), v(0), true, "steady (0 before)"},
		{"no baseline", v(1), nil, true, "no earlier figure"},
		{"nothing now", nil, v(1), true, "no earlier figure"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := trend(tt.now, tt.before, tt.higherIsBette, numberOf); got != tt.want {
				t.Errorf("trend = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDuration(t *testing.T) {
	v := func(f float64) *float64 { return &f }
	tests := []struct {
		in   *float64
		want string
	}{
		{nil, "–"}, {v(0.25), "15 min"}, {v(5), "5.0 h"}, {v(47.9), "47.9 h"}, {v(72), "3.0 days"}, {v(math.Copysign(2, -1)), "-2.0 h"},
	}
	for _, tt := range tests {
		if got := duration(tt.in); got != tt.want {
			t.Errorf("duration(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
