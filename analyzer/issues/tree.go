package issues

// Tree keeps of list the issue root, what hangs below it (sub-issues and
// task-list items, recursively) and the issues those are blocked by, as
// the API's IssueTree reads them: so an export read whole can be looked at
// one issue at a time. Nil when root is not in the list.
func Tree(list []Issue, root int) []Issue { return TreeIn("", list, root) }

// TreeIn is Tree for the issues of repository repo ("owner/name"; see
// BuildIn).
func TreeIn(repo string, list []Issue, root int) []Issue {
	g := BuildIn(repo, list)
	if !g.Has(root) {
		return nil
	}
	keep := map[int]bool{root: true}
	queue := []int{root}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		for _, e := range g.EdgesFrom(n) {
			switch {
			case keep[e.To] || !g.Has(e.To):
			case e.Kind == Parent:
				keep[e.To] = true
				queue = append(queue, e.To)
			case e.Kind == BlockedBy:
				keep[e.To] = true // a blocker is read, not expanded
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
