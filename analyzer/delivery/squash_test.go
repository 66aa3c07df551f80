package delivery

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestSquashAndRebaseMerges(t *testing.T) {
	tests := []struct {
		name      string
		graph     *graph
		originals map[string][]time.Time
		want      []float64 // lead hours of the second deployment
		expanded  int
	}{
		{
			name: "a squash commit counts as its pull request's original commits",
			// s squashes a PR written at hours 2 and 5, merged at hour 10.
			graph:     new(graph).line("", []string{"a", "s"}, []float64{0, 10}),
			originals: map[string][]time.Time{"s": {hour(2), hour(5)}},
			want:      []float64{18, 15},
			expanded:  1,
		},
		{
			name:  "without the API a squash commit counts from its own date",
			graph: new(graph).line("", []string{"a", "s"}, []float64{0, 10}),
			want:  []float64{10},
		},
		{
			name: "rebased commits keep author dates and are not counted twice",
			// r1 and r2 are the PR's commits rebased: authored at 2 and 5,
			// committed at 10; GitHub names r2 the merge commit.
			graph:     new(graph).line("", []string{"a"}, []float64{0}).add("r1", 2, 10, "a").add("r2", 5, 10, "r1"),
			originals: map[string][]time.Time{"r2": {hour(2), hour(5)}},
			want:      []float64{18, 15},
		},
		{
			name:      "a single-commit squash that kept its author date is left alone",
			graph:     new(graph).line("", []string{"a"}, []float64{0}).add("s", 3, 10, "a"),
			originals: map[string][]time.Time{"s": {hour(3)}},
			want:      []float64{17},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := tt.graph.history()
			h.SetOriginals(tt.originals)
			last := tt.graph.commits[len(tt.graph.commits)-1].SHA
			got := Ship(h, []Deployment{deploy("a", 1, "v1"), deploy(last, 20, "v2")})
			if diff := cmp.Diff(tt.want, hoursOf(got[1].LeadTimes())); diff != "" {
				t.Errorf("lead hours (-want +got):\n%s", diff)
			}
			if got[1].Expanded != tt.expanded {
				t.Errorf("expanded %d, want %d", got[1].Expanded, tt.expanded)
			}
		})
	}
}

func TestSquashCandidates(t *testing.T) {
	g := new(graph).line("", []string{"a", "b", "c", "d"}, []float64{0, 1, 2, 3})
	for i := range g.commits {
		g.commits[i].CommitterEmail = GitHubCommitter
	}
	g.commits[2].CommitterEmail = "dev@example.com" // c was pushed directly
	h := g.history()
	deploys := []Deployment{deploy("a", 0.5, "v1"), deploy("b", 1.5, "v2"), deploy("d", 30*24, "v3")}
	// Window (day 29, day 30+]: v3 ships c and d; the previous window
	// holds v2, which ships b; v1 is the first deployment.
	got := SquashCandidates(h, deploys, Options{Until: hour(30*24 + 1), WindowDays: 2})
	if diff := cmp.Diff([]string{"d"}, got); diff != "" {
		t.Errorf("two-day window (-want +got):\n%s", diff)
	}
	got = SquashCandidates(h, deploys, Options{Until: hour(30*24 + 1), WindowDays: 30})
	if diff := cmp.Diff([]string{"d", "b"}, got); diff != "" {
		t.Errorf("30-day window (-want +got):\n%s", diff)
	}
}
