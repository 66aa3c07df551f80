package report

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/mvcbot/mvc/analyzer/issues"
)

// IssuesMeta says what an issue-graph report read.
type IssuesMeta struct {
	Source string   // "octo/app (GitHub API)", "issues.json"
	Root   int      // the issue whose tree was read, 0 for the whole list
	Notes  []string // what the source could not read
	Policy issues.Policy
}

// IssuesDoc is the report of `mvc issues`: issues too big to ship as one
// MVC with their proposed breakdown, dependency cycles, the critical path
// and stale blockers. With nothing to report it says so in one line.
func IssuesDoc(f issues.Findings, m IssuesMeta) Doc {
	var d Doc
	title := "Issue graph: " + m.Source
	if m.Root > 0 {
		title = fmt.Sprintf("Issue graph of #%d: %s", m.Root, m.Source)
	}
	d.Add(Heading{Level: 2, Text: title}, Paragraph{Text: issuesSummary(f.Summary)})
	quiet := len(f.TooBig) == 0 && len(f.Cycles) == 0 && !f.ChainTooLong && len(f.Stale) == 0
	if quiet {
		d.Add(Paragraph{Text: fmt.Sprintf("Nothing to report: no open issue holds more than %d open pieces of work, nothing waits on itself, and no chain is longer than %d issues.", m.Policy.MaxOpenTasks, m.Policy.MaxChain)})
	}
	if len(f.TooBig) > 0 {
		d.Add(Heading{Level: 3, Text: fmt.Sprintf("Too big to ship as one MVC (%d)", len(f.TooBig))})
		for _, tb := range f.TooBig {
			d.Add(tooBigBlocks(tb)...)
		}
	}
	if len(f.Cycles) > 0 {
		d.Add(Heading{Level: 3, Text: fmt.Sprintf("Dependency cycles (%d)", len(f.Cycles))},
			Paragraph{Text: "These issues wait on each other, so none of them can finish. An arrow reads \"waits on\"."})
		items := make([]string, len(f.Cycles))
		for i, c := range f.Cycles {
			items[i] = cycleItem(c, loopOf(f, i))
		}
		d.Add(List{Items: items})
	}
	if len(f.CriticalPath) > 1 && (f.ChainTooLong || !quiet) {
		text := fmt.Sprintf("**Critical path:** %s: %d issues that must ship one after another, in that order (an arrow reads \"ships before\").", issueChain(f.CriticalPath), len(f.CriticalPath))
		if f.ChainTooLong {
			text += fmt.Sprintf(" That is longer than %d: its length is a floor on lead time that more hands cannot shorten. Look for a link that can go, or an issue that can start against a stub.", m.Policy.MaxChain)
		}
		d.Add(Paragraph{Text: text})
	}
	if len(f.Stale) > 0 {
		d.Add(Heading{Level: 3, Text: fmt.Sprintf("Blocked by closed issues (%d)", len(f.Stale))})
		items := make([]string, len(f.Stale))
		for i, s := range f.Stale {
			items[i] = fmt.Sprintf("#%d %s: blocked by %s, closed", s.Number, mdText(s.Title), issueRefs(s.Closed))
			if s.Ready {
				items[i] += "; nothing open blocks it now: ready to start"
			}
		}
		d.Add(List{Items: items})
	}
	if len(m.Notes) > 0 {
		d.Add(Paragraph{Text: "Notes: " + strings.Join(m.Notes, "; ") + "."})
	}
	return d
}

func issuesSummary(s issues.Summary) string {
	text := fmt.Sprintf("%s open and %s closed; %s; edges: %s parent, %s blocked-by, %s closes.",
		sizeCountOf(s.OpenIssues, "issue"), sizeCount(s.ClosedIssues), sizeCountOf(s.OpenPulls+s.ClosedPulls, "pull request"),
		sizeCount(s.ParentEdges), sizeCount(s.BlockedByEdges), sizeCount(s.ClosesEdges))
	if n := len(s.Missing); n > 0 {
		text += fmt.Sprintf(" %s referred to but not read (closed, in another repository, or beyond what was read): %s.", sizeCountOf(n, "issue"), issueRefs(s.Missing))
	}
	return text
}

// tooBigBlocks is one oversized issue: why, then the proposed breakdown in
// order, each step saying what it takes over and what it waits for.
func tooBigBlocks(tb issues.TooBig) []Block {
	blocks := []Block{Paragraph{Text: fmt.Sprintf("**#%d %s**: %s.", tb.Number, mdText(tb.Title), strings.Join(tb.Reasons, "; "))}}
	if len(tb.Breakdown) == 0 {
		return blocks
	}
	items := make([]string, len(tb.Breakdown))
	for i, s := range tb.Breakdown {
		item := mdText(s.Title)
		if s.Issue > 0 {
			item = fmt.Sprintf("#%d %s", s.Issue, mdText(s.Title))
		}
		if len(s.Tasks) > 0 {
			tasks := make([]string, len(s.Tasks))
			for j, task := range s.Tasks {
				tasks[j] = mdText(task)
			}
			item += " — " + strings.Join(tasks, "; ")
		}
		if len(s.DependsOn) > 0 {
			deps := make([]string, len(s.DependsOn))
			for j, d := range s.DependsOn {
				deps[j] = strconv.Itoa(d + 1)
			}
			item += " (after " + strings.Join(deps, ", ") + ")"
		}
		items[i] = item
	}
	return append(blocks, Paragraph{Text: "Proposed breakdown, one MVC each, in order:"}, List{Ordered: true, Items: items})
}

// issueChain writes issues that wait one on the next: #1 → #2 → #3.
func issueChain(ns []int) string { return strings.Join(issueNumbers(ns), " → ") }

// issueRefs writes a list of issues: #1, #2.
func issueRefs(ns []int) string { return strings.Join(issueNumbers(ns), ", ") }

func issueNumbers(ns []int) []string {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = "#" + strconv.Itoa(n)
	}
	return out
}

// IssueMarker identifies mvc's comment on an issue.
const IssueMarker = "mvc:issue-report"

// IssueCommentDoc is mvc's comment on one issue: what the graph says of
// that issue alone (too big, with the proposed breakdown; in a dependency
// cycle; on a chain too long; blocked only by closed issues). flagged is
// false when there is nothing to say, and the doc is then a short note
// for an earlier comment to become.
func IssueCommentDoc(f issues.Findings, number int, p issues.Policy) (doc Doc, flagged bool) {
	doc.Add(Marker{ID: IssueMarker})
	for _, tb := range f.TooBig {
		if tb.Number == number {
			doc.Add(Paragraph{Text: fmt.Sprintf("**Too big to ship as one Minimum Viable Change**: %s.", strings.Join(tb.Reasons, "; "))})
			blocks := tooBigBlocks(tb)
			doc.Add(blocks[1:]...)
			flagged = true
		}
	}
	for i, c := range f.Cycles {
		if slices.Contains(c, number) {
			doc.Add(Paragraph{Text: cycleComment(c, loopOf(f, i), number)})
			flagged = true
		}
	}
	if f.ChainTooLong && slices.Contains(f.CriticalPath, number) {
		doc.Add(Paragraph{Text: fmt.Sprintf("**It is on a chain of %d issues** that must ship one after another (more than %d): %s. Look for a link that can go, or an issue that can start against a stub.",
			len(f.CriticalPath), p.MaxChain, issueChain(f.CriticalPath))})
		flagged = true
	}
	for _, s := range f.Stale {
		if s.Number == number && s.Ready {
			verb := "are"
			if len(s.Closed) == 1 {
				verb = "is"
			}
			doc.Add(Paragraph{Text: fmt.Sprintf("**Ready to start:** it is marked blocked by %s, which %s closed.", issueRefs(s.Closed), verb)})
			flagged = true
		}
	}
	if !flagged {
		doc.Add(Paragraph{Text: fmt.Sprintf("Fits one Minimum Viable Change now: at most %d open pieces of work, no dependency cycle, no chain longer than %d.", p.MaxOpenTasks, p.MaxChain)})
	}
	return doc, flagged
}

// loopOf is the loop of group i, or none when the findings carry no loops.
func loopOf(f issues.Findings, i int) issues.Loop {
	if i < len(f.Loops) {
		return f.Loops[i]
	}
	return issues.Loop{}
}

// loopChain draws a loop closed on its first issue: #1 → #2 → #1.
func loopChain(path []int) string { return issueChain(append(slices.Clip(path), path[0])) }

// cycleItem is one group of the report: a simple loop drawn as itself;
// a tangled group as its members, one real loop in it, and the link to
// drop when one alone frees them all. Every arrow drawn is a real link.
func cycleItem(group []int, l issues.Loop) string {
	if len(l.Path) < 2 {
		return issueRefs(group) + " wait on each other"
	}
	if !l.Tangled {
		return loopChain(l.Path) + ": drop or reverse any one of these links"
	}
	text := fmt.Sprintf("%s wait on each other through more than one loop, for example %s", issueRefs(group), loopChain(l.Path))
	if len(l.Cut) == 2 {
		return text + fmt.Sprintf(": dropping or reversing %s alone frees them all", issueChain(l.Cut))
	}
	return text + ": no single link frees them all; break this loop, then look again"
}

// cycleComment is what an issue's comment says of the group it is in.
func cycleComment(group []int, l issues.Loop, number int) string {
	at := slices.Index(l.Path, number)
	switch {
	case len(l.Path) < 2:
		return fmt.Sprintf("**It is in a dependency cycle:** %s wait on each other, so none of them can finish.", issueRefs(group))
	case !l.Tangled:
		path := append(slices.Clone(l.Path[at:]), l.Path[:at]...)
		return fmt.Sprintf("**It waits on itself:** %s (each waits on the next). None of these can finish; drop or reverse one of the links.", loopChain(path))
	}
	text := fmt.Sprintf("**It is in a dependency cycle:** %s wait on each other through more than one loop, for example %s (each waits on the next), so none of them can finish.", issueRefs(group), loopChain(l.Path))
	if len(l.Cut) == 2 {
		return text + fmt.Sprintf(" Dropping or reversing %s alone frees them all.", issueChain(l.Cut))
	}
	return text + " No single link frees them all: break this loop, then look again."
}
