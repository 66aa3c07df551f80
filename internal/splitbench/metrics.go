package splitbench

import (
	"math"
	"sort"
)

// contingency counts items by (true label, predicted label).
type contingency struct {
	n        int
	cells    map[[2]int]int
	trueSum  map[int]int
	predSum  map[int]int
	trueKeys []int
	predKeys []int
}

func newContingency(truth, pred []int) contingency {
	c := contingency{n: len(truth), cells: map[[2]int]int{}, trueSum: map[int]int{}, predSum: map[int]int{}}
	for i := range truth {
		c.cells[[2]int{truth[i], pred[i]}]++
		c.trueSum[truth[i]]++
		c.predSum[pred[i]]++
	}
	c.trueKeys, c.predKeys = sortedKeys(c.trueSum), sortedKeys(c.predSum)
	return c
}

func sortedKeys(m map[int]int) []int {
	keys := make([]int, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	return keys
}

func pairs(n int) float64 { return float64(n) * float64(n-1) / 2 }

// pairCounts returns the line pairs together in both partitions, together
// in the truth, and together in the prediction.
func (c contingency) pairCounts() (both, inTrue, inPred float64) {
	for _, v := range c.cells {
		both += pairs(v)
	}
	for _, v := range c.trueSum {
		inTrue += pairs(v)
	}
	for _, v := range c.predSum {
		inPred += pairs(v)
	}
	return both, inTrue, inPred
}

// ARI is the adjusted Rand index of two labelings of the same items:
// 1 for identical partitions, about 0 for a partition no better than
// chance (lumping everything together scores exactly 0), negative for
// worse. Two trivial partitions that agree score 1.
func ARI(truth, pred []int) float64 {
	c := newContingency(truth, pred)
	if c.n < 2 {
		return 1
	}
	index, a, b := c.pairCounts()
	expected := a * b / pairs(c.n)
	maxIndex := (a + b) / 2
	if maxIndex == expected {
		if index == maxIndex {
			return 1
		}
		return 0
	}
	return (index - expected) / (maxIndex - expected)
}

// PairwisePRF scores the prediction over line pairs: precision is the
// share of pairs put together that belong together, recall the share of
// pairs that belong together that were put together. A prediction that
// puts no pair together has precision 1.
func PairwisePRF(truth, pred []int) (precision, recall, f1 float64) {
	both, inTrue, inPred := newContingency(truth, pred).pairCounts()
	precision, recall = 1, 1
	if inPred > 0 {
		precision = both / inPred
	}
	if inTrue > 0 {
		recall = both / inTrue
	}
	if precision+recall > 0 {
		f1 = 2 * precision * recall / (precision + recall)
	}
	return precision, recall, f1
}

// MatchedAccuracy pairs true and predicted groups one to one so as to
// cover the most items (the Hungarian method) and returns the share
// covered: the accuracy SmartCommit and Flexeme report.
func MatchedAccuracy(truth, pred []int) float64 {
	c := newContingency(truth, pred)
	if c.n == 0 {
		return 1
	}
	rows, cols := c.trueKeys, c.predKeys
	transpose := len(rows) > len(cols)
	if transpose {
		rows, cols = cols, rows
	}
	weight := make([][]float64, len(rows))
	for i, r := range rows {
		weight[i] = make([]float64, len(cols))
		for j, col := range cols {
			key := [2]int{r, col}
			if transpose {
				key = [2]int{col, r}
			}
			weight[i][j] = float64(c.cells[key])
		}
	}
	return maxAssignment(weight) / float64(c.n)
}

// maxAssignment is the Hungarian algorithm (shortest augmenting paths with
// potentials) for a rows x cols weight matrix with rows <= cols; it returns
// the largest total weight of a matching that covers every row.
func maxAssignment(w [][]float64) float64 {
	n := len(w)
	if n == 0 {
		return 0
	}
	m := len(w[0])
	u, v := make([]float64, n+1), make([]float64, m+1)
	match := make([]int, m+1) // column -> row (1-based), 0 for free
	way := make([]int, m+1)
	for i := 1; i <= n; i++ {
		match[0] = i
		j0 := 0
		minv := make([]float64, m+1)
		used := make([]bool, m+1)
		for j := range minv {
			minv[j] = math.Inf(1)
		}
		for match[j0] != 0 {
			used[j0] = true
			i0, delta, j1 := match[j0], math.Inf(1), 0
			for j := 1; j <= m; j++ {
				if used[j] {
					continue
				}
				cur := -w[i0-1][j-1] - u[i0] - v[j]
				if cur < minv[j] {
					minv[j], way[j] = cur, j0
				}
				if minv[j] < delta {
					delta, j1 = minv[j], j
				}
			}
			for j := 0; j <= m; j++ {
				if used[j] {
					u[match[j]] += delta
					v[j] -= delta
				} else {
					minv[j] -= delta
				}
			}
			j0 = j1
		}
		for j0 != 0 {
			j1 := way[j0]
			match[j0] = match[j1]
			j0 = j1
		}
	}
	total := 0.0
	for j := 1; j <= m; j++ {
		if match[j] != 0 {
			total += w[match[j]-1][j-1]
		}
	}
	return total
}
