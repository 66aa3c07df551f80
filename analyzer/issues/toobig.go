package issues

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// work is what is left to do on an issue.
type work struct {
	children []int  // open children in the graph, ascending
	tasks    []item // unchecked items that name no other issue, in body order
	items    []item // the whole task list, for the nesting of tasks
	listed   bool   // the issue names any child or task at all
}

// openWork counts an issue's open pieces of work without counting one twice:
// a task-list item naming another issue is that issue, so its state counts
// (GitHub shows the issue's state there, and people seldom tick those
// boxes), not its checkbox. Children missing from the graph are left out:
// their state is unknown, and Missing reports them.
func openWork(g *Graph, n int) work {
	w := work{items: g.items[n]}
	for _, e := range g.EdgesFrom(n) {
		if e.Kind != Parent {
			continue
		}
		w.listed = true
		if child, ok := g.Issue(e.To); ok && child.State == Open {
			w.children = append(w.children, e.To)
		}
	}
	for _, it := range w.items {
		w.listed = true
		if !it.Done && (it.Ref == 0 || it.Ref == n) {
			w.tasks = append(w.tasks, it)
		}
	}
	return w
}

func (w work) open() int { return len(w.children) + len(w.tasks) }

// tooBig says whether open issue is is too big to ship as one MVC, and why.
func tooBig(g *Graph, is Issue, p Policy) (TooBig, bool) {
	if is.State != Open || is.PullRequest {
		return TooBig{}, false
	}
	w := openWork(g, is.Number)
	t := TooBig{Number: is.Number, Title: is.Title}
	if w.open() > p.MaxOpenTasks {
		t.Reasons = append(t.Reasons, fmt.Sprintf("%d open pieces of work (open sub-issues: %d, unchecked tasks: %d): more than %d is more than one MVC",
			w.open(), len(w.children), len(w.tasks), p.MaxOpenTasks))
		t.Breakdown = breakdown(g, is, w, p.MaxOpenTasks)
	}
	if kind := umbrella(is); kind != "" && !w.listed {
		t.Reasons = append(t.Reasons, fmt.Sprintf("%s but lists no sub-issues or tasks: nothing in it is small enough to ship yet", kind))
	}
	return t, len(t.Reasons) > 0
}

var umbrellaTitle = regexp.MustCompile(`(?i)^\s*(?:\[\s*(epic|umbrella|tracking)\s*\]|(epic|umbrella|tracking issue|tracking)\s*:)`)

// umbrellaLabels are labels teams put on issues that stand for a body of
// work rather than one change. Only exact names: "epic-size" or
// "tracking-bug" may mean something else, and a false "too big" teaches
// people to ignore the report.
var umbrellaLabels = []string{"epic", "umbrella", "tracking", "tracking issue", "tracking-issue"}

// umbrella says how issue is marked as standing for a body of work (a
// label, or a title starting "Epic:" or "[Tracking]"), "" if it is not.
func umbrella(is Issue) string {
	for _, l := range is.Labels {
		if slices.Contains(umbrellaLabels, strings.ToLower(strings.TrimSpace(l))) {
			return fmt.Sprintf("labelled %q", l)
		}
	}
	if m := umbrellaTitle.FindStringSubmatch(is.Title); m != nil {
		return fmt.Sprintf("titled as %s", strings.ToLower(m[1]+m[2]))
	}
	return ""
}
