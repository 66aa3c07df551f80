package split

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// Consolidate merges consecutive parts of a stack into the fewest parts that
// fit the budget, as evenly sized as it can. Split proposes the parts an
// author would likely have made; a reviewer of a change just over budget may
// rather open two pull requests than ten. Merging only neighbours in stack
// order keeps definitions before uses and every line in exactly one part, so
// the result applies and reproduces the head exactly as the plan did. A part
// that is over budget on its own stays alone.
func Consolidate(p Plan) Plan {
	n := len(p.Parts)
	if n < 2 {
		return p
	}
	cuts := balancedCuts(p.Parts, p.Budget)
	out := p
	out.Parts = make([]Part, 0, len(cuts))
	newIndex := make(map[int]int, n) // old part index → new one
	start := 0
	for i, end := range cuts {
		for _, part := range p.Parts[start:end] {
			newIndex[part.Index] = i + 1
		}
		out.Parts = append(out.Parts, mergeParts(p.Parts[start:end]))
		start = end
	}
	for i := range out.Parts {
		out.Parts[i].Index = i + 1
		out.Parts[i].DependsOn = remapDeps(out.Parts[i].DependsOn, newIndex, i+1)
	}
	return out
}

// alone reports a part that stays a run of its own: one over budget, or
// vendored code, which weighs nothing but is never mixed with the
// change's own.
func alone(p Part) bool { return p.OverBudget || p.Kind == KindVendored }

// balancedCuts splits the stack into the fewest runs that fit, and among
// those, the runs whose largest is smallest (a linear-partition dynamic
// program). A run grows to the left only while it fits, so each step looks
// at the runs that fit and no further: O(k·n·r) for n parts, k runs and
// runs of at most r parts. It returns each run's end.
func balancedCuts(parts []Part, b Budget) []int {
	n := len(parts)
	// cost[k][j]: the smallest largest run when parts[:j] make k runs.
	inf := math.MaxInt
	cost := [][]int{make([]int, n+1)}
	from := [][]int{make([]int, n+1)}
	for j := 1; j <= n; j++ {
		cost[0][j] = inf
	}
	for k := 1; ; k++ {
		cost = append(cost, make([]int, n+1))
		from = append(from, make([]int, n+1))
		for j := 0; j <= n; j++ {
			cost[k][j] = inf
			lines, files := 0, 0
			for i := j - 1; i >= 0; i-- { // the run parts[i:j]
				p := parts[i]
				lines += p.WeightedLines
				files += p.ReviewableFiles
				// A part alone always fits, even over budget; a longer run
				// fits while no part is over or vendored and the sums stay
				// within.
				if i < j-1 && (alone(p) || alone(parts[j-1]) || lines > b.Lines || files > b.Files) {
					break
				}
				if cost[k-1][i] == inf {
					continue
				}
				// <=: among equal runs the longest last one wins, as the
				// cuts have always been made.
				if c := max(cost[k-1][i], lines); c <= cost[k][j] {
					cost[k][j], from[k][j] = c, i
				}
			}
		}
		if cost[k][n] != inf {
			cuts := make([]int, k)
			for j, kk := n, k; kk > 0; kk-- {
				cuts[kk-1] = j
				j = from[kk][j]
			}
			return cuts
		}
	}
}

// mergeParts joins consecutive parts into one, file by file.
func mergeParts(parts []Part) Part {
	if len(parts) == 1 {
		return parts[0]
	}
	// The merged part is of the kind of what weighs most in it: a move
	// merged with code is code to review, not a mechanical edit.
	m := Part{Kind: heaviest(parts).Kind}
	byPath := map[string]int{}
	var titles []string
	for _, p := range parts {
		titles = append(titles, p.Title)
		m.WeightedLines += p.WeightedLines
		m.ChangedLines += p.ChangedLines
		m.ReviewableFiles += p.ReviewableFiles
		m.DependsOn = append(m.DependsOn, p.DependsOn...)
		for _, f := range p.Files {
			if i, ok := byPath[f.Path]; ok {
				m.Files[i].Hunks = append(m.Files[i].Hunks, f.Hunks...)
				m.ReviewableFiles-- // one file, counted by both parts
				continue
			}
			byPath[f.Path] = len(m.Files)
			f.Hunks = slices.Clone(f.Hunks)
			m.Files = append(m.Files, f)
		}
	}
	for i := range m.Files {
		slices.SortFunc(m.Files[i].Hunks, func(a, b PartHunk) int {
			if a.OldStart != b.OldStart {
				return a.OldStart - b.OldStart
			}
			return a.NewStart - b.NewStart
		})
	}
	slices.SortFunc(m.Files, func(a, b PartFile) int { return strings.Compare(a.Path, b.Path) })
	m.ReviewableFiles = max(m.ReviewableFiles, 0)
	m.Title = consolidatedTitle(parts)
	m.Rationale = fmt.Sprintf("%d proposed parts merged to make fewer pull requests within the budget: %s.",
		len(parts), strings.Join(titles, "; "))
	return m
}

// consolidatedTitle names merged parts by the one that weighs most, and
// counts the others: two or three titles joined read as one long list of
// names ("…; Update docs: AGENTS.md and SECURITY.md and 2 more"). The
// rationale lists them all.
func consolidatedTitle(parts []Part) string {
	main := heaviest(parts)
	others := len(parts) - 1
	noun := "parts"
	if others == 1 {
		noun = "part"
	}
	return fmt.Sprintf("%s, and %d more %s", main.Title, others, noun)
}

// heaviest is the part that weighs most, the first among equals.
func heaviest(parts []Part) Part {
	main := parts[0]
	for _, p := range parts[1:] {
		if p.WeightedLines > main.WeightedLines {
			main = p
		}
	}
	return main
}

// remapDeps renames dependencies to the merged parts, dropping a part's
// dependency on itself.
func remapDeps(deps []int, newIndex map[int]int, self int) []int {
	out := []int{}
	for _, d := range deps {
		if nd, ok := newIndex[d]; ok && nd != self && !slices.Contains(out, nd) {
			out = append(out, nd)
		}
	}
	slices.Sort(out)
	return out
}
