package size

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/mvcbot/mvc/analyzer"
)

// Measure classifies and weighs every file of a change and judges it
// against the policy's budget. The policy should have passed Validate.
func Measure(c analyzer.Change, p Policy) Result {
	entries := measureEntries(c, p)
	r := Result{
		Budget:      p.Budget,
		ExemptLabel: p.ExemptLabel,
		Base:        c.Base,
		Head:        c.Head,
		Entries:     entries,
		Classes:     classTotals(entries),
	}
	var weight float64
	for _, e := range entries {
		weight += e.Weight
		if e.Class.Reviewable() {
			r.ReviewableFiles++
		}
	}
	r.WeightedLines = roundHalfUp(weight)
	r.roundWeights()
	r.Size = p.Buckets.Size(r.WeightedLines)
	r.applyTotals(c)
	r.OverBudget = overBudget(r.WeightedLines, r.ReviewableFiles, p.Budget)
	r.Verdict = verdict(r.OverBudget, c.Labels, p.ExemptLabel)
	return r
}

func measureEntries(c analyzer.Change, p Policy) []Entry {
	cl := NewClassifier(c, p)
	entries := make([]Entry, 0, len(c.Files))
	for _, f := range c.Files {
		cls := cl.Classify(f)
		entries = append(entries, Entry{
			Path:      f.Path,
			OldPath:   f.OldPath,
			Status:    f.Status,
			Class:     cls.Class,
			Why:       cls.Why,
			Additions: f.Additions,
			Deletions: f.Deletions,
			Binary:    f.Binary,
			Weight:    p.Weights.of(cls.Class, f),
		})
	}
	sort.SliceStable(entries, func(i, j int) bool { return entries[i].Path < entries[j].Path })
	return entries
}

// Of is the weight of one added line of class c (a deleted line weighs
// Deletion times that), or for Binary and Rename the weight of the whole
// file. Ignored files weigh nothing: the user asked for them not to count.
func (w Weights) Of(c Class) float64 {
	switch c {
	case Code:
		return w.Code
	case Test:
		return w.Test
	case Docs:
		return w.Docs
	case Generated:
		return w.Generated
	case Lockfile:
		return w.Lockfile
	case Vendored:
		return w.Vendored
	case Binary:
		return w.Binary
	case Rename:
		return w.Rename
	}
	return 0
}

// of is one file's weighted lines.
func (w Weights) of(c Class, f analyzer.FileChange) float64 {
	if c == Binary || c == Rename {
		return w.Of(c)
	}
	add := w.Of(c)
	return add*float64(f.Additions) + add*w.Deletion*float64(f.Deletions)
}

// roundHalfUp rounds to the nearest integer, halves up. The tiny epsilon
// absorbs float error from weights such as 0.1, so 2.5 summed as
// 2.4999999999 still rounds to 3.
func roundHalfUp(v float64) int {
	r := math.Floor(v + 0.5 + 1e-9)
	if r >= math.MaxInt64 || math.IsNaN(r) { // saturate: int(huge float) is undefined
		return math.MaxInt64
	}
	return int(r)
}

// roundWeights drops the float error of fractional weights from the
// reported per-file and per-class weights (15 × 0.7 is 10.5, not
// 10.499999999999998), once the weighted lines are summed from them.
func (r *Result) roundWeights() {
	for i := range r.Entries {
		r.Entries[i].Weight = roundWeight(r.Entries[i].Weight)
	}
	for i := range r.Classes {
		r.Classes[i].Weight = roundWeight(r.Classes[i].Weight)
	}
}

// roundWeight rounds to 12 significant digits: finer than any weight a
// config sets times any line count, coarser than float error.
func roundWeight(w float64) float64 {
	r, err := strconv.ParseFloat(strconv.FormatFloat(w, 'g', 12, 64), 64)
	if err != nil {
		return w
	}
	return r
}

func classTotals(entries []Entry) []ClassTotal {
	byClass := map[Class]*ClassTotal{}
	for _, e := range entries {
		t := byClass[e.Class]
		if t == nil {
			t = &ClassTotal{Class: e.Class}
			byClass[e.Class] = t
		}
		t.Files++
		t.Additions += e.Additions
		t.Deletions += e.Deletions
		t.Weight += e.Weight
	}
	out := make([]ClassTotal, 0, len(byClass)) // [] rather than null in JSON
	for _, c := range Classes {
		if t := byClass[c]; t != nil {
			out = append(out, *t)
		}
	}
	return out
}

// applyTotals fills the line and file counts. The host's totals, when
// given, are authoritative; a listed sum that disagrees with them means
// the list is incomplete, so the measured figures are only lower bounds.
func (r *Result) applyTotals(c analyzer.Change) {
	var add, del int
	for _, f := range c.Files {
		add += f.Additions
		del += f.Deletions
	}
	r.Additions, r.Deletions, r.Files, r.Exact = add, del, len(c.Files), true
	if c.Totals != (analyzer.Totals{}) {
		t := c.Totals
		r.Additions, r.Deletions, r.Files = t.Additions, t.Deletions, t.Files
		if t.Additions != add || t.Deletions != del || t.Files != len(c.Files) {
			r.Exact = false
			r.Unlisted = &Unlisted{
				Files:     max(t.Files-len(c.Files), 0),
				Additions: max(t.Additions-add, 0),
				Deletions: max(t.Deletions-del, 0),
			}
		}
	}
	r.ChangedLines = r.Additions + r.Deletions
}

func overBudget(weighted, reviewable int, b Budget) []string {
	var over []string
	if weighted > b.Lines {
		over = append(over, fmt.Sprintf("%d weighted lines exceed the budget of %d", weighted, b.Lines))
	}
	if reviewable > b.Files {
		over = append(over, fmt.Sprintf("%d reviewable files exceed the budget of %d", reviewable, b.Files))
	}
	return over
}

// verdict: the exempt label wins over the budget. GitHub compares label
// names case-insensitively, and so does mvc.
func verdict(over []string, labels []string, exempt string) Verdict {
	for _, l := range labels {
		if exempt != "" && strings.EqualFold(l, exempt) {
			return VerdictExempt
		}
	}
	if len(over) > 0 {
		return VerdictTooLarge
	}
	return VerdictMVC
}
