package split

import (
	"fmt"
	"math"
	"testing"
)

// Past the pair budget a file pair scores an even sample of its atom
// pairs, each weighing for the pairs it stands for: the sample's line
// pairs add up to the file pair's, and within budget every pair is
// scored as before.
func TestSampledPairsStandForAllPairs(t *testing.T) {
	var funcs []string
	for i := range 40 {
		funcs = append(funcs, fmt.Sprintf("F%d", i))
	}
	in := changeOf(map[string][2]string{
		"pkg/a.go": {"package pkg\n", goFuncs("pkg", funcs...)},
		"pkg/b.go": {"package pkg\n\nfunc G() {}\n", goFuncs("pkg", append([]string{"G"}, funcs[:30]...)...)},
	})
	w, err := prepare(in)
	if err != nil {
		t.Fatal(err)
	}
	w.describeAtoms()
	w.baseLogit = w.caseLogit()
	w.base = sigmoid(w.baseLogit)
	u := newUnionFind(len(w.atoms)) // no hard links: every atom its own group
	groups, of := w.initialGroups(u)
	l := w.newLinker()
	for _, k := range [][2]int{{0, 1}, {0, 0}} {
		all := w.scoreFilePair(l, k, groups, of, 1, nil)
		m := atomPairs(len(w.files[k[0]].atoms), len(w.files[k[1]].atoms), k[0] == k[1])
		if len(all) != m {
			t.Fatalf("files %v: %d pairs scored in full, want %d", k, len(all), m)
		}
		for _, rate := range []float64{0.5, 0.1, 0.013} {
			sample := w.scoreFilePair(l, k, groups, of, rate, nil)
			if want := int(math.Ceil(float64(m) * rate)); len(sample) != want {
				t.Errorf("files %v at rate %v: %d pairs scored, want %d", k, rate, len(sample), want)
			}
			step := float64(m) / float64(len(sample))
			for _, p := range sample {
				a, b := w.atoms[p.ga], w.atoms[p.gb] // one atom per group
				want := step * float64(a.lines*b.lines) * (w.pairProbability(l, l.files[k], a, b) - w.base)
				if math.Abs(p.d+p.fold-want) > 1e-9*math.Abs(want) {
					t.Fatalf("files %v at rate %v: pair %d-%d weighs %v, want %v", k, rate, p.ga, p.gb, p.d+p.fold, want)
				}
			}
			var full, est float64
			for _, p := range all {
				full += groupsLines(groups, p)
			}
			for _, p := range sample {
				est += groupsLines(groups, p) * step
			}
			if math.Abs(est-full) > 0.15*full {
				t.Errorf("files %v at rate %v: the sample stands for %.0f line pairs, the file pair has %.0f", k, rate, est, full)
			}
		}
	}
}

func groupsLines(groups []*group, p scoredPair) float64 {
	return float64(groups[p.ga].lines * groups[p.gb].lines)
}
