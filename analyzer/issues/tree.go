package issues

// Tree keeps of list the issue root, what hangs below it (sub-issues and
// task-list items, recursively) and the issues those are blocked by, as
// the API's IssueTree reads them: so an export read whole can be looked at
// one issue at a time. Nil when root is not in the list.
func Tree(list []Issue, root int) []Issue { return TreeIn("", list, root) }

// TreeIn is Tree for the issues of repository repo ("owner/name"; see
// BuildIn).
//
// A blocker is kept but not expanded; one that is also below a kept issue
// is expanded when that edge is met, whichever came first, so the tree
// does not depend on the order of the walk.
func TreeIn(repo string, list []Issue, root int) []Issue {
	g := BuildIn(repo, list)
	if !g.Has(root) {
		return nil
	}
	keep := map[int]bool{root: true}
	expanded := map[int]bool{root: true}
	queue := []int{root}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		for _, e := range g.EdgesFrom(n) {
			if !g.Has(e.To) {
				continue
			}
			switch e.Kind {
			case Parent:
				keep[e.To] = true
				if !expanded[e.To] {
					expanded[e.To] = true
					queue = append(queue, e.To)
				}
			case BlockedBy:
				keep[e.To] = true
			}
		}
	}
	var out []Issue
	for _, is := range list {
		if keep[is.Number] {
			out = append(out, is)
			keep[is.Number] = false // an issue listed twice counts once, as in Build
		}
	}
	return out
}

// Below returns the issues is names as below it and as before it, as
// BuildIn reads the edges leaving it in repository repo ("owner/name", ""
// when not known): children are its sub-issues, then the issues its
// task-list items name, in order; blockers are its blocked-by
// dependencies, then those its body states ("blocked by #3"). Each number
// comes once, and is itself never. A source that reads one issue's tree
// (IssueTree) follows these, so it reads what Tree keeps of a whole
// export.
func Below(repo string, is Issue) (children, blockers []int) {
	add := func(list []int, numbers ...int) []int {
		for _, n := range numbers {
			if n > 0 && n != is.Number {
				list = appendNew(list, n)
			}
		}
		return list
	}
	children = add(nil, is.SubIssues...)
	for _, it := range parseItems(is.Body, repo) {
		children = add(children, it.Ref)
	}
	blockers = add(add(nil, is.BlockedBy...), parseLinks(is.Body, repo).BlockedBy...)
	return children, blockers
}
