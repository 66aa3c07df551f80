package report

import (
	"fmt"
	"maps"
	pathpkg "path"
	"slices"
	"strings"

	"github.com/mvcbot/mvc/analyzer"
	"github.com/mvcbot/mvc/analyzer/split"
)

// removals are the files one part's steps git rm, and why some of them
// come from a later part.
type removals struct {
	paths []string
	note  []string
}

// planRemovals lists each part's whole-file removals. A git tree cannot
// hold a file at P and files under P/ at once, so when a part checks out
// one side of such a pair while a later part removes the other, the later
// removal is done in the earlier part, with a comment saying so: checking
// out P would drop P/'s files from the index behind the steps' back, and the
// later git rm would fail.
func planRemovals(p split.Plan, shared map[string]bool) []removals {
	out := make([]removals, len(p.Parts))
	owner := map[string]int{} // removed path -> part (slice index) that removes it
	var order []string
	for i, part := range p.Parts {
		for _, f := range part.Files {
			if f.Status == analyzer.Removed && !shared[f.Path] {
				owner[f.Path] = i
				order = append(order, f.Path)
			}
		}
	}
	sorted := slices.Sorted(maps.Keys(owner))
	for i, part := range p.Parts {
		for _, f := range part.Files {
			if f.Status == analyzer.Removed {
				continue
			}
			var moved []string
			for _, r := range clashing(f.Path, sorted) {
				if j := owner[r]; j > i {
					owner[r] = i
					moved = append(moved, fmt.Sprintf("%s (part %d)", r, p.Parts[j].Index))
				}
			}
			if len(moved) > 0 {
				out[i].note = append(out[i].note, fmt.Sprintf("%s takes the place of %s: removed here, not later", f.Path, joinFew(moved)))
			}
		}
	}
	for _, r := range order {
		out[owner[r]].paths = append(out[owner[r]].paths, r)
	}
	return out
}

// clashing lists the paths of sorted that a tree holding path cannot
// hold: its parent directories as files, and the files under it as a
// directory.
func clashing(path string, sorted []string) []string {
	var out []string
	for d := pathpkg.Dir(path); d != "."; d = pathpkg.Dir(d) {
		if _, ok := slices.BinarySearch(sorted, d); ok {
			out = append(out, d)
		}
	}
	i, _ := slices.BinarySearch(sorted, path+"/")
	for ; i < len(sorted) && strings.HasPrefix(sorted[i], path+"/"); i++ {
		out = append(out, sorted[i])
	}
	return out
}

// joinFew names up to three items and counts the rest.
func joinFew(items []string) string {
	if len(items) <= 3 {
		return strings.Join(items, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(items[:3], ", "), len(items)-3)
}
