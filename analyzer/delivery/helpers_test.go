package delivery

import (
	"time"
)

// base is a Monday, 00:00 UTC: hand-built histories count hours from it.
var base = time.Date(2024, 3, 4, 0, 0, 0, 0, time.UTC)

func hour(n float64) time.Time { return base.Add(time.Duration(n * float64(time.Hour))) }

// graph builds a hand-made commit graph.
type graph struct{ commits []Commit }

// add appends a commit authored and committed at the given hours.
func (g *graph) add(sha string, authored, committed float64, parents ...string) *graph {
	g.commits = append(g.commits, Commit{SHA: sha, Parents: parents, Author: hour(authored), Committed: hour(committed)})
	return g
}

// line appends a chain of commits, each authored and committed at its hour,
// on top of parent ("" for a root).
func (g *graph) line(parent string, shas []string, hours []float64) *graph {
	for i, sha := range shas {
		var parents []string
		if parent != "" {
			parents = []string{parent}
		}
		g.add(sha, hours[i], hours[i], parents...)
		parent = sha
	}
	return g
}

func (g *graph) history() *History { return NewHistory(g.commits) }

func deploy(sha string, at float64, ref string) Deployment {
	return Deployment{SHA: sha, At: hour(at), Ref: ref}
}

func ptr(v float64) *float64 { return &v }

// shippedSHAs maps each deployment's ref to the SHAs it shipped.
func shippedSHAs(ss []Shipment) map[string][]string {
	out := map[string][]string{}
	for _, s := range ss {
		shas := []string{}
		for _, c := range s.Commits {
			shas = append(shas, c.SHA)
		}
		out[s.Ref] = shas
	}
	return out
}
