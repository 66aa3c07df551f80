package issues

// Analyze finds what is worth saying about g under p: open issues too big
// for one MVC (with a proposed breakdown), dependency cycles, the critical
// path, and stale blockers. The same graph gives the same findings.
func Analyze(g *Graph, p Policy) Findings {
	f := Findings{Summary: summarize(g)}
	for _, is := range g.issues {
		if t, ok := tooBig(g, is, p); ok {
			f.TooBig = append(f.TooBig, t)
		}
	}
	order := newPrecedence(g)
	comp := order.components()
	f.Cycles, f.Loops = order.cycles(comp)
	f.CriticalPath = order.criticalPath(comp)
	f.ChainTooLong = len(f.CriticalPath) > p.MaxChain
	f.Stale = stale(g)
	return f
}

func summarize(g *Graph) Summary {
	s := Summary{Missing: g.Missing()}
	for _, is := range g.issues {
		switch {
		case is.PullRequest && is.State == Open:
			s.OpenPulls++
		case is.PullRequest:
			s.ClosedPulls++
		case is.State == Open:
			s.OpenIssues++
		default:
			s.ClosedIssues++
		}
	}
	for _, e := range g.edges {
		switch e.Kind {
		case Parent:
			s.ParentEdges++
		case BlockedBy:
			s.BlockedByEdges++
		case Closes:
			s.ClosesEdges++
		}
	}
	return s
}
