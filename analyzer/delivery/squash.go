package delivery

import "time"

// GitHubCommitter is the committer email of commits GitHub writes itself
// when a pull request is squashed or rebased through the web.
const GitHubCommitter = "noreply@github.com"

// leadTimes measures a deployment's commits: deployment time minus author
// date. A squash commit loses its pull request's history (its author date
// is the merge), so when the history knows the pull request's original
// commits (History.SetOriginals) they are measured instead, each from its
// own author date. Rebase merges keep author dates, so two checks keep a
// rebased commit from being counted twice: a commit whose own author date
// is among its originals is a rebase, not a squash; and an original whose
// author date matches a commit shipped by the same deployment is that
// commit, already counted.
func leadTimes(h *History, at time.Time, commits []Commit) ([]time.Duration, int) {
	authored := make(map[int64]bool, len(commits))
	for _, c := range commits {
		authored[c.Author.UnixNano()] = true
	}
	leads := make([]time.Duration, 0, len(commits))
	expanded := 0
	for _, c := range commits {
		originals := squashOriginals(h.originals[c.SHA], c, authored)
		if len(originals) == 0 {
			leads = append(leads, at.Sub(c.Author))
			continue
		}
		expanded++
		for _, o := range originals {
			leads = append(leads, at.Sub(o))
		}
	}
	return leads, expanded
}

// squashOriginals returns the originals c stands for, or none when c is
// not a squash of them.
func squashOriginals(originals []time.Time, c Commit, authored map[int64]bool) []time.Time {
	var out []time.Time
	for _, o := range originals {
		if o.Equal(c.Author) {
			return nil // a rebased commit keeps its author date
		}
		if !authored[o.UnixNano()] {
			out = append(out, o)
		}
	}
	return out
}

// SquashCandidates lists the commits worth asking the API about: those
// GitHub committed (squash or rebase merges through the web) shipped by a
// deployment in the window or the one before it (the trend's baseline),
// newest deployment first, so a capped budget goes to the current window.
func SquashCandidates(h *History, deploys []Deployment, opts Options) []string {
	if opts.WindowDays <= 0 {
		opts.WindowDays = DefaultWindowDays
	}
	span := NewWindow(opts.Until, 2*opts.WindowDays)
	shipments := Ship(h, inEnvironment(deploys, opts.Environment))
	var out []string
	for i := len(shipments) - 1; i >= 0; i-- {
		s := shipments[i]
		if !span.Contains(s.At) {
			continue
		}
		for _, c := range s.Commits {
			if c.CommitterEmail == GitHubCommitter {
				out = append(out, c.SHA)
			}
		}
	}
	return out
}
