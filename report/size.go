package report

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/mvcbot/mvc/analyzer/size"
)

// sizeTopFiles is how many files the "largest contributors" table shows,
// and sizeListedFiles how many the CLI's file list shows before pointing
// to the JSON report.
const (
	sizeTopFiles    = 5
	sizeListedFiles = 100
)

// SizeSection is the size part of a pull request comment or step summary:
// the verdict, what counted, what did not and why, and, when the change is
// too large, where the weight is and what to do.
func SizeSection(r size.Result) []Block {
	blocks := []Block{Paragraph{Text: sizeVerdictLine(r)}}
	if !r.Exact {
		blocks = append(blocks, Paragraph{Text: sizeLowerBoundNote(r)})
	}
	blocks = append(blocks, sizeCountsTable(r))
	if t, ok := sizeExcludedTable(r); ok {
		blocks = append(blocks, t)
	}
	if r.Verdict == size.VerdictTooLarge {
		blocks = append(blocks, Paragraph{Text: "**Largest contributors**"}, sizeTopTable(r))
		blocks = append(blocks, Paragraph{Text: "**What to do**"}, sizeAdvice(r))
	}
	return append(blocks, Paragraph{Text: sizeFootnote(r)})
}

// SizeNowWithinBudget is the short note that replaces a too-large comment
// once the change fits its budget. For any other verdict it is SizeSection.
func SizeNowWithinBudget(r size.Result) []Block {
	if r.Verdict != size.VerdictMVC {
		return SizeSection(r)
	}
	return []Block{Paragraph{Text: fmt.Sprintf(
		"**Now within budget: size %s.** %s of %s, %s of %s. Thanks for trimming it down.",
		r.Size, sizeCountOf(r.WeightedLines, "weighted line"), sizeCount(r.Budget.Lines),
		sizeCountOf(r.ReviewableFiles, "reviewable file"), sizeCount(r.Budget.Files))}}
}

// SizeDoc is the whole size report of `mvc analyze`: the section a pull
// request would get, then every file with its class.
func SizeDoc(r size.Result) Doc {
	var d Doc
	d.Add(Heading{Level: 2, Text: fmt.Sprintf("Change size: %s..%s", sizeShortSHA(r.Base), sizeShortSHA(r.Head))})
	d.Add(SizeSection(r)...)
	if r.Verdict == size.VerdictTooLarge {
		d.Add(Paragraph{Text: "`mvc split` on the same range proposes where to cut it: a stack of smaller parts, each with why its changes belong together."})
	}
	if len(r.Entries) > 0 {
		d.Add(Details{Summary: fmt.Sprintf("All files (%s)", sizeCount(len(r.Entries))), Body: sizeFileList(r)})
	}
	return d
}

// sizeFootnote says how lines are weighed: the defaults, and the classes
// that count only because the settings give them a weight.
func sizeFootnote(r size.Result) string {
	note := "Weighted lines count added code in full and tests, docs and deletions at a discount; " +
		"generated files, lockfiles, vendored code, binaries and pure renames do not count " +
		"(the defaults; `.github/mvc.yml` can change them)."
	var extra []string
	for _, c := range r.Counted() {
		if !c.Class.Reviewable() {
			extra = append(extra, string(c.Class))
		}
	}
	switch len(extra) {
	case 0:
		return note
	case 1:
		return note + " Here " + extra[0] + " files count: the settings give them a weight."
	}
	return note + " Here " + strings.Join(extra[:len(extra)-1], ", ") + " and " + extra[len(extra)-1] +
		" files count: the settings give them weights."
}

func sizeVerdictLine(r size.Result) string {
	counts := fmt.Sprintf("%s (budget %s), %s (budget %s).",
		sizeCountOf(r.WeightedLines, "weighted line"), sizeCount(r.Budget.Lines),
		sizeCountOf(r.ReviewableFiles, "reviewable file"), sizeCount(r.Budget.Files))
	if !r.Exact {
		counts = "At least " + strings.Replace(counts, ", ", ", at least ", 1)
	}
	switch r.Verdict {
	case size.VerdictTooLarge:
		return fmt.Sprintf("**Size %s: too large to be a Minimum Viable Change.** %s", r.Size, counts)
	case size.VerdictExempt:
		line := fmt.Sprintf("**Size %s: exempt** (label %s). %s", r.Size, code(r.ExemptLabel), counts)
		if len(r.OverBudget) > 0 {
			line += " Without the label it would be too large."
		}
		return line
	}
	return fmt.Sprintf("**Size %s: within budget.** %s", r.Size, counts)
}

func sizeLowerBoundNote(r size.Result) string {
	u := size.Unlisted{}
	if r.Unlisted != nil {
		u = *r.Unlisted
	}
	return fmt.Sprintf("**Lower bound:** only %s of %s changed files were listed, and %s added and %s deleted lines "+
		"are in files that were not, so the change may be larger than shown. "+
		"Run `mvc analyze` on a checkout with the history to measure it exactly.",
		sizeCount(r.Files-u.Files), sizeCount(r.Files), sizeCount(u.Additions), sizeCount(u.Deletions))
}

// sizeCountsTable shows the classes that count and their total: the
// reviewable ones, and any other the settings give a weight.
func sizeCountsTable(r size.Result) Table {
	t := Table{Header: []string{"counted", "files", "added", "deleted", "weighted"},
		Align: []Align{Left, Right, Right, Right, Right}}
	var files, add, del int
	for _, c := range r.Counted() {
		t.Rows = append(t.Rows, []string{string(c.Class), sizeCount(c.Files), sizeCount(c.Additions),
			sizeCount(c.Deletions), sizeWeight(c.Weight)})
		files, add, del = files+c.Files, add+c.Additions, del+c.Deletions
	}
	return appendRow(t, "**total**", sizeCount(files), sizeCount(add), sizeCount(del),
		"**"+sizeCount(r.WeightedLines)+"**")
}

func appendRow(t Table, cells ...string) Table {
	t.Rows = append(t.Rows, cells)
	return t
}

// sizeExcludedTable explains, per class, what did not count and why: a
// huge change labelled XS must never go unexplained.
func sizeExcludedTable(r size.Result) (Table, bool) {
	excluded := r.Excluded()
	if len(excluded) == 0 {
		return Table{}, false
	}
	t := Table{Header: []string{"not counted", "files", "lines", "why"}, Align: []Align{Left, Right, Right, Left}}
	for _, c := range excluded {
		t.Rows = append(t.Rows, []string{string(c.Class), sizeCount(c.Files),
			sizeCount(c.Additions + c.Deletions), sizeReasons(r.Entries, c.Class)})
	}
	return t, true
}

// sizeReasons summarises the rules that put files in a class, most common
// first, at most three.
func sizeReasons(entries []size.Entry, class size.Class) string {
	if class == size.Rename {
		return "renamed without edits"
	}
	counts := map[string]int{}
	for _, e := range entries {
		if e.Class == class {
			counts[sizeWhy(sizeRuleOnly(e.Why))]++
		}
	}
	whys := make([]string, 0, len(counts))
	for w := range counts {
		whys = append(whys, w)
	}
	sort.Slice(whys, func(i, j int) bool {
		if counts[whys[i]] != counts[whys[j]] {
			return counts[whys[i]] > counts[whys[j]]
		}
		return whys[i] < whys[j]
	})
	parts := make([]string, 0, 4)
	for i, w := range whys {
		if i == 3 {
			parts = append(parts, fmt.Sprintf("%d more rules", len(whys)-3))
			break
		}
		if counts[w] > 1 && len(whys) > 1 {
			w += " (" + strconv.Itoa(counts[w]) + " files)"
		}
		parts = append(parts, w)
	}
	return strings.Join(parts, ", ")
}

// sizeRuleOnly drops the "name matches" of a reason: in a table column
// headed "why", the pattern alone says it.
func sizeRuleOnly(why string) string {
	for _, prefix := range []string{"name matches ", "path matches "} {
		if rest, ok := strings.CutPrefix(why, prefix); ok {
			return "pattern " + rest
		}
	}
	return why
}

// sizeWhy puts the pattern or attribute of a classification reason in a
// code span, so a glob such as *.pb.go is not read as emphasis.
func sizeWhy(why string) string {
	for _, prefix := range []string{"ignore pattern ", "name matches ", "path matches ", "pattern "} {
		if rest, ok := strings.CutPrefix(why, prefix); ok {
			return prefix + code(rest)
		}
	}
	if attr, file, ok := strings.Cut(why, " in "); ok && strings.HasPrefix(attr, "linguist-") {
		return code(attr) + " in " + code(file)
	}
	return why
}

// sizeTopTable lists the files that weigh most.
func sizeTopTable(r size.Result) Table {
	top := make([]size.Entry, 0, len(r.Entries))
	for _, e := range r.Entries {
		if e.Weight > 0 {
			top = append(top, e)
		}
	}
	sort.SliceStable(top, func(i, j int) bool { return top[i].Weight > top[j].Weight })
	t := Table{Header: []string{"file", "class", "weighted"}, Align: []Align{Left, Left, Right}}
	for _, e := range top[:min(len(top), sizeTopFiles)] {
		t.Rows = append(t.Rows, []string{code(e.Path), string(e.Class), sizeWeight(e.Weight)})
	}
	return t
}

func sizeAdvice(r size.Result) List {
	items := []string{fmt.Sprintf("Split it into changes of at most %s weighted lines and %s reviewable files "+
		"that can each merge on their own: for example a refactor first, then the feature that uses it.",
		sizeCount(r.Budget.Lines), sizeCount(r.Budget.Files))}
	if r.ExemptLabel != "" {
		items = append(items, fmt.Sprintf("If it cannot be split, add the %s label.", code(r.ExemptLabel)))
	}
	items = append(items, "If some files should not count, add patterns for them under `ignore:` in `.github/mvc.yml`.")
	return List{Items: items}
}

// sizeFileList is every entry, by path, up to sizeListedFiles.
func sizeFileList(r size.Result) Doc {
	t := Table{Header: []string{"file", "status", "class", "added", "deleted", "weighted", "why"},
		Align: []Align{Left, Left, Left, Right, Right, Right, Left}}
	for _, e := range r.Entries[:min(len(r.Entries), sizeListedFiles)] {
		path := code(e.Path)
		if e.OldPath != "" {
			path = code(e.OldPath) + " → " + path
		}
		t.Rows = append(t.Rows, []string{path, string(e.Status), string(e.Class), sizeCount(e.Additions),
			sizeCount(e.Deletions), sizeWeight(e.Weight), sizeWhy(e.Why)})
	}
	d := Doc{Blocks: []Block{t}}
	if more := len(r.Entries) - sizeListedFiles; more > 0 {
		d.Add(Paragraph{Text: fmt.Sprintf("… and %s more files: `--format json` lists them all.", sizeCount(more))})
	}
	return d
}

// sizeCount writes an integer with thousands separators: 55,000.
func sizeCount(n int) string {
	if n < 0 {
		s := strconv.FormatUint(uint64(-(n+1))+1, 10) // -n overflows for math.MinInt64
		return "-" + sizeCountDigits(s)
	}
	return sizeCountDigits(strconv.Itoa(n))
}

func sizeCountDigits(s string) string {
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// sizeCountOf writes a count with its noun, plural unless it is one.
func sizeCountOf(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return sizeCount(n) + " " + noun + "s"
}

// sizeWeight writes a weight with at most two decimals: 12.25, 3.
func sizeWeight(w float64) string {
	whole := int(w)
	if float64(whole) == w {
		return sizeCount(whole)
	}
	return strconv.FormatFloat(round2(w), 'f', -1, 64)
}

func sizeShortSHA(sha string) string {
	if len(sha) > 7 {
		return sha[:7]
	}
	return sha
}
