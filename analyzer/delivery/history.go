// Package delivery computes DORA throughput metrics, deployment frequency
// and lead time for changes, from plain facts: a commit graph and a list of
// deployments. Adapters (source/gitrepo, source/github) gather the facts;
// nothing here runs git or talks to an API.
//
// The definitions follow the project's issue 5 exactly and are repeated
// where they are decided, so the README and the code say the same thing.
package delivery

import (
	"sort"
	"time"
)

// Commit is one node of the commit graph with the two dates git keeps.
type Commit struct {
	SHA     string
	Parents []string
	// Author is when the change was first written. It survives rebases,
	// amends and cherry-picks, which is why lead time is measured from it.
	Author time.Time
	// Committed is when the commit object was made (the committer date).
	Committed time.Time
	// CommitterEmail tells commits GitHub made apart (noreply@github.com:
	// squash and rebase merges through the web), the ones whose pull
	// request may hold older original commits.
	CommitterEmail string
	// Reverts lists the commits this one says it reverts (git's
	// "This reverts commit <sha>." line), full or abbreviated SHAs.
	Reverts []string
	// MergedBranch is the branch a merge commit's subject names ("Merge
	// pull request #12 from owner/hotfix/db", "Merge branch 'hotfix/db'"):
	// how a hotfix branch is recognised without the API.
	MergedBranch string
}

// IsMerge reports whether the commit has more than one parent. Merge
// commits are bookkeeping, not changes: they ship no lead time of their own.
func (c Commit) IsMerge() bool { return len(c.Parents) > 1 }

// History is an indexed commit graph. Parents missing from it (a shallow
// clone, a partial listing from an API) simply end the walk there.
type History struct {
	commits []Commit
	index   map[string]int32
	parents [][]int32 // parents[i] are the indexes of commits[i]'s known parents
	// originals are the author dates of the original commits of the pull
	// request a squash commit stands for, by the squash commit's SHA.
	originals map[string][]time.Time
	// scope, when set, holds the commits that count as changes: those
	// touching one service's paths in a monorepo.
	scope map[string]bool
	// messagesRead says commit messages were read (Reverts, MergedBranch
	// are known), so "no revert found" means none, not "not looked".
	messagesRead bool
}

// NewHistory indexes commits (in any order). A SHA listed twice keeps its
// first entry.
func NewHistory(commits []Commit) *History {
	h := &History{index: make(map[string]int32, len(commits))}
	h.commits = make([]Commit, 0, len(commits))
	for _, c := range commits {
		if _, dup := h.index[c.SHA]; dup {
			continue
		}
		h.index[c.SHA] = int32(len(h.commits))
		h.commits = append(h.commits, c)
	}
	h.parents = make([][]int32, len(h.commits))
	for i, c := range h.commits {
		for _, p := range c.Parents {
			if j, ok := h.index[p]; ok {
				h.parents[i] = append(h.parents[i], j)
			}
		}
	}
	return h
}

// Len is the number of commits in the graph.
func (h *History) Len() int {
	if h == nil {
		return 0
	}
	return len(h.commits)
}

// Commit returns the commit with the given SHA.
func (h *History) Commit(sha string) (Commit, bool) {
	i, ok := h.lookup(sha)
	if !ok {
		return Commit{}, false
	}
	return h.commits[i], true
}

// FirstParentChain follows first parents from tip, newest first, for as
// long as the graph holds them.
func (h *History) FirstParentChain(tip string) []Commit {
	var chain []Commit
	i, ok := h.lookup(tip)
	// The bound only matters for a hand-built graph with a cycle, which git
	// cannot produce: it turns bad input into a short answer, not a hang.
	for ok && len(chain) < len(h.commits) {
		c := h.commits[i]
		chain = append(chain, c)
		if len(c.Parents) == 0 {
			break
		}
		i, ok = h.lookup(c.Parents[0])
	}
	return chain
}

// SetOriginals records, per commit SHA, the author dates of the original
// commits of the pull request it merged (from the API). Lead time then
// counts a squash commit as those originals; see Ship.
func (h *History) SetOriginals(originals map[string][]time.Time) {
	if h.originals == nil {
		h.originals = map[string][]time.Time{}
	}
	for sha, dates := range originals {
		h.originals[sha] = dates
	}
}

// SetScope limits the changes whose lead time is measured to the given
// commits (for a monorepo service: the commits touching its paths). The
// graph is still walked in full, so attribution is unchanged: a commit
// outside the scope is shipped, just not measured. Nil removes the limit.
func (h *History) SetScope(commits map[string]bool) { h.scope = commits }

// SetMessagesRead records that the commits' messages were read, so revert
// and hotfix-branch signals count as read even when none fired.
func (h *History) SetMessagesRead() { h.messagesRead = true }

// MessagesRead reports whether commit messages were read.
func (h *History) MessagesRead() bool { return h != nil && h.messagesRead }

// inScope reports whether c counts as a change of the unit measured.
func (h *History) inScope(c Commit) bool { return h.scope == nil || h.scope[c.SHA] }

func (h *History) lookup(sha string) (int32, bool) {
	if h == nil {
		return 0, false
	}
	i, ok := h.index[sha]
	return i, ok
}

// sortCommits orders commits by author date, then SHA.
func sortCommits(cs []Commit) {
	sort.Slice(cs, func(i, j int) bool {
		if !cs[i].Author.Equal(cs[j].Author) {
			return cs[i].Author.Before(cs[j].Author)
		}
		return cs[i].SHA < cs[j].SHA
	})
}
