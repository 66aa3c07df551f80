package main

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/mvcbot/mvc/internal/gittest"
)

// failingRepo holds a revert and a rollback, readable from git alone:
//
//	c1 Jan 1  v1
//	c2 Jan 2  v2      reverted by c3: v2 failed, remediated by v3 (24 h)
//	c3 Jan 3  v3      "This reverts commit c2"
//	c4 Jan 4          v5.0.1 on Jan 6: a rollback from v5 (24 h)
//	c5 Jan 5  v5
func failingRepo(t *testing.T) *gittest.Repo {
	g := gittest.New(t)
	day := func(d, hh string) string { return "2024-01-0" + d + "T" + hh + ":00:00Z" }
	commit := func(d, msg, content string) string {
		g.Write("a", content)
		return g.CommitAt(msg, utc(day(d, "10")), utc(day(d, "10")))
	}
	c1 := commit("1", "c1", "1")
	g.AnnotatedTag("v1", c1, utc(day("1", "12")))
	c2 := commit("2", "c2", "2")
	g.AnnotatedTag("v2", c2, utc(day("2", "12")))
	c3 := commit("3", "Revert \"c2\"\n\nThis reverts commit "+c2+".", "1")
	g.AnnotatedTag("v3", c3, utc(day("3", "12")))
	c4 := commit("4", "c4", "4")
	c5 := commit("5", "c5", "5")
	g.AnnotatedTag("v5", c5, utc(day("5", "12")))
	g.AnnotatedTag("v5.0.1", c4, utc(day("6", "12")))
	return g
}

func TestReportStabilityFromGitAlone(t *testing.T) {
	g := failingRepo(t)
	got := decodeReport(t, runMVC(t, g.Dir, nil, "report", "--until", "2024-01-08T00:00:00Z", "--window-days", "7", "--format", "json"))
	want := map[string]any{
		"change_failure_rate": 0.5,
		"rework_rate":         0.4,
		"recovery_hours":      map[string]any{"median": 24.0, "n": 2.0},
		"levels": map[string]any{"edition": "2024", "lead_time": "elite", "deployment_frequency": "high",
			"change_failure_rate": "low", "recovery_time": "medium"},
	}
	for key, w := range want {
		if diff := cmp.Diff(w, got[key]); diff != "" {
			t.Errorf("%s (-want +got):\n%s", key, diff)
		}
	}
	qc := got["quick_check"].(map[string]any)
	if qc["overall"] != 6.2 || qc["instability"] != 5.5 {
		t.Errorf("quick check %v, want overall 6.2 and instability 5.5", qc)
	}
	var trail []string
	for _, f := range got["failures"].([]any) {
		m := f.(map[string]any)
		trail = append(trail, m["ref"].(string)+" "+m["signal"].(string)+" by "+m["remediated_by"].(string))
		if m["sha"] == "" || m["deployed_at"] == nil || m["recovered_hours"] != 24.0 {
			t.Errorf("failure lacks its trail: %v", m)
		}
	}
	if diff := cmp.Diff([]string{"v2 revert by v3", "v5 rollback by v5.0.1"}, trail); diff != "" {
		t.Errorf("failures (-want +got):\n%s", diff)
	}
}

func TestReportDoraEdition(t *testing.T) {
	g := failingRepo(t)
	got := decodeReport(t, runMVC(t, g.Dir, nil, "report", "--until", "2024-01-08T00:00:00Z", "--window-days", "7", "--format", "json", "--dora-edition", "2021"))
	want := map[string]any{"edition": "2021", "lead_time": "high", "deployment_frequency": "high", "change_failure_rate": "low", "recovery_time": "medium"}
	if diff := cmp.Diff(want, got["levels"]); diff != "" {
		t.Errorf("2021 levels (-want +got):\n%s", diff)
	}
	text := runMVC(t, g.Dir, nil, "report", "--until", "2024-01-08T00:00:00Z", "--window-days", "7", "--dora-edition", "2021")
	if !strings.Contains(text.stdout, "2021") {
		t.Errorf("the text report does not name its edition:\n%s", text.stdout)
	}
}

func TestReportStabilityBadInput(t *testing.T) {
	g := failingRepo(t)
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"--dora-edition", "2019"}, `unknown DORA report edition "2019" (use 2024 or 2021)`},
		{[]string{"--incident-window", "soon"}, "use a duration such as 7d or 36h"},
		{[]string{"--incident-window", "-1d"}, "use a duration such as 7d or 36h"},
		{[]string{"--hotfix-branch", ""}, "branch prefix"},
	} {
		res := runMVC(t, g.Dir, nil, append([]string{"report"}, tt.args...)...)
		if res.code != exitBadInput || !strings.Contains(res.stderr, tt.want) {
			t.Errorf("mvc report %v: exit %d, stderr %q; want exit 2 saying %q", tt.args, res.code, res.stderr, tt.want)
		}
	}
}

// A window without deployments says so; it is not that the deployed
// commits are missing from the history (a full clone holds them all).
func TestReportStabilityEmptyWindowReason(t *testing.T) {
	g := failingRepo(t)
	got := decodeReport(t, runMVC(t, g.Dir, nil, "report", "--until", "2024-03-01", "--window-days", "7", "--format", "json"))
	if got["deploys"] != 0.0 || got["failure_signals_unavailable"] != "no deployment in the window" {
		t.Errorf("deploys %v, failure_signals_unavailable %q; want 0 and no deployment in the window", got["deploys"], got["failure_signals_unavailable"])
	}
}

// When every deployment of the window is a rollback, the change failure
// rate has nothing to divide by; the report says why it is blank.
func TestReportStabilityOnlyRollbacksReason(t *testing.T) {
	g := failingRepo(t)
	res := runMVC(t, g.Dir, nil, "report", "--until", "2024-01-07", "--window-days", "1", "--format", "json")
	got := decodeReport(t, res)
	want := "no change failure rate: every deployment in the window is a rollback, and rollbacks are left out of it"
	if got["deploys"] != 1.0 || got["rollback_deploys"] != 1.0 || got["change_failure_rate"] != nil || got["failure_signals_unavailable"] != want {
		t.Errorf("deploys %v, rollbacks %v, rate %v, reason %q; want 1, 1, null, %q", got["deploys"], got["rollback_deploys"], got["change_failure_rate"], got["failure_signals_unavailable"], want)
	}
	text := runMVC(t, g.Dir, nil, "report", "--until", "2024-01-07", "--window-days", "1")
	if !strings.Contains(text.stdout, "Stability: "+want+".") {
		t.Errorf("the text report does not say why:\n%s", text.stdout)
	}
}
