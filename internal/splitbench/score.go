package splitbench

import (
	"math"
	"sort"

	"github.com/mvcbot/mvc/analyzer/split"
)

// predictor puts an item in a group, for one method.
type predictor func(it item) int

func predictors(in split.Input) map[string]predictor {
	dirs := map[string]int{}
	for _, f := range in.Change.Files {
		if _, ok := dirs[dirOf(f.Path)]; !ok {
			dirs[dirOf(f.Path)] = len(dirs)
		}
	}
	return map[string]predictor{
		MethodMVC:      func(it item) int { return it.mvc },
		MethodAllInOne: func(item) int { return 0 },
		MethodPerFile:  func(it item) int { return it.file },
		MethodPerDir:   func(it item) int { return dirs[dirOf(in.Change.Files[it.file].Path)] },
		MethodPerHunk:  func(it item) int { return it.hunk },
	}
}

func scoreMethods(in split.Input, all, scored []item, mvcParts, k int) map[string]Scores {
	weights := split.FileWeights(in)
	out := map[string]Scores{}
	for name, predict := range predictors(in) {
		truth, pred := make([]int, len(scored)), make([]int, len(scored))
		for i, it := range scored {
			truth[i], pred[i] = it.truth, predict(it)
		}
		s := Scores{LineARI: ARI(truth, pred), Matched: MatchedAccuracy(truth, pred)}
		s.Precision, s.Recall, s.F1 = PairwisePRF(truth, pred)
		s.HunkARI = ARI(majorities(scored, predict, func(it item) int { return it.hunk }))
		s.FileARI = ARI(majorities(scored, predict, func(it item) int { return it.file }))
		s.Parts, s.WithinBudget = budgetShare(in, weights, all, predict)
		if name == MethodMVC {
			s.Parts = mvcParts
		}
		s.PartCountError = math.Abs(float64(s.Parts - k))
		out[name] = s
	}
	return out
}

// majorities labels each unit (hunk or file) with the commonest true and
// predicted label of its scored lines, the smallest label on a tie.
func majorities(items []item, predict predictor, unit func(item) int) (truth, pred []int) {
	type counts struct{ truth, pred map[int]int }
	byUnit := map[int]*counts{}
	var units []int
	for _, it := range items {
		u := unit(it)
		c := byUnit[u]
		if c == nil {
			c = &counts{map[int]int{}, map[int]int{}}
			byUnit[u] = c
			units = append(units, u)
		}
		c.truth[it.truth]++
		c.pred[predict(it)]++
	}
	sort.Ints(units)
	for _, u := range units {
		truth = append(truth, argmax(byUnit[u].truth))
		pred = append(pred, argmax(byUnit[u].pred))
	}
	return truth, pred
}

func argmax(m map[int]int) int {
	best, bestN := 0, -1
	for k, n := range m {
		if n > bestN || n == bestN && k < best {
			best, bestN = k, n
		}
	}
	return best
}

// budgetShare groups every changed line as the method would and returns
// the number of groups and the share within the budget.
func budgetShare(in split.Input, weights []split.FileWeight, all []item, predict predictor) (int, float64) {
	type load struct {
		weight float64
		files  map[int]bool
	}
	groups := map[int]*load{}
	for _, it := range all {
		g := groups[predict(it)]
		if g == nil {
			g = &load{files: map[int]bool{}}
			groups[predict(it)] = g
		}
		g.weight += it.weight
		if weights[it.file].Reviewable {
			g.files[it.file] = true
		}
	}
	within := 0
	for _, g := range groups {
		if int(math.Floor(g.weight+0.5+1e-9)) <= in.Policy.Budget.Lines && len(g.files) <= in.Policy.Budget.Files {
			within++
		}
	}
	if len(groups) == 0 {
		return 0, 1
	}
	return len(groups), float64(within) / float64(len(groups))
}

// MethodSummary aggregates one method over the scored cases.
type MethodSummary struct {
	Method         string  `json:"method"`
	LineARI        Summary `json:"line_ari"`
	HunkARI        Summary `json:"hunk_ari"`
	FileARI        Summary `json:"file_ari"`
	Precision      Summary `json:"pair_precision"`
	Recall         Summary `json:"pair_recall"`
	F1             Summary `json:"pair_f1"`
	Matched        Summary `json:"matched_accuracy"`
	PartCountError Summary `json:"part_count_error"`
	WithinBudget   Summary `json:"within_budget"`
}

func summarizeMethods(cases []CaseResult, seed int64) []MethodSummary {
	var out []MethodSummary
	for _, m := range Methods {
		get := func(f func(Scores) float64) Summary {
			var v []float64
			for _, c := range cases {
				if s, ok := c.Scores[m]; ok {
					v = append(v, f(s))
				}
			}
			return summarize(v, seed)
		}
		out = append(out, MethodSummary{
			Method:         m,
			LineARI:        get(func(s Scores) float64 { return s.LineARI }),
			HunkARI:        get(func(s Scores) float64 { return s.HunkARI }),
			FileARI:        get(func(s Scores) float64 { return s.FileARI }),
			Precision:      get(func(s Scores) float64 { return s.Precision }),
			Recall:         get(func(s Scores) float64 { return s.Recall }),
			F1:             get(func(s Scores) float64 { return s.F1 }),
			Matched:        get(func(s Scores) float64 { return s.Matched }),
			PartCountError: get(func(s Scores) float64 { return s.PartCountError }),
			WithinBudget:   get(func(s Scores) float64 { return s.WithinBudget }),
		})
	}
	return out
}
