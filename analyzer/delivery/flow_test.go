package delivery

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSignalsFromPulls(t *testing.T) {
	pulls := []PullRequest{
		{Number: 1, MergeSHA: "m1", Title: "Add search"},
		{Number: 2, MergeSHA: "m2", Title: "Fix login", Labels: []string{"HotFix"}},
		{Number: 3, MergeSHA: "m3", Title: "Fix cache", HeadRef: "hotfix/cache"},
		{Number: 4, MergeSHA: "m4", Title: `Revert "Add search"`, Body: "Reverts octo/app#1\n\nbroke checkout"},
		{Number: 5, MergeSHA: "m5", Title: `Revert "Old thing"`, Body: "Reverts octo/app#99"},             // not in the lookback
		{Number: 6, MergeSHA: "m6", Title: "Revert the flag", Body: "Reverts octo/app#1"},                 // not GitHub's revert
		{Number: 7, Title: `Revert "Add search"`, Body: "Reverts octo/app#1", Labels: []string{"hotfix"}}, // never merged
	}
	sig := SignalsFromPulls(pulls, "hotfix", "hotfix/")
	if diff := cmp.Diff(map[string]bool{"m2": true, "m3": true}, sig.Hotfixes); diff != "" {
		t.Errorf("hotfixes (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string][]string{"m4": {"m1"}}, sig.Reverts); diff != "" {
		t.Errorf("reverts (-want +got):\n%s", diff)
	}
	if !sig.PullRequestsRead || len(sig.Pulls) != len(pulls) {
		t.Errorf("read %v, %d pulls kept", sig.PullRequestsRead, len(sig.Pulls))
	}
}

func TestParseReferences(t *testing.T) {
	shas, pulls, refs := ParseReferences("Checkout down since v1.4.0 (deployed abc1234f), see #12 and https://github.com/o/r/pull/15; not 12345 or v2")
	if diff := cmp.Diff([]string{"abc1234f"}, shas); diff != "" {
		t.Errorf("shas (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]int{12, 15}, pulls); diff != "" {
		t.Errorf("pulls (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"v1.4.0"}, refs); diff != "" {
		t.Errorf("refs (-want +got):\n%s", diff)
	}
}

// TestFlowStagesAndSizes: three pull requests merged as m1, m2, m3 and
// shipped by v2 and v3; m1 is later reverted by r (shipped by v3).
func TestFlowStagesAndSizes(t *testing.T) {
	g := new(graph).line("", []string{"a", "m1", "m2", "r", "m3"}, []float64{0, 20, 30, 40, 50})
	g = reverting(g, "r", "m1")
	h := withMessages(g.history())
	deploys := []Deployment{deploy("a", 1, "v1"), deploy("m2", 32, "v2"), deploy("m3", 60, "v3")}
	pulls := []PullRequest{
		{Number: 1, MergeSHA: "m1", Size: "XL", Detailed: true, FirstCommit: hour(2), Created: hour(10), FirstReview: hour(14), Approved: hour(16), Merged: hour(20)},
		{Number: 2, MergeSHA: "m2", Size: "S", Detailed: true, FirstCommit: hour(26), Created: hour(27), FirstReview: hour(28), Merged: hour(30)},
		{Number: 3, MergeSHA: "m3", Created: hour(45), Merged: hour(50)},
		{Number: 4, MergeSHA: "elsewhere", Created: hour(45), Merged: hour(50)},
	}
	m := ComputeWith(h, deploys, Signals{Pulls: pulls}, Options{Until: hour(100), WindowDays: 30})
	f := m.Flow
	if f == nil || len(f.PullRequests) != 3 || f.Undetailed != 1 {
		t.Fatalf("flow %+v, want 3 shipped pull requests, 1 undetailed", f)
	}
	want := Stages{
		Coding:     Sample{Median: ptr(4.5), N: 2}, // 8, 1
		Pickup:     Sample{Median: ptr(2.5), N: 2}, // 4, 1
		Review:     Sample{Median: ptr(2), N: 1},
		MergeWait:  Sample{Median: ptr(4), N: 3},  // 4, 2, 5
		DeployWait: Sample{Median: ptr(10), N: 3}, // 12, 2, 10
	}
	if diff := cmp.Diff(want, f.Stages); diff != "" {
		t.Errorf("stages (-want +got):\n%s", diff)
	}
	one := f.PullRequests[0]
	if one.DeployedBy != "v2" || !one.Reverted || one.Hotfixed || *one.LeadTime != 30 {
		t.Errorf("pull request 1: %+v, want shipped by v2, reverted, lead time 30 h", one)
	}
	wantSizes := []SizeCost{
		{Size: "S", N: 1, LeadTime: ptr(6), ReworkShare: ptr(0), PullRequests: []int{2}},
		{Size: "XL", N: 1, LeadTime: ptr(30), Reworked: 1, ReworkShare: ptr(1), PullRequests: []int{1}},
	}
	if diff := cmp.Diff(wantSizes, f.BySize); diff != "" {
		t.Errorf("by size (-want +got):\n%s", diff)
	}
	if s := SizeCostSentence(f, "XL"); s != "" {
		t.Errorf("one pull request per bucket is too thin to say anything, got %q", s)
	}
	if Compute(h, deploys, Options{Until: hour(100), WindowDays: 30}).Flow != nil {
		t.Error("without pull requests there is no flow")
	}
}

func TestSizeCostSentence(t *testing.T) {
	row := func(s string, n int, lead float64, reworked int) SizeCost {
		return SizeCost{Size: s, N: n, LeadTime: ptr(lead), Reworked: reworked, ReworkShare: ptr(float64(reworked) / float64(n))}
	}
	cases := []struct {
		name string
		rows []SizeCost
		size string
		want string
	}{
		{"against M", []SizeCost{row("S", 9, 10, 0), row("M", 20, 17, 1), row("XL", 8, 52.7, 2)}, "XL",
			"Here, XL pull requests took 3.1× as long to reach production as M ones (median 2.2 days against 17 h, 8 and 20 pull requests), and were reverted or hotfixed 5.0× as often as the M ones (2 of 8, against 1 of 20)."},
		{"M too thin: the largest smaller bucket", []SizeCost{row("S", 9, 20, 0), row("M", 2, 17, 0), row("L", 6, 21, 1)}, "L",
			"Here, L pull requests took about as long to reach production as S ones (median 21 h against 20 h, 6 and 9 pull requests), and 1 of 6 were reverted or hotfixed, against none of the S ones."},
		{"bucket too thin", []SizeCost{row("M", 20, 17, 1), row("XL", 4, 52, 2)}, "XL", ""},
		{"no smaller bucket", []SizeCost{row("M", 20, 17, 1), row("XL", 8, 52, 2)}, "M", ""},
		{"size not in the table", []SizeCost{row("M", 20, 17, 1)}, "XXL", ""},
	}
	for _, tc := range cases {
		if got := SizeCostSentence(&Flow{BySize: tc.rows}, tc.size); got != tc.want {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, got, tc.want)
		}
	}
	if SizeCostSentence(nil, "XL") != "" || !strings.HasPrefix(times(3, 1, "as long"), "3.0×") {
		t.Error("no flow, no sentence")
	}
}
