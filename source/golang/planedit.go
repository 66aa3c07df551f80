package golang

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/mvcbot/mvc/analyzer"
	"github.com/mvcbot/mvc/analyzer/size"
	"github.com/mvcbot/mvc/analyzer/split"
)

// Plan edits that keep diff integrity: hunks move between parts whole, and
// every hunk stays in exactly one part. They copy the plan, never alias
// it, and measure the parts they change again.

// hunkRef names one hunk of a plan by position.
type hunkRef struct{ part, file, hunk int }

// moveHunk moves a hunk into part to, which must come before its part.
func moveHunk(in split.Input, plan split.Plan, ref hunkRef, to int) split.Plan {
	out := clonePlan(plan)
	src := &out.Parts[ref.part]
	f := src.Files[ref.file]
	h := f.Hunks[ref.hunk]
	f.Hunks = append(f.Hunks[:ref.hunk:ref.hunk], f.Hunks[ref.hunk+1:]...)
	src.Files[ref.file] = f
	if len(f.Hunks) == 0 {
		src.Files = append(src.Files[:ref.file:ref.file], src.Files[ref.file+1:]...)
	}
	dst := &out.Parts[to]
	addHunk(dst, f, h)
	remeasure(in, src)
	remeasure(in, dst)
	if len(src.Files) == 0 {
		return dropPart(out, ref.part, to)
	}
	return out
}

// addHunk puts h into the part's share of file f, keeping hunks in file
// order.
func addHunk(p *split.Part, f split.PartFile, h split.PartHunk) {
	for i := range p.Files {
		if p.Files[i].Path == f.Path {
			p.Files[i].Hunks = append(p.Files[i].Hunks, h)
			sort.SliceStable(p.Files[i].Hunks, func(a, b int) bool { return p.Files[i].Hunks[a].OldStart < p.Files[i].Hunks[b].OldStart })
			return
		}
	}
	f.Hunks = []split.PartHunk{h}
	p.Files = append(p.Files, f)
	sort.SliceStable(p.Files, func(a, b int) bool { return p.Files[a].Path < p.Files[b].Path })
}

// mergeParts moves every file of part from into part into (into < from)
// and drops part from.
func mergeParts(in split.Input, plan split.Plan, into, from int) split.Plan {
	out := clonePlan(plan)
	dst := &out.Parts[into]
	title, kind, rationale := mergedName(out.Parts[into], out.Parts[from])
	for _, f := range out.Parts[from].Files {
		if len(f.Hunks) == 0 {
			dst.Files = append(dst.Files, f)
			continue
		}
		for _, h := range f.Hunks {
			addHunk(dst, f, h)
		}
	}
	sort.SliceStable(dst.Files, func(a, b int) bool { return dst.Files[a].Path < dst.Files[b].Path })
	dst.Title, dst.Kind, dst.Rationale = title, kind, rationale
	remeasure(in, dst)
	return dropPart(out, from, into)
}

// mergedName names the part that a merges into b as the splitter names a
// merged part: by the heavier one, counting the parts both already hold
// (a part --fewest-parts merged is named "…, and 2 more parts"). The
// rationale is the heavier one's, with why the other joined it.
func mergedName(a, b split.Part) (title string, kind split.Kind, rationale string) {
	aTitle, aMore := mergedCount(a.Title)
	bTitle, bMore := mergedCount(b.Title)
	heavy, lightTitle := a, bTitle
	heavy.Title = aTitle
	if b.WeightedLines > a.WeightedLines {
		heavy, lightTitle = b, aTitle
		heavy.Title = bTitle
	}
	// The heavier part first, then one empty stand-in per other part.
	members := []split.Part{heavy}
	for range aMore + bMore + 1 {
		members = append(members, split.Part{Kind: heavy.Kind})
	}
	title, kind = split.MergedName(members)
	rationale = fmt.Sprintf("%s Merged with %q, without which it does not build.", heavy.Rationale, lightTitle)
	return title, kind, rationale
}

// mergedCountPattern is the tail MergedName gives a merged part's title.
var mergedCountPattern = regexp.MustCompile(`^(.*), and (\d+) more parts?$`)

// mergedCount splits a merged part's title into its heaviest member's
// title and the count of the others.
func mergedCount(title string) (string, int) {
	if m := mergedCountPattern.FindStringSubmatch(title); m != nil {
		n, _ := strconv.Atoi(m[2])
		return m[1], n
	}
	return title, 0
}

// dropPart removes an emptied part, renumbers the stack, and points
// dependencies on it at the part that took its changes.
func dropPart(plan split.Plan, gone, heir int) split.Plan {
	renumber := func(d int) int { // 1-based; the heir always comes before
		switch {
		case d == gone+1:
			return heir + 1
		case d > gone+1:
			return d - 1
		}
		return d
	}
	plan.Parts = append(plan.Parts[:gone:gone], plan.Parts[gone+1:]...)
	for i := range plan.Parts {
		p := &plan.Parts[i]
		p.Index = i + 1
		seen := map[int]bool{}
		deps := []int{} // JSON's depends_on is always an array
		for _, d := range p.DependsOn {
			if d = renumber(d); d != p.Index && d < p.Index && !seen[d] {
				seen[d] = true
				deps = append(deps, d)
			}
		}
		sort.Ints(deps)
		p.DependsOn = deps
		p.Rationale = withoutCycleNote(p.Rationale)
	}
	return plan
}

// withoutCycleNote cuts the clause that names the later parts a part
// needs through a cycle: once parts merge and renumber, its part numbers
// name other parts (cobra's merged part still said it used part 2), and
// the repair has settled what builds.
func withoutCycleNote(r string) string {
	start := strings.Index(r, "; it also uses ")
	if start < 0 {
		return r
	}
	end := strings.Index(r[start:], split.CycleNote+".")
	if end < 0 {
		return r
	}
	return r[:start] + "." + r[start+end+len(split.CycleNote)+1:]
}

// remeasure sizes a part again as mvc measures a change.
func remeasure(in split.Input, p *split.Part) {
	c := analyzer.Change{Base: in.Change.Base, Head: in.Change.Head, Attributes: in.Change.Attributes}
	headers := map[string]string{}
	for _, f := range in.Change.Files {
		headers[f.Path] = f.Header
	}
	changed := 0
	for _, f := range p.Files {
		fc := analyzer.FileChange{Path: f.Path, OldPath: f.OldPath, Status: f.Status, Binary: f.Binary, Header: headers[f.Path]}
		for _, h := range f.Hunks {
			fc.Hunks = append(fc.Hunks, h.Hunk())
			fc.Additions += h.NewLines
			fc.Deletions += h.OldLines
		}
		changed += fc.ChangedLines()
		c.Files = append(c.Files, fc)
	}
	r := size.Measure(c, in.Policy)
	p.WeightedLines, p.ChangedLines, p.ReviewableFiles = r.WeightedLines, changed, r.ReviewableFiles
	p.OverBudget = len(r.OverBudget) > 0
}

// retitle names again, as the splitter would, each part that hunks moved
// into or out of: a part that lost its main function to the part before
// must not keep the function's name. A merged part keeps the merged name
// mergeParts gave it; so does every part when the change cannot be read.
func retitle(in split.Input, before, after split.Plan) split.Plan {
	was := map[string]split.Part{}
	for _, p := range before.Parts {
		was[p.Title] = p
	}
	var namer *split.Namer
	for i, p := range after.Parts {
		old, ok := was[p.Title]
		if !ok || sameHunks(old, p) {
			continue // merged, or untouched
		}
		if namer == nil {
			var err error
			if namer, err = split.NewNamer(in); err != nil {
				return after
			}
		}
		after.Parts[i].Title, after.Parts[i].Kind = namer.Name(p)
	}
	return after
}

// sameHunks says whether two parts hold the same files and hunks.
func sameHunks(a, b split.Part) bool {
	if len(a.Files) != len(b.Files) {
		return false
	}
	for i := range a.Files {
		fa, fb := a.Files[i], b.Files[i]
		if fa.Path != fb.Path || len(fa.Hunks) != len(fb.Hunks) {
			return false
		}
		for j := range fa.Hunks {
			ha, hb := fa.Hunks[j], fb.Hunks[j]
			if ha.OldStart != hb.OldStart || ha.OldLines != hb.OldLines || ha.NewStart != hb.NewStart || ha.NewLines != hb.NewLines {
				return false
			}
		}
	}
	return true
}

// clonePlan copies the parts, files and hunk lists, so edits never reach
// the caller's plan.
func clonePlan(plan split.Plan) split.Plan {
	out := plan
	out.Parts = make([]split.Part, len(plan.Parts))
	for i, p := range plan.Parts {
		p.Files = append([]split.PartFile(nil), p.Files...)
		for j := range p.Files {
			p.Files[j].Hunks = append([]split.PartHunk(nil), p.Files[j].Hunks...)
		}
		p.DependsOn = append([]int{}, p.DependsOn...)
		out.Parts[i] = p
	}
	return out
}
