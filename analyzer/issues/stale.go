package issues

// stale lists the open issues still marked blocked by closed ones. The
// closed blocker is done, so the edge no longer blocks: when nothing else
// does, the issue is ready to start, which its "blocked" look hides.
func stale(g *Graph) []Stale {
	var out []Stale
	for _, is := range g.issues {
		if is.State != Open || is.PullRequest {
			continue
		}
		s := Stale{Number: is.Number, Title: is.Title, Ready: true}
		for _, e := range g.EdgesFrom(is.Number) {
			if e.Kind != BlockedBy {
				continue
			}
			if blocker, ok := g.Issue(e.To); ok && blocker.State == Closed {
				s.Closed = append(s.Closed, e.To)
			} else {
				s.Ready = false // open, or unknown to the graph
			}
		}
		if len(s.Closed) > 0 {
			out = append(out, s)
		}
	}
	return out
}
