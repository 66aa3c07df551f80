package delivery

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// history for the Compute tests: one line of commits and four tags.
func computeFixture() (*History, []Deployment) {
	h := new(graph).line("", []string{"a", "b", "c", "d", "e", "f"}, []float64{-200, -10, 10, 100, 150, 400}).history()
	return h, []Deployment{
		deploy("a", -100, "v0"), // first ever, before the window
		deploy("c", 20, "v1"),   // ships b (30 h) and c (10 h), ISO week 10
		deploy("e", 200, "v2"),  // ships d (100 h) and e (50 h), ISO week 11
		deploy("f", 500, "v3"),  // after the window
	}
}

func TestCompute(t *testing.T) {
	h, deploys := computeFixture()
	until := hour(14 * 24) // Monday 2024-03-18 00:00 UTC
	got := Compute(h, deploys, Options{Source: SourceTags, Until: until, WindowDays: 14})
	want := Metrics{
		Source:         "tags",
		Window:         Window{Start: base, End: until, Days: 14},
		Deploys:        2,
		DeploysPerDay:  ptr(2.0 / 14),
		DeploysPerWeek: ptr(1),
		HoursBetween:   Gaps{Median: ptr(180), N: 1},
		LeadTime:       Distribution{Median: ptr(40), P75: ptr(62.5), P90: ptr(85), N: 4},
		Series: []Week{
			{Week: "2024-W10", Start: "2024-03-04", Deploys: 1, LeadTimeMedian: ptr(20)},
			{Week: "2024-W11", Start: "2024-03-11", Deploys: 1, LeadTimeMedian: ptr(75)},
		},
		Ever: 4,
		Previous: &Summary{
			Window:  Window{Start: base.AddDate(0, 0, -14), End: base, Days: 14},
			Deploys: 1, DeploysPerWeek: 0.5,
		},
		Deployments: []DeploymentReport{
			{SHA: "c", Ref: "v1", DeployedAt: hour(20), Commits: 2, LeadTimeMedian: ptr(20)},
			{SHA: "e", Ref: "v2", DeployedAt: hour(200), Commits: 2, LeadTimeMedian: ptr(75)},
		},
	}
	// Stability, levels and scores have their own tests.
	ignore := cmpopts.IgnoreFields(Metrics{}, "Stability", "Levels", "QuickCheck")
	if diff := cmp.Diff(want, got, ignore, cmpopts.IgnoreFields(Week{}, "Failures", "ChangeFailureRate")); diff != "" {
		t.Errorf("Compute (-want +got):\n%s", diff)
	}
}

// Without a deployment source (`auto` found none) nothing is measured:
// the rates, the previous window, the weeks and the frequency's level and
// score are null, not zero or "low".
func TestComputeWithoutASource(t *testing.T) {
	got := Compute(NewHistory(nil), nil, Options{Source: SourceAuto, Until: hour(0), WindowDays: 30})
	if got.Measured() || got.DeploysPerDay != nil || got.DeploysPerWeek != nil || got.Previous != nil || len(got.Series) != 0 {
		t.Errorf("no source: measured %v, per day %v, per week %v, previous %v, %d weeks; want nothing measured",
			got.Measured(), got.DeploysPerDay, got.DeploysPerWeek, got.Previous, len(got.Series))
	}
	if got.Levels.DeploymentFrequency != nil || got.QuickCheck.DeploymentFrequency != nil || !slices.Contains(got.QuickCheck.Missing, "deployment_frequency") {
		t.Errorf("no source: frequency level %v, score %v, missing %v; want no level, no score, named missing",
			got.Levels.DeploymentFrequency, got.QuickCheck.DeploymentFrequency, got.QuickCheck.Missing)
	}
	out, err := json.Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{`"deploys_per_day":null`, `"deploys_per_week":null`, `"series":[]`} {
		if !strings.Contains(string(out), key) {
			t.Errorf("JSON lacks %s:\n%s", key, out)
		}
	}
	if strings.Contains(string(out), `"previous"`) {
		t.Errorf("JSON has a previous window although nothing was measured:\n%s", out)
	}
}

func TestComputeWindowWithNoDeployment(t *testing.T) {
	h, deploys := computeFixture()
	until := hour(-150) // before every deployment but v0's predecessor history
	got := Compute(h, deploys, Options{Source: SourceTags, Until: until, WindowDays: 7})
	if got.Deploys != 0 || got.DeploysPerWeek == nil || *got.DeploysPerWeek != 0 || got.HoursBetween.Median != nil || got.LeadTime.Median != nil || got.LeadTime.N != 0 {
		t.Errorf("empty window: %+v", got)
	}
	for _, w := range got.Series {
		if w.Deploys != 0 || w.LeadTimeMedian != nil {
			t.Errorf("week %s: %+v, want empty", w.Week, w)
		}
	}
	out, err := json.Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{`"deploys_per_day":0,`, `"deploys_per_week":0,`, `"hours_between_deploys":{"median":null`, `"lead_time_hours":{"median":null,"p75":null,"p90":null,"n":0}`, `"deployments":[]`} {
		if !strings.Contains(string(out), key) {
			t.Errorf("JSON lacks %s:\n%s", key, out)
		}
	}
}

func TestComputeWindowBoundsAreHalfOpen(t *testing.T) {
	h := new(graph).line("", []string{"a", "b", "c"}, []float64{0, 1, 2}).history()
	start, end := hour(10), hour(10+24)
	deploys := []Deployment{deploy("a", 0.5, "v0"), deploy("b", 10, "at-start"), deploy("c", 34, "at-end")}
	got := Compute(h, deploys, Options{Until: end, WindowDays: 1})
	if got.Window.Start != start || got.Deploys != 1 || got.Deployments[0].Ref != "at-end" {
		t.Errorf("window (%v, %v]: %d deploys %+v; want only at-end", got.Window.Start, got.Window.End, got.Deploys, got.Deployments)
	}
}

func TestComputeStagingIsNotProduction(t *testing.T) {
	h := new(graph).line("", []string{"a", "b", "c"}, []float64{0, 1, 2}).history()
	deploys := []Deployment{
		{SHA: "a", At: hour(1), Environment: "production", Ref: "p1"},
		{SHA: "b", At: hour(3), Environment: "staging", Ref: "s1"},
		{SHA: "c", At: hour(5), Environment: "production", Ref: "p2"},
	}
	got := Compute(h, deploys, Options{Until: hour(24), WindowDays: 1, Environment: "production"})
	// Had staging counted, it would have been a third deploy, shipping b,
	// and p2 would have shipped only c.
	if got.Deploys != 2 || got.LeadTime.N != 2 || *got.LeadTime.Median != 3.5 {
		t.Errorf("production only: deploys %d, lead %+v; want 2 deploys, p2 shipping b and c", got.Deploys, got.LeadTime)
	}
}

func TestComputeExplainsUnmeasuredDeployments(t *testing.T) {
	h := new(graph).line("", []string{"a", "b"}, []float64{0, 1}).history()
	deploys := []Deployment{deploy("a", 2, "v1"), deploy("gone", 3, "v2"), deploy("b", 4, "v3")}
	got := Compute(h, deploys, Options{Until: hour(24), WindowDays: 1})
	want := Unmeasured{FirstDeployment: true, MissingCommits: 1}
	if got.Unmeasured != want || got.LeadTime.N != 1 {
		t.Errorf("unmeasured %+v lead n %d; want %+v and 1", got.Unmeasured, got.LeadTime.N, want)
	}
}

func TestSeriesEndingAtMondayMidnight(t *testing.T) {
	h := new(graph).line("", []string{"a", "b"}, []float64{0, 1}).history()
	until := hour(7 * 24) // Monday 00:00 of the next ISO week
	weeks := func(deploys ...Deployment) []string {
		var out []string
		for _, w := range Compute(h, deploys, Options{Until: until, WindowDays: 7}).Series {
			out = append(out, fmt.Sprintf("%s:%d", w.Week, w.Deploys))
		}
		return out
	}
	if diff := cmp.Diff([]string{"2024-W10:1"}, weeks(deploy("a", 5, "v1"))); diff != "" {
		t.Errorf("no deployment at the end instant (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"2024-W10:1", "2024-W11:1"}, weeks(deploy("a", 5, "v1"), deploy("b", 7*24, "v2"))); diff != "" {
		t.Errorf("a deployment at exactly the end (-want +got):\n%s", diff)
	}
}

func TestSeriesWeeksAreISOWeeksInUTC(t *testing.T) {
	chicago := time.FixedZone("CST", -6*3600)
	h := new(graph).line("", []string{"a", "b", "c"}, []float64{0, 1, 2}).history()
	deploys := []Deployment{
		deploy("a", 0.5, "v0"),
		// Sunday 2021-01-03 20:00 in Chicago is Monday 02:00 UTC: ISO week 2021-W01.
		{SHA: "b", At: time.Date(2021, 1, 3, 20, 0, 0, 0, chicago), Ref: "v1"},
		// Sunday 2021-01-03 12:00 UTC is still in 2020-W53.
		{SHA: "c", At: time.Date(2021, 1, 3, 12, 0, 0, 0, time.UTC), Ref: "v2"},
	}
	got := Compute(h, deploys, Options{Until: time.Date(2021, 1, 10, 0, 0, 0, 0, time.UTC), WindowDays: 14})
	weeks := map[string]int{}
	for _, w := range got.Series {
		weeks[w.Week] = w.Deploys
	}
	want := map[string]int{"2020-W52": 0, "2020-W53": 1, "2021-W01": 1}
	if diff := cmp.Diff(want, weeks); diff != "" {
		t.Errorf("weeks (-want +got):\n%s", diff)
	}
}

func TestOptionsValidate(t *testing.T) {
	if err := (Options{Until: base, WindowDays: 30}).Validate(); err != nil {
		t.Errorf("valid options: %v", err)
	}
	err := Options{WindowDays: 0}.Validate()
	if err == nil || !strings.Contains(err.Error(), "from 1 to 3660, got 0") || !strings.Contains(err.Error(), "end time") {
		t.Errorf("Validate() = %v, want both problems named", err)
	}
	if err := (Options{Until: base, WindowDays: MaxWindowDays + 1}).Validate(); err == nil {
		t.Errorf("a window of %d days is valid, want it refused", MaxWindowDays+1)
	}
}
