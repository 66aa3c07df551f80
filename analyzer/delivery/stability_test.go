package delivery

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// failureRow is the short form of a Failure the tables compare.
type failureRow struct {
	Ref, Signal, RemediatedBy string
	Recovered                 *float64
}

func rowsOf(fs []Failure) []failureRow {
	out := []failureRow{}
	for _, f := range fs {
		out = append(out, failureRow{f.Ref, f.Signal, f.RemediatedBy, f.RecoveredHours})
	}
	return out
}

// withMessages marks a hand-built history's messages as read, as a local
// git log walk does.
func withMessages(h *History) *History { h.SetMessagesRead(); return h }

func reverting(g *graph, sha string, reverts ...string) *graph {
	for i := range g.commits {
		if g.commits[i].SHA == sha {
			g.commits[i].Reverts = reverts
		}
	}
	return g
}

func TestStabilitySignals(t *testing.T) {
	abcd := func() *graph { return new(graph).line("", []string{"a", "b", "c", "d"}, []float64{0, 10, 20, 30}) }
	three := []Deployment{deploy("a", 5, "v1"), deploy("b", 15, "v2"), deploy("c", 25, "v3")}
	hotfixMerge := abcd().add("h1", 16, 16, "b").add("m", 18, 18, "b", "h1")
	hotfixMerge.commits[len(hotfixMerge.commits)-1].MergedBranch = "hotfix/db"
	long := new(graph).line("", []string{"aaaaaaaa01", "bbbbbbbb02", "cccccccc03"}, []float64{0, 10, 20})
	longDeploys := []Deployment{deploy("aaaaaaaa01", 5, "v1"), deploy("bbbbbbbb02", 15, "v2"), deploy("cccccccc03", 25, "v3")}
	cases := []struct {
		name      string
		h         *History
		deploys   []Deployment
		sig       Signals
		want      []failureRow
		rate      *float64
		rework    *float64
		rollbacks int
		recovery  Sample
		read      []string
	}{
		{
			name:    "rollback to an older sha",
			h:       abcd().history(),
			deploys: []Deployment{deploy("a", 5, "v1"), deploy("b", 15, "v2"), deploy("c", 25, "v3"), deploy("b", 35, "v4")},
			want:    []failureRow{{"v3", SignalRollback, "v4", ptr(10)}},
			rate:    ptr(1.0 / 3), rework: ptr(0.25), rollbacks: 1,
			recovery: Sample{Median: ptr(10), N: 1}, read: []string{SignalRollback},
		},
		{
			name: "a backport is not a rollback",
			h:    abcd().add("r1", 26, 26, "a").history(),
			deploys: []Deployment{deploy("a", 5, "v1.0"), deploy("c", 25, "v2.0"), deploy("r1", 27, "v1.0.1"),
				deploy("d", 35, "v2.1")},
			want: []failureRow{}, rate: ptr(0.0), rework: ptr(0.0), read: []string{SignalRollback},
		},
		{
			name:    "a revert commit, read locally",
			h:       withMessages(reverting(abcd(), "c", "b").history()),
			deploys: three,
			want:    []failureRow{{"v2", SignalRevert, "v3", ptr(10)}},
			rate:    ptr(1.0 / 3), rework: ptr(1.0 / 3),
			recovery: Sample{Median: ptr(10), N: 1}, read: []string{SignalRollback, SignalRevert, SignalHotfix},
		},
		{
			name:    "a revert of a commit not yet deployed is no failure",
			h:       withMessages(reverting(abcd(), "c", "b").history()),
			deploys: []Deployment{deploy("a", 5, "v1"), deploy("c", 25, "v3")},
			want:    []failureRow{}, rate: ptr(0.0), rework: ptr(0.0), read: []string{SignalRollback, SignalRevert, SignalHotfix},
		},
		{
			name:    "a revert pull request, from the API",
			h:       abcd().history(),
			deploys: three,
			sig:     Signals{Reverts: map[string][]string{"c": {"b"}}, PullRequestsRead: true},
			want:    []failureRow{{"v2", SignalRevert, "v3", ptr(10)}},
			rate:    ptr(1.0 / 3), rework: ptr(1.0 / 3),
			recovery: Sample{Median: ptr(10), N: 1}, read: []string{SignalRollback, SignalRevert, SignalHotfix},
		},
		{
			name:    "a hotfix label fixes what was live before it",
			h:       abcd().history(),
			deploys: three,
			sig:     Signals{Hotfixes: map[string]bool{"c": true}, PullRequestsRead: true},
			want:    []failureRow{{"v2", SignalHotfix, "v3", ptr(10)}},
			rate:    ptr(1.0 / 3), rework: ptr(1.0 / 3),
			recovery: Sample{Median: ptr(10), N: 1}, read: []string{SignalRollback, SignalRevert, SignalHotfix},
		},
		{
			name:    "a hotfix branch merge, read locally",
			h:       withMessages(hotfixMerge.history()),
			deploys: []Deployment{deploy("a", 5, "v1"), deploy("b", 15, "v2"), deploy("m", 19, "v2.0.1")},
			want:    []failureRow{{"v2", SignalHotfix, "v2.0.1", ptr(4)}},
			rate:    ptr(1.0 / 3), rework: ptr(1.0 / 3),
			recovery: Sample{Median: ptr(4), N: 1}, read: []string{SignalRollback, SignalRevert, SignalHotfix},
		},
		{
			name:    "an incident naming an earlier deployment's commit, abbreviated",
			h:       long.history(),
			deploys: longDeploys,
			sig: Signals{IncidentsRead: true, Incidents: []Incident{
				{Number: 7, Opened: hour(45), Closed: hour(50), SHAs: []string{"bbbbbbb"}}}},
			want: []failureRow{{"v2", SignalIncident, "incident #7", ptr(35)}},
			rate: ptr(1.0 / 3), rework: ptr(0.0),
			recovery: Sample{Median: ptr(35), N: 1}, read: []string{SignalRollback, SignalIncident},
		},
		{
			name:    "an incident naming a release",
			h:       long.history(),
			deploys: longDeploys,
			sig: Signals{IncidentsRead: true, Incidents: []Incident{
				{Number: 8, Opened: hour(45), Refs: []string{"v1"}}}},
			want: []failureRow{{"v1", SignalIncident, "incident #8 (still open)", nil}},
			rate: ptr(1.0 / 3), rework: ptr(0.0), read: []string{SignalRollback, SignalIncident},
		},
		{
			name:    "an incident without a reference blames the last deployment within the window",
			h:       long.history(),
			deploys: longDeploys,
			sig: Signals{IncidentsRead: true, Incidents: []Incident{
				{Number: 9, Opened: hour(33), Closed: hour(40), SHAs: []string{"0000000"}}}},
			want: []failureRow{{"v3", SignalIncident, "incident #9", ptr(15)}},
			rate: ptr(1.0 / 3), rework: ptr(0.0),
			recovery: Sample{Median: ptr(15), N: 1}, read: []string{SignalRollback, SignalIncident},
		},
		{
			name:    "an incident outside the incident window blames nobody",
			h:       long.history(),
			deploys: longDeploys,
			sig: Signals{IncidentsRead: true, Incidents: []Incident{
				{Number: 10, Opened: hour(25 + 7*24 + 1), Closed: hour(400)}}},
			want: []failureRow{}, rate: ptr(0.0), rework: ptr(0.0), read: []string{SignalRollback, SignalIncident},
		},
		{
			name:    "two failures remediated by one deployment",
			h:       abcd().history(),
			deploys: []Deployment{deploy("a", 5, "v1"), deploy("b", 15, "v2"), deploy("c", 25, "v3"), deploy("a", 35, "v4")},
			want:    []failureRow{{"v2", SignalRollback, "v4", ptr(20)}, {"v3", SignalRollback, "v4", ptr(10)}},
			rate:    ptr(2.0 / 3), rework: ptr(0.25), rollbacks: 1,
			recovery: Sample{Median: ptr(15), N: 2}, read: []string{SignalRollback},
		},
		{
			name:    "a deployment with several signals counts once, for its first remediation",
			h:       withMessages(reverting(abcd(), "c", "b").history()),
			deploys: []Deployment{deploy("a", 5, "v1"), deploy("b", 15, "v2"), deploy("c", 25, "v3"), deploy("a", 35, "v4")},
			sig: Signals{IncidentsRead: true, Incidents: []Incident{
				{Number: 11, Opened: hour(16), Closed: hour(60), SHAs: []string{"b"}}}},
			want: []failureRow{{"v2", SignalRevert, "v3", ptr(10)}, {"v3", SignalRollback, "v4", ptr(10)}},
			rate: ptr(2.0 / 3), rework: ptr(0.5), rollbacks: 1,
			recovery: Sample{Median: ptr(10), N: 2}, read: []string{SignalRollback, SignalRevert, SignalHotfix, SignalIncident},
		},
		{
			name:    "no signal source at all",
			h:       NewHistory(nil),
			deploys: three,
			want:    []failureRow{},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m := ComputeWith(tc.h, tc.deploys, tc.sig, Options{Source: SourceDeployments, Until: hour(100), WindowDays: 30})
			st := m.Stability
			if diff := cmp.Diff(tc.want, rowsOf(st.Failures)); diff != "" {
				t.Errorf("failures (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff([]*float64{tc.rate, tc.rework}, []*float64{st.ChangeFailureRate, st.ReworkRate}); diff != "" {
				t.Errorf("change failure rate, rework rate (-want +got):\n%s", diff)
			}
			if st.Rollbacks != tc.rollbacks || !cmp.Equal(tc.recovery, st.RecoveryHours) {
				t.Errorf("rollbacks %d, recovery %+v; want %d, %+v", st.Rollbacks, st.RecoveryHours, tc.rollbacks, tc.recovery)
			}
			if !cmp.Equal(tc.read, st.SignalsRead) {
				t.Errorf("signals read %v, want %v", st.SignalsRead, tc.read)
			}
			if st.ChangeFailureRate == nil && st.Unavailable == "" {
				t.Errorf("a null rate must say why")
			}
		})
	}
}

func TestStabilityNullSaysWhy(t *testing.T) {
	m := Compute(NewHistory(nil), []Deployment{deploy("x", 5, "v1")}, Options{Until: hour(100), WindowDays: 30})
	if m.ChangeFailureRate != nil || m.ReworkRate != nil || m.Unavailable == "" {
		t.Errorf("no signal: rate %v, rework %v, reason %q", m.ChangeFailureRate, m.ReworkRate, m.Unavailable)
	}
	if m.Levels.ChangeFailureRate != nil || m.Levels.Edition != DefaultEdition {
		t.Errorf("levels %+v: no level without a rate, never without an edition", m.Levels)
	}
}

func TestStabilityIgnoresWhatHappensAfterTheWindow(t *testing.T) {
	h := new(graph).line("", []string{"a", "b", "c"}, []float64{0, 10, 20}).history()
	deploys := []Deployment{deploy("a", 5, "v1"), deploy("b", 15, "v2"), deploy("a", 200, "v3")}
	m := Compute(h, deploys, Options{Until: hour(100), WindowDays: 30})
	if len(m.Failures) != 0 || m.ChangeFailureRate == nil || *m.ChangeFailureRate != 0 {
		t.Errorf("a rollback after the window's end is not known at its end: %+v", m.Stability)
	}
	later := Compute(h, deploys, Options{Until: hour(300), WindowDays: 30})
	if len(later.Failures) != 1 || later.Failures[0].RemediatedAt == nil || !later.Failures[0].RemediatedAt.Equal(hour(200)) {
		t.Errorf("the rollback is known once the window covers it: %+v", later.Failures)
	}
	weeks := 0
	for _, w := range later.Series {
		if w.ChangeFailureRate != nil {
			weeks++
			if w.Failures != 1 || *w.ChangeFailureRate != 0.5 {
				t.Errorf("week %s: %d failures, rate %v; want 1 of 2", w.Week, w.Failures, *w.ChangeFailureRate)
			}
		}
	}
	if weeks != 1 {
		t.Errorf("%d weeks with a rate, want 1 (the rollback's week has only the rollback)", weeks)
	}
}
