package delivery

import (
	"math"
	"testing"
)

func TestQuantile(t *testing.T) {
	tests := []struct {
		name   string
		values []float64
		p      float64
		want   *float64
	}{
		{"empty is nothing to measure", nil, 0.5, nil},
		{"one value", []float64{7}, 0.9, ptr(7)},
		{"odd median is the middle", []float64{9, 1, 5}, 0.5, ptr(5)},
		{"even median is the mean of the middle two", []float64{4, 1, 10, 2}, 0.5, ptr(3)},
		{"p75 interpolates at index 0.75·(n−1)", []float64{1, 2, 3, 4}, 0.75, ptr(3.25)},
		{"p90 interpolates at index 0.9·(n−1)", []float64{10, 20, 30, 40, 50}, 0.9, ptr(46)},
		{"p90 of ten", []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 0.9, ptr(9.1)},
		{"p0 is the minimum", []float64{3, 1, 2}, 0, ptr(1)},
		{"p1 is the maximum", []float64{3, 1, 2}, 1, ptr(3)},
		{"negative values sort too", []float64{-2, 4}, 0.5, ptr(1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Quantile(tt.values, tt.p)
			switch {
			case tt.want == nil && got != nil:
				t.Fatalf("Quantile = %v, want nil", *got)
			case tt.want != nil && got == nil:
				t.Fatalf("Quantile = nil, want %v", *tt.want)
			case tt.want != nil && math.Abs(*got-*tt.want) > 1e-9:
				t.Fatalf("Quantile = %v, want %v", *got, *tt.want)
			}
		})
	}
}

func TestQuantileDoesNotReorderInput(t *testing.T) {
	in := []float64{3, 1, 2}
	Quantile(in, 0.5)
	if in[0] != 3 || in[1] != 1 || in[2] != 2 {
		t.Fatalf("input reordered: %v", in)
	}
}

func TestDistribute(t *testing.T) {
	d := Distribute([]float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
	if *d.Median != 5.5 || *d.P75 != 7.75 || math.Abs(*d.P90-9.1) > 1e-9 || d.N != 10 {
		t.Fatalf("Distribute = median %v p75 %v p90 %v n %d", *d.Median, *d.P75, *d.P90, d.N)
	}
	if e := Distribute(nil); e.Median != nil || e.P75 != nil || e.P90 != nil || e.N != 0 {
		t.Fatalf("Distribute(nil) = %+v, want all nil", e)
	}
}
