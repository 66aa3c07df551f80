package delivery

import (
	"math"
	"sort"
)

// Quantile returns the p-quantile of values by linear interpolation between
// closest ranks: sorted ascending, index p·(n−1), interpolating between the
// two values around a fractional index. For p = 0.5 this is the median as
// the issue defines it (the mean of the two middle values for even n).
// It returns nil for no values: nothing to measure is not zero.
func Quantile(values []float64, p float64) *float64 {
	if len(values) == 0 {
		return nil
	}
	sorted := append([]float64(nil), values...)
	sort.Float64s(sorted)
	return quantileSorted(sorted, p)
}

func quantileSorted(sorted []float64, p float64) *float64 {
	if len(sorted) == 0 {
		return nil
	}
	pos := p * float64(len(sorted)-1)
	lo := int(math.Floor(pos))
	hi := min(lo+1, len(sorted)-1)
	v := sorted[lo] + (pos-float64(lo))*(sorted[hi]-sorted[lo])
	return &v
}

// Distribution is a summary of a set of durations, in hours.
type Distribution struct {
	Median *float64 `json:"median"`
	P75    *float64 `json:"p75"`
	P90    *float64 `json:"p90"`
	N      int      `json:"n"`
}

// Distribute summarises hours: median, p75, p90 and n.
func Distribute(hours []float64) Distribution {
	sorted := append([]float64(nil), hours...)
	sort.Float64s(sorted)
	return Distribution{
		Median: quantileSorted(sorted, 0.5),
		P75:    quantileSorted(sorted, 0.75),
		P90:    quantileSorted(sorted, 0.9),
		N:      len(sorted),
	}
}
