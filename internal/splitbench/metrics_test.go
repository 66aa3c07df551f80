package splitbench

import (
	"math"
	"testing"
)

func TestARI(t *testing.T) {
	tests := []struct {
		name        string
		truth, pred []int
		want        float64
	}{
		{"identical", []int{1, 1, 2, 2, 3}, []int{7, 7, 8, 8, 9}, 1},
		{"all in one scores zero", []int{1, 1, 2, 2}, []int{0, 0, 0, 0}, 0},
		{"two trivial partitions agree", []int{1, 1, 1}, []int{5, 5, 5}, 1},
		// The textbook example (Hubert & Arabie): 0.242 for these labelings.
		{"partial", []int{0, 0, 0, 1, 1, 1}, []int{0, 0, 1, 1, 2, 2}, 0.2424},
		{"worse than chance", []int{0, 0, 1, 1}, []int{0, 1, 0, 1}, -0.5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ARI(tt.truth, tt.pred); math.Abs(got-tt.want) > 1e-3 {
				t.Errorf("ARI = %.4f, want %.4f", got, tt.want)
			}
		})
	}
}

func TestPairwiseAndMatched(t *testing.T) {
	truth := []int{1, 1, 1, 2, 2}
	pred := []int{1, 1, 2, 2, 2}
	p, r, f1 := PairwisePRF(truth, pred)
	// Pairs together in pred: 1+3 = 4, of which (0,1) and (3,4) are right.
	if math.Abs(p-0.5) > 1e-9 || math.Abs(r-0.5) > 1e-9 || math.Abs(f1-0.5) > 1e-9 {
		t.Errorf("P/R/F1 = %.3f %.3f %.3f, want 0.5 each", p, r, f1)
	}
	if got := MatchedAccuracy(truth, pred); math.Abs(got-0.8) > 1e-9 {
		t.Errorf("matched accuracy = %.3f, want 0.8", got)
	}
	// More predicted groups than true ones: the matching leaves extras out.
	if got := MatchedAccuracy([]int{1, 1, 2, 2}, []int{1, 2, 3, 4}); math.Abs(got-0.5) > 1e-9 {
		t.Errorf("matched accuracy per item = %.3f, want 0.5", got)
	}
	if p, _, _ := PairwisePRF([]int{1, 2}, []int{1, 2}); p != 1 {
		t.Errorf("precision with no predicted pair = %v, want 1", p)
	}
}

func TestMaxAssignment(t *testing.T) {
	w := [][]float64{{4, 1, 3}, {2, 0, 5}}
	if got := maxAssignment(w); got != 9 { // 4 + 5
		t.Errorf("maxAssignment = %v, want 9", got)
	}
}

func TestSummarize(t *testing.T) {
	s := summarize([]float64{0.1, 0.2, 0.3, 0.4}, 1)
	if s.N != 4 || math.Abs(s.Mean-0.25) > 1e-9 || math.Abs(s.Median-0.25) > 1e-9 {
		t.Errorf("summary = %+v", s)
	}
	if !(s.CILow <= s.Mean && s.Mean <= s.CIHigh && s.CILow >= 0.1 && s.CIHigh <= 0.4) {
		t.Errorf("interval %.3f–%.3f does not hold the mean within the data", s.CILow, s.CIHigh)
	}
	if e := summarize(nil, 1); e != (Summary{}) {
		t.Errorf("empty summary = %+v, want zero", e)
	}
}
