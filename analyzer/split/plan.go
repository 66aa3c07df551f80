package split

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/mvcbot/mvc/analyzer"
)

// Plan is a proposed stack of parts, bottom first.
type Plan struct {
	Base  string `json:"base"`
	Head  string `json:"head"`
	Parts []Part `json:"parts"`
	// Budget is the limit each part was cut to fit.
	Budget Budget `json:"budget"`
	// FewestParts is how many parts Consolidate would leave: the fewest
	// pull requests the budget allows, for readers who prefer fewer.
	FewestParts int `json:"fewest_parts"`
}

// Budget repeats the policy's limits in the plan so readers see them.
type Budget struct {
	Lines int `json:"lines"`
	Files int `json:"files"`
}

// Part is one proposed pull request of the stack.
type Part struct {
	Index     int        `json:"index"` // 1-based position in the stack
	Title     string     `json:"title"`
	Rationale string     `json:"rationale"`
	Kind      Kind       `json:"kind"`
	Files     []PartFile `json:"files"`
	// WeightedLines is the part's size as mvc measures a change.
	WeightedLines int `json:"weighted_lines"`
	ChangedLines  int `json:"changed_lines"`
	// ReviewableFiles counts the part's code, test and docs files.
	ReviewableFiles int `json:"reviewable_files"`
	// OverBudget says the part exceeds the budget and could not be cut
	// further without separating changes that belong together.
	OverBudget bool `json:"over_budget"`
	// DependsOn lists the indexes of earlier parts this one needs.
	DependsOn []int `json:"depends_on"`
	// Builds says whether the part was verified to build; nil when it was
	// not checked.
	Builds *bool `json:"builds"`
	// Independent says whether the part builds when applied alone on the
	// base, so it could be its own pull request instead of being stacked;
	// nil when it was not checked.
	Independent *bool `json:"independent"`
}

// Kind is the role a part plays in the stack, which decides its order.
type Kind string

// Part kinds, in stack order.
const (
	KindDependencies Kind = "dependencies" // lockfiles, manifests, build and CI
	KindVendored     Kind = "vendored"     // third-party code copied in: one part, never merged with others
	KindMechanical   Kind = "mechanical"   // formatting, moves, comments, repeated edits
	KindProvider     Kind = "provider"     // definitions other parts use
	KindConsumer     Kind = "consumer"     // changes that use what others define
	KindDocs         Kind = "docs"
	KindRelease      Kind = "release" // a version bump, with its release notes: last
)

// PartFile is one file's share of a part.
type PartFile struct {
	Path    string          `json:"path"`     // head path; a removed file's base path
	OldPath string          `json:"old_path"` // base path; "" for an added file
	Status  analyzer.Status `json:"status"`
	Binary  bool            `json:"binary"`
	Hunks   []PartHunk      `json:"hunks"`
}

// PartHunk is a hunk of the part, possibly finer than git's own. Its
// coordinates refer to the whole base→head diff: old lines in the base
// file, new lines in the head file, zero-count sides naming the line
// before, as in git.
type PartHunk struct {
	OldStart int `json:"old_start"`
	OldLines int `json:"old_lines"`
	NewStart int `json:"new_start"`
	NewLines int `json:"new_lines"`
	// Lines are the hunk's deleted then added lines.
	Lines []analyzer.Line `json:"-"`
}

// Hunk returns h in the analyzer's hunk type.
func (h PartHunk) Hunk() analyzer.Hunk {
	return analyzer.Hunk{OldStart: h.OldStart, OldLines: h.OldLines, NewStart: h.NewStart, NewLines: h.NewLines, Lines: h.Lines}
}

// PartRefs names parts by index as a sentence does: "part 4", "parts 4
// and 6". Past six it names five and counts the rest: a long list says
// "much below" and crowds the line.
func PartRefs(idx []int) string {
	refs := make([]string, len(idx))
	for i, n := range idx {
		refs[i] = strconv.Itoa(n)
	}
	switch {
	case len(refs) == 1:
		return "part " + refs[0]
	case len(refs) > maxPartRefs:
		return fmt.Sprintf("parts %s and %d more", strings.Join(refs[:maxPartRefs-1], ", "), len(refs)-maxPartRefs+1)
	}
	return "parts " + strings.Join(refs[:len(refs)-1], ", ") + " and " + refs[len(refs)-1]
}

// maxPartRefs is how many parts PartRefs names before it counts.
const maxPartRefs = 6
