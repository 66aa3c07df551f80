package split

import (
	"fmt"

	"github.com/mvcbot/mvc/analyzer"
	"github.com/mvcbot/mvc/analyzer/patch"
)

// Apply returns the changed files as they are after the first n parts of
// the plan, applied to in.Base: path to content, with files that no longer
// exist left out. After all parts, the result equals in.Head for every
// changed file: that is the plan's integrity, which tests check on many
// generated changes. Binary files take their head content from in.Head.
func Apply(in Input, plan Plan, n int) (map[string][]byte, error) {
	if n < 0 || n > len(plan.Parts) {
		return nil, fmt.Errorf("apply %d parts: the plan has %d", n, len(plan.Parts))
	}
	total := map[string]int{}
	for _, p := range plan.Parts {
		for _, f := range p.Files {
			total[f.Path] += max(len(f.Hunks), 1)
		}
	}
	applied := map[string]*fileState{}
	for _, p := range plan.Parts[:n] {
		for _, f := range p.Files {
			st := applied[f.Path]
			if st == nil {
				st = &fileState{file: f}
				applied[f.Path] = st
			}
			st.hunks = append(st.hunks, f.Hunks...)
			st.pieces += max(len(f.Hunks), 1)
		}
	}
	out := map[string][]byte{}
	for _, f := range in.Change.Files {
		content, exists, err := applyFile(in, f, applied[f.Path], total[f.Path])
		if err != nil {
			return nil, fmt.Errorf("apply %d parts to %s: %w", n, f.Path, err)
		}
		if exists {
			out[f.Path] = content
		}
	}
	return out, nil
}

// fileState is what the applied parts hold of one file.
type fileState struct {
	file   PartFile
	hunks  []PartHunk
	pieces int
}

func applyFile(in Input, f analyzer.FileChange, st *fileState, total int) ([]byte, bool, error) {
	base, inBase := in.Base[f.Path]
	existsBefore := f.Status != analyzer.Added
	if st == nil {
		return base, existsBefore && inBase, nil
	}
	complete := st.pieces >= total
	if f.Binary || len(f.Hunks) == 0 {
		if complete && f.Status != analyzer.Removed {
			if f.Binary {
				return in.Head[f.Path], true, nil
			}
			return base, true, nil // a mode change or an empty new file
		}
		return base, existsBefore && inBase && !complete, nil
	}
	hunks := make([]analyzer.Hunk, len(st.hunks))
	for i, h := range st.hunks {
		hunks[i] = h.Hunk()
	}
	content, err := patch.Apply(base, hunks)
	if err != nil {
		return nil, false, err
	}
	if f.Status == analyzer.Removed && complete {
		return nil, false, nil
	}
	return content, true, nil
}
