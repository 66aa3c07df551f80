package report

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/mvcbot/mvc/analyzer"
	"github.com/mvcbot/mvc/analyzer/split"
)

// splitInlineFiles is how many files a part lists before collapsing them;
// splitListedFiles is how many it lists at most. A part within budget has
// at most 40 reviewable files, but a vendored drop or a directory move can
// hold thousands, which would crowd the rest of the stack out of a pull
// request comment (GitHub cuts it at 65,536 characters).
const (
	splitInlineFiles = 5
	splitListedFiles = 50
)

// SplitSection is the split part of a pull request comment when the change
// is too large: the proposed stack, bottom first, each part with its title,
// size, files, why they belong together and what it depends on, then the
// commands that build the stack.
func SplitSection(p split.Plan) []Block { return SplitSectionFor(p, SplitOptions{}) }

// SplitOptions say what a proposal was cut from, when that changes what
// the comment can promise, and what may be left out to fit.
type SplitOptions struct {
	// FromPatches: GitHub's patches alone, with no checkout (the App, or
	// the Action without actions/checkout). `mvc split` on a clone also
	// reads history and imports, so it may propose another stack, and its
	// --apply builds that one, not this.
	FromPatches bool
	// NoSteps leaves out the git steps by hand, which name every file:
	// for a comment that would otherwise be too long for GitHub, they go
	// before the parts' files and reasons do.
	NoSteps bool
	// Trunk is the branch the bottom part merges into, for the Graphite
	// commands; empty when unknown, which gives main and a note to use
	// the trunk instead.
	Trunk string
}

// SplitSectionFor is SplitSection for a proposal of the given origin.
func SplitSectionFor(p split.Plan, o SplitOptions) []Block {
	if len(p.Parts) == 0 {
		return []Block{Paragraph{Text: "**Proposed split:** nothing to split, the change has no changed lines."}}
	}
	blocks := []Block{Paragraph{Text: splitSummary(p)}}
	if note := o.note(); note != "" {
		blocks = append(blocks, Paragraph{Text: note})
	}
	for _, part := range p.Parts {
		blocks = append(blocks, splitPart(part)...)
	}
	if len(p.Parts) == 1 {
		return blocks
	}
	return append(blocks, Details{Summary: "Commands to build this stack", Body: stackCommands(p, !o.NoSteps, o)})
}

// note says how a proposal cut from patches alone differs from mvc
// split's on a clone, and how to get that one here.
func (o SplitOptions) note() string {
	if !o.FromPatches {
		return ""
	}
	return "_Cut from GitHub's patches alone, without the history and imports a checkout gives: `mvc split` on a clone may cut differently. " +
		"In the workflow, `actions/checkout` with `fetch-depth: 0` before mvc gives this comment that proposal._"
}

// SplitSectionCompact is the split section for a comment that would
// otherwise be too long for GitHub: one table row per part instead of its
// files and reasons, and the same commands, which rebuild the whole stack.
func SplitSectionCompact(p split.Plan) []Block { return SplitSectionCompactFor(p, SplitOptions{}) }

// SplitSectionCompactFor is SplitSectionCompact for a proposal of the
// given origin.
func SplitSectionCompactFor(p split.Plan, o SplitOptions) []Block {
	if len(p.Parts) < 2 {
		return SplitSectionFor(p, o)
	}
	rows := make([][]string, len(p.Parts))
	for i, part := range p.Parts {
		// Mark the dimension that is over: a part of 191 lines and 55
		// files is over by its files.
		lines, files := strconv.Itoa(part.WeightedLines), strconv.Itoa(len(part.Files))
		if part.ReviewableFiles > 0 && part.ReviewableFiles != len(part.Files) {
			files = fmt.Sprintf("%d (%d reviewable)", len(part.Files), part.ReviewableFiles)
		}
		if part.OverBudget && part.WeightedLines > p.Budget.Lines {
			lines += " (over budget)"
		}
		if part.OverBudget && part.ReviewableFiles > p.Budget.Files {
			files += " (over budget)"
		}
		deps := "–"
		if len(part.DependsOn) > 0 {
			deps = split.PartRefs(part.DependsOn)
		}
		rows[i] = []string{strconv.Itoa(part.Index), mdText(part.Title), lines, files, deps}
	}
	blocks := []Block{Paragraph{Text: splitSummary(p) + " Too many to list here in full: `mvc split` shows each part's files and why they belong together."}}
	if note := o.note(); note != "" {
		blocks = append(blocks, Paragraph{Text: note})
	}
	return append(blocks,
		Table{Header: []string{"#", "part", "weighted lines", "files", "builds on"}, Align: []Align{Right, Left, Right, Right, Left}, Rows: rows},
		Details{Summary: "Commands to build this stack", Body: stackCommands(p, false, o)},
	)
}

// SplitDoc is the whole report of `mvc split`: the section a pull request
// would get, under a heading naming the change.
func SplitDoc(p split.Plan) Doc { return SplitDocFor(p, SplitOptions{}) }

// SplitDocFor is SplitDoc for a proposal of the given origin and trunk.
func SplitDocFor(p split.Plan, o SplitOptions) Doc {
	var d Doc
	d.Add(Heading{Level: 2, Text: fmt.Sprintf("Split proposal: %s..%s", sizeShortSHA(p.Base), sizeShortSHA(p.Head))})
	d.Add(SplitSectionFor(p, o)...)
	return d
}

func splitSummary(p split.Plan) string {
	over := 0
	for _, part := range p.Parts {
		if part.OverBudget {
			over++
		}
	}
	s := fmt.Sprintf("**Proposed split: %s**, to review and merge bottom first. ", sizeCountOf(len(p.Parts), "part"))
	switch {
	case len(p.Parts) == 1 && over == 0:
		return "**Proposed split: none needed.** The change holds together and fits the budget as one part."
	case p.FewestParts == 1 && over == 0:
		// A change within budget needs no split; the parts show how it
		// would be cut by purpose, for an author who wants that anyway.
		return fmt.Sprintf("**No split needed:** the change fits the budget of %s and %s as one pull request. Cut by purpose anyway, it makes %s, to review and merge bottom first.",
			sizeCountOf(p.Budget.Lines, "weighted line"), sizeCountOf(p.Budget.Files, "file"), sizeCountOf(len(p.Parts), "part"))
	case over == 0:
		s += fmt.Sprintf("Each fits the budget of %s and %s.", sizeCountOf(p.Budget.Lines, "weighted line"), sizeCountOf(p.Budget.Files, "file"))
	default:
		verb := "is"
		if over != 1 {
			verb = "are"
		}
		s += fmt.Sprintf("%s %s over the budget of %s and %s: %s cannot be cut without separating changes that belong together.",
			sizeCountOf(over, "part"), verb, sizeCountOf(p.Budget.Lines, "weighted line"), sizeCountOf(p.Budget.Files, "file"), pronounFor(over))
	}
	cyclic := 0
	for _, part := range p.Parts {
		if strings.Contains(part.Rationale, split.CycleNote) {
			cyclic++
		}
	}
	if cyclic > 0 {
		verb := "use"
		if cyclic == 1 {
			verb = "uses"
		}
		s += fmt.Sprintf(" But %s also %s a later part, in a cycle of uses: such parts build only together, so take each cycle as one pull request, or review the stack bottom first and merge it whole.",
			sizeCountOf(cyclic, "part"), verb)
	}
	if n := p.FewestParts; n > 0 && n < len(p.Parts) {
		s += fmt.Sprintf(" Prefer fewer pull requests? `mvc split --fewest-parts` joins neighbouring parts, as far as the budget allows, into %s.", sizeCountOf(n, "part"))
	}
	return s
}

func pronounFor(n int) string {
	if n == 1 {
		return "it"
	}
	return "they"
}

// splitPart describes one part: a title line with its size and
// dependencies, the rationale, and its files.
func splitPart(part split.Part) []Block {
	count := sizeCountOf(len(part.Files), "file")
	if part.ReviewableFiles > 0 && part.ReviewableFiles != len(part.Files) {
		// The budget counts reviewable files: both halves of a rename
		// are one, a lockfile none.
		count += fmt.Sprintf(" (%d reviewable)", part.ReviewableFiles)
	}
	head := fmt.Sprintf("**%d. %s**: %s, %s", part.Index, mdText(part.Title),
		sizeCountOf(part.WeightedLines, "weighted line"), count)
	if part.OverBudget {
		head += " (over budget)"
	}
	if len(part.DependsOn) > 0 {
		head += "; builds on " + split.PartRefs(part.DependsOn)
	}
	blocks := []Block{Paragraph{Text: head + ".\n" + mdText(part.Rationale)}}
	files := splitFileItems(part)
	if len(files) <= splitInlineFiles {
		return append(blocks, List{Items: files})
	}
	body := Doc{Blocks: []Block{List{Items: files[:min(len(files), splitListedFiles)]}}}
	if more := len(files) - splitListedFiles; more > 0 {
		body.Add(Paragraph{Text: fmt.Sprintf("… and %s: `mvc split --format json` lists them all.", sizeCountOf(more, "more file"))})
	}
	return append(blocks, Details{Summary: fmt.Sprintf("%s of part %d", sizeCountOf(len(files), "file"), part.Index), Body: body})
}

// splitFileItems lists a part's files with what of each it takes.
func splitFileItems(part split.Part) []string {
	items := make([]string, 0, len(part.Files))
	for _, f := range part.Files {
		items = append(items, code(f.Path)+" "+fileShare(f))
	}
	return items
}

// fileShare says what a part takes of a file: whole for binaries, new and
// deleted files, otherwise its changed lines by hunk.
func fileShare(f split.PartFile) string {
	add, del := 0, 0
	for _, h := range f.Hunks {
		add += h.NewLines
		del += h.OldLines
	}
	switch {
	case f.Status == analyzer.Removed:
		return "(deleted)"
	case f.Binary:
		return "(binary)"
	case f.Status == analyzer.Added:
		return fmt.Sprintf("(new, +%d)", add)
	case len(f.Hunks) == 0:
		return "(mode change)"
	}
	return fmt.Sprintf("(+%d -%d in %s)", add, del, sizeCountOf(len(f.Hunks), "hunk"))
}

var slugUnsafe = regexp.MustCompile(`[^a-z0-9]+`)

// branchName is a part's branch: mvc/split/01-<slug of its title>.
func branchName(part split.Part) string {
	slug := strings.Trim(slugUnsafe.ReplaceAllString(strings.ToLower(part.Title), "-"), "-")
	if len(slug) > 40 { // cut at a word boundary
		slug = slug[:41]
		if i := strings.LastIndexByte(slug, '-'); i > 20 {
			slug = slug[:i]
		}
		slug = strings.TrimRight(slug[:min(len(slug), 40)], "-")
	}
	if slug == "" { // as gitrepo.StackBranchName, which --apply uses
		slug = "part"
	}
	return fmt.Sprintf("mvc/split/%02d-%s", part.Index, slug)
}
