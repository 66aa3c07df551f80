package issues

import (
	"cmp"
	"slices"
)

// Where an edge was read, in the order Build prefers them when two sources
// state the same edge: GitHub's own fields first, because they are
// structured and kept up to date by GitHub, then what people wrote.
const (
	SourceSubIssues    = "sub-issues"
	SourceDependencies = "dependencies"
	SourceTaskList     = "task list"
	SourceBody         = "body"
)

var sourceRank = map[string]int{SourceSubIssues: 0, SourceDependencies: 1, SourceTaskList: 2, SourceBody: 3}

// Graph is a read-only issue graph. Every list it returns is sorted by
// issue number (edges by From, then To, then Kind), so output built from it
// does not churn.
type Graph struct {
	issues   []Issue     // by number
	index    map[int]int // number → position in issues
	edges    []Edge      // by From, To, Kind
	incoming map[int][]Edge
	items    map[int][]item // parsed task lists, by issue number
	missing  []int
	repo     string // "owner/name", "" when not known
}

// Build makes the graph of list. Edges come from the API fields
// (SubIssues, BlockedBy) and from the bodies: task-list items naming an
// issue are Parent edges, prose dependencies BlockedBy edges and, in pull
// requests only, closing keywords Closes edges. An edge stated twice is
// kept once, with the preferred source; an issue referring to itself is
// ignored. When list holds a number twice, the first one counts.
//
// Build does not know which repository list is of, so it takes a URL to
// any repository's issue N for this one's (see BuildIn).
func Build(list []Issue) *Graph { return BuildIn("", list) }

// BuildIn is Build for the issues of repository repo ("owner/name"): a URL
// to an issue of another repository is left out of the edges, as
// "owner/other#12" is.
func BuildIn(repo string, list []Issue) *Graph {
	g := &Graph{index: map[int]int{}, incoming: map[int][]Edge{}, items: map[int][]item{}, repo: repo}
	for _, is := range list {
		if _, dup := g.index[is.Number]; !dup {
			g.index[is.Number] = -1
			g.issues = append(g.issues, is)
		}
	}
	slices.SortStableFunc(g.issues, func(a, b Issue) int { return cmp.Compare(a.Number, b.Number) })
	var edges []Edge
	for i, is := range g.issues {
		g.index[is.Number] = i
		edges = g.read(edges, is)
	}
	g.edges = dedupe(edges)
	for _, e := range g.edges {
		g.incoming[e.To] = append(g.incoming[e.To], e)
	}
	g.missing = g.unknown()
	return g
}

// read appends the edges issue is states.
func (g *Graph) read(edges []Edge, is Issue) []Edge {
	add := func(from, to int, kind EdgeKind, source string) {
		if from != to && from > 0 && to > 0 {
			edges = append(edges, Edge{From: from, To: to, Kind: kind, Source: source})
		}
	}
	n := is.Number
	for _, c := range is.SubIssues {
		add(n, c, Parent, SourceSubIssues)
	}
	for _, b := range is.BlockedBy {
		add(n, b, BlockedBy, SourceDependencies)
	}
	items := parseItems(is.Body, g.repo)
	if len(items) > 0 {
		g.items[n] = items
	}
	for _, it := range items {
		add(n, it.Ref, Parent, SourceTaskList)
	}
	links := parseLinks(is.Body, g.repo)
	for _, b := range links.BlockedBy {
		add(n, b, BlockedBy, SourceBody)
	}
	for _, b := range links.Blocks {
		add(b, n, BlockedBy, SourceBody)
	}
	if is.PullRequest {
		for _, c := range links.Closes {
			add(n, c, Closes, SourceBody)
		}
	}
	return edges
}

// dedupe sorts edges and keeps one of each (From, To, Kind), the one from
// the preferred source.
func dedupe(edges []Edge) []Edge {
	slices.SortStableFunc(edges, func(a, b Edge) int {
		return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To),
			cmp.Compare(a.Kind, b.Kind), cmp.Compare(sourceRank[a.Source], sourceRank[b.Source]))
	})
	return slices.CompactFunc(edges, func(a, b Edge) bool {
		return a.From == b.From && a.To == b.To && a.Kind == b.Kind
	})
}

// unknown lists the numbers edges name that are not in the graph.
func (g *Graph) unknown() []int {
	var missing []int
	for _, e := range g.edges {
		for _, n := range []int{e.From, e.To} {
			if !g.Has(n) {
				missing = append(missing, n)
			}
		}
	}
	slices.Sort(missing)
	return slices.Compact(missing)
}

// Has reports whether issue n is in the graph.
func (g *Graph) Has(n int) bool {
	_, ok := g.index[n]
	return ok
}

// Issue returns issue n, and whether the graph has it.
func (g *Graph) Issue(n int) (Issue, bool) {
	i, ok := g.index[n]
	if !ok {
		return Issue{}, false
	}
	return g.issues[i], true
}

// Issues returns the issues and pull requests, by number.
func (g *Graph) Issues() []Issue { return slices.Clone(g.issues) }

// Edges returns every edge, by From, To and Kind.
func (g *Graph) Edges() []Edge { return slices.Clone(g.edges) }

// EdgesFrom returns the edges leaving n, by To and Kind.
func (g *Graph) EdgesFrom(n int) []Edge {
	lo, _ := slices.BinarySearchFunc(g.edges, n, func(e Edge, n int) int { return cmp.Compare(e.From, n) })
	hi := lo
	for hi < len(g.edges) && g.edges[hi].From == n {
		hi++
	}
	return slices.Clone(g.edges[lo:hi])
}

// EdgesTo returns the edges arriving at n, by From and Kind.
func (g *Graph) EdgesTo(n int) []Edge { return slices.Clone(g.incoming[n]) }

// Tasks returns issue n's task-list items, in body order.
func (g *Graph) Tasks(n int) []Task {
	var tasks []Task
	for _, it := range g.items[n] {
		tasks = append(tasks, it.Task)
	}
	return tasks
}

// Missing returns the numbers edges refer to that are not in the graph:
// issues of other states or ages than the list held, or typos.
func (g *Graph) Missing() []int { return slices.Clone(g.missing) }
