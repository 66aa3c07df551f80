package golang

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/mvcbot/mvc/analyzer"
	"github.com/mvcbot/mvc/analyzer/split"
)

// fix changes the plan so that the prefix ending at part k (0-based) has a
// better chance to build, given the errors it showed. When moves are
// allowed, every later hunk the errors point at comes forward into part
// k: the hunk that changes the line an error is on (an old call of a
// changed signature) and the hunk that defines a name an error misses.
// When none is found, or moves are used up, the next part merges into
// part k: the prefix then reaches further towards the head, which builds,
// so repairs always end. It returns one note per change.
func fix(in split.Input, plan split.Plan, k int, problems []Problem, mayMove bool) (split.Plan, []string, bool) {
	if mayMove {
		if refs, notes := neededHunks(plan, k, problems); len(refs) > 0 {
			return moveHunks(in, plan, refs, k), notes, true
		}
	}
	if k+1 >= len(plan.Parts) {
		return plan, nil, false
	}
	note := fmt.Sprintf("merged part %d into part %d, which does not build without it", k+2, k+1)
	return mergeParts(in, plan, k, k+1), []string{note}, true
}

// neededHunks lists the later hunks the errors of prefix k point at.
func neededHunks(plan split.Plan, k int, problems []Problem) ([]hunkRef, []string) {
	var refs []hunkRef
	var notes []string
	seen := map[hunkRef]bool{}
	add := func(ref hunkRef, note string) {
		if !seen[ref] {
			seen[ref] = true
			refs = append(refs, ref)
			notes = append(notes, note)
		}
	}
	for _, p := range problems {
		if ref, ok := laterHunkAt(plan, k, p); ok {
			add(ref, fmt.Sprintf("moved a hunk of %s from part %d to part %d: part %d needs it (%s)", p.Path, ref.part+1, k+1, k+1, p))
		}
		for _, name := range missingNames(p.Msg) {
			if ref, path, ok := laterDefinition(plan, k, name); ok {
				add(ref, fmt.Sprintf("moved the definition of %s in %s from part %d to part %d, which uses it", name, path, ref.part+1, k+1))
			}
		}
	}
	return refs, notes
}

// moveHunks moves several hunks into part k, the last first, so that the
// positions of those still to move stay valid.
func moveHunks(in split.Input, plan split.Plan, refs []hunkRef, k int) split.Plan {
	sort.Slice(refs, func(i, j int) bool {
		a, b := refs[i], refs[j]
		if a.part != b.part {
			return a.part > b.part
		}
		if a.file != b.file {
			return a.file > b.file
		}
		return a.hunk > b.hunk
	})
	for _, ref := range refs {
		plan = moveHunk(in, plan, ref, k)
	}
	return plan
}

// laterHunkAt finds a hunk of a part after k that changes the base line an
// error points at, in the state after parts 0..k.
func laterHunkAt(plan split.Plan, k int, p Problem) (hunkRef, bool) {
	if p.Path == "" || p.Line <= 0 {
		return hunkRef{}, false
	}
	var applied []split.PartHunk
	for _, part := range plan.Parts[:k+1] {
		for _, f := range part.Files {
			if f.Path == p.Path {
				applied = append(applied, f.Hunks...)
			}
		}
	}
	baseLine, ok := baseLineOf(applied, p.Line)
	if !ok {
		return hunkRef{}, false
	}
	for i := k + 1; i < len(plan.Parts); i++ {
		for j, f := range plan.Parts[i].Files {
			if f.Path != p.Path {
				continue
			}
			for h, hk := range f.Hunks {
				if hk.OldLines > 0 && hk.OldStart <= baseLine && baseLine < hk.OldStart+hk.OldLines {
					return hunkRef{part: i, file: j, hunk: h}, true
				}
			}
		}
	}
	return hunkRef{}, false
}

// baseLineOf maps a 1-based line of the base with the applied hunks to the
// base line it came from; ok is false for a line the hunks added.
func baseLineOf(applied []split.PartHunk, line int) (int, bool) {
	sorted := append([]split.PartHunk(nil), applied...)
	sort.Slice(sorted, func(a, b int) bool { return oldIndex(sorted[a]) < oldIndex(sorted[b]) })
	delta := 0 // state line minus base line, before the current hunk
	for _, h := range sorted {
		start := oldIndex(h) + delta // 0-based state index of the hunk's first new line
		switch {
		case line-1 < start:
			return line - delta, true
		case line-1 < start+h.NewLines:
			return 0, false
		}
		delta += h.NewLines - h.OldLines
	}
	return line - delta, true
}

// oldIndex is the 0-based base index where a hunk starts; a pure
// insertion comes after line OldStart.
func oldIndex(h split.PartHunk) int {
	if h.OldLines == 0 {
		return h.OldStart
	}
	return h.OldStart - 1
}

// missingPatterns pull the name a type error misses out of go/types'
// messages: an undefined name, a missing field or method, the function
// whose call no longer fits.
var missingPatterns = []*regexp.Regexp{
	regexp.MustCompile(`undefined: (?:\w+\.)?(\w+)`),
	regexp.MustCompile(`has no field or method (\w+)`),
	regexp.MustCompile(`missing method (\w+)`),
	regexp.MustCompile(`in (?:call|argument) to (?:[\w.]+\.)?(\w+)`),
	regexp.MustCompile(`undefined \(type .* has no (?:field or )?method (\w+)`),
}

func missingNames(msg string) []string {
	var names []string
	seen := map[string]bool{}
	for _, re := range missingPatterns {
		for _, m := range re.FindAllStringSubmatch(msg, -1) {
			if !seen[m[1]] {
				seen[m[1]] = true
				names = append(names, m[1])
			}
		}
	}
	return names
}

// laterDefinition finds, in the parts after k, a hunk whose added lines
// declare name: first a func or method, a type, a var or const; only then
// a line inside a group, struct or interface, which a statement can look
// like.
func laterDefinition(plan split.Plan, k int, name string) (hunkRef, string, bool) {
	for _, re := range declPatterns(name) {
		for i := k + 1; i < len(plan.Parts); i++ {
			for j, f := range plan.Parts[i].Files {
				if !strings.HasSuffix(f.Path, ".go") {
					continue
				}
				for h, hk := range f.Hunks {
					if declares(hk.Lines, re) {
						return hunkRef{part: i, file: j, hunk: h}, f.Path, true
					}
				}
			}
		}
	}
	return hunkRef{}, "", false
}

func declPatterns(name string) []*regexp.Regexp {
	n := regexp.QuoteMeta(name)
	return []*regexp.Regexp{
		regexp.MustCompile(`^(func\s+(\([^)]*\)\s*)?` + n + `\s*[\[(]|(type|var|const)\s+` + n + `\b)`),
		regexp.MustCompile(`^\s+` + n + `(\s*,\s*\w+)*(\s*\(|\s*=|\s+[\w*\[\]])`),
	}
}

func declares(lines []analyzer.Line, re *regexp.Regexp) bool {
	for _, l := range lines {
		if l.Op == analyzer.Add && re.MatchString(l.Text) {
			return true
		}
	}
	return false
}
