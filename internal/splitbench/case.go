package splitbench

import (
	"bytes"
	"context"
	"fmt"

	"github.com/mvcbot/mvc/analyzer"
	"github.com/mvcbot/mvc/analyzer/split"
	"github.com/mvcbot/mvc/source/gitrepo"
	"github.com/mvcbot/mvc/source/golang"
)

// CaseResult is one window's outcome.
type CaseResult struct {
	Window   Window `json:"window"`
	K        int    `json:"k"`
	Changed  int    `json:"changed_lines"`
	Labelled int    `json:"labelled_lines"`
	Unclear  int    `json:"unclear_lines"`
	// Integrity says the splitter's parts, applied in order to the base,
	// reproduced the head exactly; null when the case could not be run.
	Integrity *bool             `json:"integrity"`
	SplitMS   float64           `json:"split_ms"`
	Skipped   string            `json:"skipped,omitempty"`
	Scores    map[string]Scores `json:"scores,omitempty"`
	// Verify is the type-check outcome with --verify (Go).
	Verify *VerifyResult `json:"verify,omitempty"`
}

// Scores are one method's marks on one case.
type Scores struct {
	LineARI        float64 `json:"line_ari"`
	HunkARI        float64 `json:"hunk_ari"`
	FileARI        float64 `json:"file_ari"`
	Precision      float64 `json:"pair_precision"`
	Recall         float64 `json:"pair_recall"`
	F1             float64 `json:"pair_f1"`
	Matched        float64 `json:"matched_accuracy"`
	Parts          int     `json:"parts"`
	PartCountError float64 `json:"part_count_error"`
	WithinBudget   float64 `json:"within_budget"`
}

// item is one changed line with everything the methods and metrics need.
type item struct {
	id         lineID
	file, hunk int
	weight     float64
	truth, mvc int
}

func runCase(ctx context.Context, r *gitrepo.Repo, w Window, opt Options) (CaseResult, error) {
	c := CaseResult{Window: w, K: len(w.Commits)}
	head, err := squash(ctx, r, w)
	if err != nil {
		return c, err
	}
	in, err := r.SplitInput(ctx, w.Base, head)
	if err != nil {
		return c, err
	}
	in.Policy = opt.Policy
	if opt.Verify {
		// As mvc split --verify: Go's type links on top of the import links
		// SplitInput holds. Packages that do not load give no links; the
		// case still counts.
		in.TypeLinks, _ = golang.SplitLinks(ctx, r, in, golang.Options{Env: goEnv})
	}
	labels, unclear, err := truth(ctx, r, w, in.Change.Files)
	if err != nil {
		return c, err
	}
	start := opt.Clock()
	plan, err := split.Split(in)
	if err != nil {
		return c, fmt.Errorf("split: %w", err)
	}
	c.SplitMS = float64(opt.Clock().Sub(start).Microseconds()) / 1000
	ok := integrity(in, plan) == nil
	c.Integrity = &ok
	items := collectItems(in, plan, labels)
	c.Changed, c.Unclear = len(items)+unclear, unclear
	scored := items[:0:0]
	commits := map[int]bool{}
	for _, it := range items {
		if it.truth > 0 {
			scored = append(scored, it)
			commits[it.truth] = true
		}
	}
	c.Labelled = len(scored)
	if len(commits) < 2 {
		c.Skipped = fmt.Sprintf("only %d commit keeps clearly labelled lines", len(commits))
		return c, nil
	}
	c.Scores = scoreMethods(in, items, scored, len(plan.Parts), c.K)
	if opt.Verify {
		var fixed split.Plan
		c.Verify, fixed = verifyCase(ctx, r, w, in, plan, opt.Clock)
		if c.Verify.Calibrated {
			c.Verify.LineARI = c.Scores[MethodMVC].LineARI
			c.Verify.RepairedLineARI = lineARI(collectItems(in, fixed, labels))
		}
	}
	return c, ctx.Err()
}

// integrity applies the whole plan to the base and compares with the
// head. Files whose bytes git did not hand over (submodules, files over the
// reader's limit) are applied as they are and not compared.
func integrity(in split.Input, plan split.Plan) error {
	in.Change.Files = knownFiles(in)
	got, err := split.Apply(in, plan, len(plan.Parts))
	if err != nil {
		return err
	}
	for _, f := range in.Change.Files {
		want, exists := in.Head[f.Path]
		if f.Status == analyzer.Removed {
			exists = false
		}
		have, ok := got[f.Path]
		if ok != exists || !bytes.Equal(have, want) {
			return fmt.Errorf("%s differs from the head after all parts", f.Path)
		}
	}
	return nil
}

// collectItems lists every changed line in diff order with its file, git
// hunk, weight, true commit (0 when unclear) and the part mvc put it in.
func collectItems(in split.Input, plan split.Plan, labels map[lineID]int) []item {
	part := map[lineID]int{}
	for _, p := range plan.Parts {
		for _, f := range p.Files {
			for _, h := range f.Hunks {
				for i := 0; i < h.OldLines; i++ {
					part[lineID{f.Path, analyzer.Delete, h.OldStart + i}] = p.Index
				}
				for i := 0; i < h.NewLines; i++ {
					part[lineID{f.Path, analyzer.Add, h.NewStart + i}] = p.Index
				}
			}
		}
	}
	weights := split.FileWeights(in)
	var items []item
	hunk := 0
	for fi, f := range in.Change.Files {
		for _, h := range f.Hunks {
			adds, dels := changedLines(analyzer.FileChange{Hunks: []analyzer.Hunk{h}})
			for _, n := range dels {
				id := lineID{f.Path, analyzer.Delete, n}
				items = append(items, item{id: id, file: fi, hunk: hunk, weight: weights[fi].Delete, truth: labels[id], mvc: part[id]})
			}
			for _, n := range adds {
				id := lineID{f.Path, analyzer.Add, n}
				items = append(items, item{id: id, file: fi, hunk: hunk, weight: weights[fi].Add, truth: labels[id], mvc: part[id]})
			}
			hunk++
		}
	}
	return items
}

// knownFiles are the files whose needed contents the input holds.
func knownFiles(in split.Input) []analyzer.FileChange {
	var out []analyzer.FileChange
	for _, f := range in.Change.Files {
		_, hasBase := in.Base[f.Path]
		_, hasHead := in.Head[f.Path]
		if (f.Status == analyzer.Added || hasBase) && (f.Status == analyzer.Removed || hasHead) {
			out = append(out, f)
		}
	}
	return out
}
