package delivery

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestShipPitfalls pins what each deployment ships on hand-built histories,
// one case per way delivery tools are known to get attribution wrong.
func TestShipPitfalls(t *testing.T) {
	tests := []struct {
		name    string
		graph   *graph
		deploys []Deployment
		want    map[string][]string // deployment ref → shipped SHAs, oldest author first
		lead    map[string][]float64
	}{
		{
			name:    "the first deployment ships no measured history",
			graph:   new(graph).line("", []string{"a", "b", "c", "d", "e"}, []float64{0, 1, 2, 10, 11}),
			deploys: []Deployment{deploy("c", 3, "v1"), deploy("e", 12, "v2")},
			want:    map[string][]string{"v1": {}, "v2": {"d", "e"}},
			lead:    map[string][]float64{"v1": {}, "v2": {2, 1}},
		},
		{
			name: "a release branch with backport tags",
			// main: a-b-c-d-e; release-1 forks at b and carries x, a
			// cherry-pick of d that keeps d's author date.
			graph: new(graph).line("", []string{"a", "b", "c", "d", "e"}, []float64{0, 1, 2, 3, 4}).
				add("x", 3, 20, "b"),
			deploys: []Deployment{deploy("b", 1.5, "v1.0"), deploy("x", 21, "v1.0.1"), deploy("e", 30, "v1.1")},
			want:    map[string][]string{"v1.0": {}, "v1.0.1": {"x"}, "v1.1": {"c", "d", "e"}},
			lead:    map[string][]float64{"v1.0": {}, "v1.0.1": {18}, "v1.1": {28, 27, 26}},
		},
		{
			name: "a rebased commit is measured from its author date",
			// r was written at hour 0 and rebased (committed) at hour 40.
			graph:   new(graph).line("", []string{"a"}, []float64{0}).add("r", 0, 40, "a"),
			deploys: []Deployment{deploy("a", 1, "v1"), deploy("r", 41, "v2")},
			want:    map[string][]string{"v1": {}, "v2": {"r"}},
			lead:    map[string][]float64{"v1": {}, "v2": {41}},
		},
		{
			name: "merge commits ship the merged branch, not themselves",
			// main: a - m(a, f2); feature: a - f1 - f2.
			graph: new(graph).line("", []string{"a"}, []float64{0}).
				line("a", []string{"f1", "f2"}, []float64{1, 2}).
				add("m", 5, 5, "a", "f2"),
			deploys: []Deployment{deploy("a", 0.5, "v1"), deploy("m", 6, "v2")},
			want:    map[string][]string{"v1": {}, "v2": {"f1", "f2"}},
			lead:    map[string][]float64{"v1": {}, "v2": {5, 4}},
		},
		{
			name:  "a redeploy of a shipped commit ships nothing",
			graph: new(graph).line("", []string{"a", "b", "c"}, []float64{0, 1, 2}),
			deploys: []Deployment{
				deploy("a", 0.5, "d1"), deploy("c", 3, "d2"), deploy("b", 4, "d3-rollback"),
			},
			want: map[string][]string{"d1": {}, "d2": {"b", "c"}, "d3-rollback": {}},
			lead: map[string][]float64{"d1": {}, "d2": {2, 1}, "d3-rollback": {}},
		},
		{
			name:  "attribution follows time order, not input order",
			graph: new(graph).line("", []string{"a", "b", "c"}, []float64{0, 1, 2}),
			deploys: []Deployment{
				deploy("c", 9, "late"), deploy("a", 0.5, "first"), deploy("b", 5, "middle"),
			},
			want: map[string][]string{"first": {}, "middle": {"b"}, "late": {"c"}},
			lead: map[string][]float64{"first": {}, "middle": {4}, "late": {7}},
		},
		{
			name:    "a deployed SHA missing from history counts but ships nothing",
			graph:   new(graph).line("", []string{"a", "b"}, []float64{0, 1}),
			deploys: []Deployment{deploy("a", 0.5, "v1"), deploy("zzz", 2, "v2"), deploy("b", 3, "v3")},
			want:    map[string][]string{"v1": {}, "v2": {}, "v3": {"b"}},
			lead:    map[string][]float64{"v1": {}, "v2": {}, "v3": {2}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Ship(tt.graph.history(), tt.deploys)
			if diff := cmp.Diff(tt.want, shippedSHAs(got)); diff != "" {
				t.Errorf("shipped commits (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.lead, leadHours(got)); diff != "" {
				t.Errorf("lead times in hours (-want +got):\n%s", diff)
			}
		})
	}
}

func leadHours(ss []Shipment) map[string][]float64 {
	out := map[string][]float64{}
	for _, s := range ss {
		out[s.Ref] = hoursOf(s.LeadTimes())
	}
	return out
}

func TestShipMarksFirstAndMissing(t *testing.T) {
	h := new(graph).line("", []string{"a", "b"}, []float64{0, 1}).history()
	got := Ship(h, []Deployment{deploy("b", 2, "v2"), deploy("a", 0.5, "v1"), deploy("nope", 3, "v3")})
	flags := []struct{ first, known bool }{{true, true}, {false, true}, {false, false}}
	for i, s := range got {
		if s.First != flags[i].first || s.Known != flags[i].known {
			t.Errorf("%s: first %v known %v, want %v %v", s.Ref, s.First, s.Known, flags[i].first, flags[i].known)
		}
	}
}

func TestShipInOtherTimeZones(t *testing.T) {
	tokyo := time.FixedZone("JST", 9*3600)
	denver := time.FixedZone("MDT", -6*3600)
	// Both commits were written at 10:00 UTC on the base day, in local time.
	h := NewHistory([]Commit{
		{SHA: "a", Author: hour(0), Committed: hour(0)},
		{SHA: "b", Parents: []string{"a"}, Author: time.Date(2024, 3, 4, 19, 0, 0, 0, tokyo), Committed: hour(10)},
		{SHA: "c", Parents: []string{"b"}, Author: time.Date(2024, 3, 4, 4, 0, 0, 0, denver), Committed: hour(10)},
	})
	got := leadHours(Ship(h, []Deployment{deploy("a", 1, "v1"), {SHA: "c", At: time.Date(2024, 3, 4, 8, 0, 0, 0, denver), Ref: "v2"}}))
	if diff := cmp.Diff(map[string][]float64{"v1": {}, "v2": {4, 4}}, got); diff != "" {
		t.Errorf("lead hours across zones (-want +got):\n%s", diff)
	}
}

func TestShipWithinAMonorepoServiceScope(t *testing.T) {
	// b touches the service, c touches another; both ship with v2.
	h := new(graph).line("", []string{"a", "b", "c"}, []float64{0, 1, 2}).history()
	h.SetScope(map[string]bool{"b": true})
	got := Ship(h, []Deployment{deploy("a", 0.5, "v1"), deploy("c", 3, "v2")})
	if diff := cmp.Diff(map[string][]string{"v1": {}, "v2": {"b"}}, shippedSHAs(got)); diff != "" {
		t.Errorf("shipped in scope (-want +got):\n%s", diff)
	}
	h.SetScope(nil)
	if got := Ship(h, []Deployment{deploy("a", 0.5, "v1"), deploy("c", 3, "v2")}); len(got[1].Commits) != 2 {
		t.Errorf("scope removed: %d commits, want 2", len(got[1].Commits))
	}
}
