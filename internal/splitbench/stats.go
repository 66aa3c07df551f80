package splitbench

import (
	"math/rand"
	"sort"
)

// Summary describes one metric over the cases.
type Summary struct {
	N      int     `json:"n"` // cases measured; 0 leaves the rest at 0
	Mean   float64 `json:"mean"`
	Median float64 `json:"median"`
	// CILow and CIHigh bound a bootstrap 95% confidence interval of the
	// mean.
	CILow  float64 `json:"ci95_low"`
	CIHigh float64 `json:"ci95_high"`
}

// bootstrapRounds is how many resamples estimate the interval.
const bootstrapRounds = 2000

func summarize(values []float64, seed int64) Summary {
	if len(values) == 0 {
		return Summary{}
	}
	s := Summary{N: len(values), Mean: mean(values), Median: median(values)}
	rng := rand.New(rand.NewSource(seed))
	means := make([]float64, bootstrapRounds)
	sample := make([]float64, len(values))
	for r := range means {
		for i := range sample {
			sample[i] = values[rng.Intn(len(values))]
		}
		means[r] = mean(sample)
	}
	sort.Float64s(means)
	s.CILow = means[int(0.025*float64(bootstrapRounds))]
	s.CIHigh = means[int(0.975*float64(bootstrapRounds))-1]
	return s
}

func mean(v []float64) float64 {
	sum := 0.0
	for _, x := range v {
		sum += x
	}
	return sum / float64(len(v))
}

func median(v []float64) float64 {
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}
