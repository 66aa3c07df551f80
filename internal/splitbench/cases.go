// Package splitbench measures split proposals against history: it turns
// runs of consecutive commits by one author into synthetic oversized
// changes, asks the splitter to cut each one, and scores the cut against
// the commits the author actually made, beside trivial baselines. It runs
// git, so it lives outside analyzer/.
package splitbench

import (
	"bytes"
	"context"
	"fmt"
	"math/rand"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/mvcbot/mvc/source/gitrepo"
)

// commit is one first-parent commit of the history.
type commit struct {
	sha, parent  string
	merge        bool
	email, name  string
	when         time.Time
	subject      string
	lines, files int // changed lines and files, once measured
}

// Window is one benchmark case: k consecutive commits by one author, to
// be squashed onto Base.
type Window struct {
	Base    string   `json:"base"`
	Commits []string `json:"commits"` // oldest first
	Author  string   `json:"-"`
}

// maxGap is the longest pause between two commits of one window.
const maxGap = 14 * 24 * time.Hour

// Commit size limits: each commit of a window is a real, reviewable change.
const (
	minCommitLines = 1
	maxCommitLines = 1500
	maxCommitFiles = 60
)

// firstParentHistory lists the first-parent chain from HEAD, oldest first.
func firstParentHistory(ctx context.Context, r *gitrepo.Repo, since, until time.Time) ([]commit, error) {
	args := []string{"log", "--first-parent", "--format=%H%x00%P%x00%ae%x00%an%x00%ct%x00%s"}
	if !since.IsZero() {
		args = append(args, "--since="+since.Format(time.RFC3339))
	}
	if !until.IsZero() {
		args = append(args, "--until="+until.Format(time.RFC3339))
	}
	out, err := r.Git(ctx, append(args, "HEAD", "--")...)
	if err != nil {
		return nil, fmt.Errorf("read the first-parent history: %w", err)
	}
	var commits []commit
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Split(line, "\x00")
		if len(f) != 6 {
			continue
		}
		secs, _ := strconv.ParseInt(f[4], 10, 64)
		parents := strings.Fields(f[1])
		c := commit{sha: f[0], merge: len(parents) != 1, email: strings.ToLower(f[2]), name: f[3],
			when: time.Unix(secs, 0).UTC(), subject: f[5]}
		if len(parents) > 0 {
			c.parent = parents[0]
		}
		commits = append(commits, c)
	}
	for i, j := 0, len(commits)-1; i < j; i, j = i+1, j-1 {
		commits[i], commits[j] = commits[j], commits[i]
	}
	return commits, nil
}

var (
	botAuthor = regexp.MustCompile(`(?i)\[bot\]|\bbot@|-bot\b|^(dependabot|renovate|gopherbot|github-actions|greenkeeper)`)
	// skipSubject drops commits that are not someone's unit of work:
	// reverts, releases, version bumps, work in progress, fixups.
	skipSubject = regexp.MustCompile(`(?i)^(revert|release|wip\b|fixup!|squash!|amend!|merge\b)|^(chore|build)\((release|deps)\)|\bbump(s|ed)?\b.*\bversion\b|\bversion bump|^v?\d+\.\d+(\.\d+)?\b|^prepare (for )?(the )?release`)
)

// eligible says whether a commit may be part of a window, before sizes.
func eligible(c commit) bool {
	return !c.merge && c.parent != "" && !botAuthor.MatchString(c.email) && !botAuthor.MatchString(c.name) &&
		!skipSubject.MatchString(strings.TrimSpace(c.subject))
}

// runs cuts the history into maximal runs of eligible commits by the same
// author, each within maxGap of the previous one.
func runs(commits []commit) [][]commit {
	var out [][]commit
	var cur []commit
	for _, c := range commits {
		if !eligible(c) {
			cur = flush(&out, cur)
			continue
		}
		if len(cur) > 0 {
			prev := cur[len(cur)-1]
			if prev.email != c.email || c.when.Sub(prev.when) > maxGap || c.parent != prev.sha {
				cur = flush(&out, cur)
			}
		}
		cur = append(cur, c)
	}
	flush(&out, cur)
	return out
}

func flush(out *[][]commit, cur []commit) []commit {
	if len(cur) >= 2 {
		*out = append(*out, cur)
	}
	return nil
}

// measure fills the changed lines and files of the given commits with one
// git process. When git cannot read some commit (a partial clone lacks a
// blob), it measures them one by one and marks the unreadable ones too
// large to be drawn.
func measure(ctx context.Context, r *gitrepo.Repo, commits []*commit) error {
	err := measureBatch(ctx, r, commits)
	if err == nil || ctx.Err() != nil || len(commits) == 1 {
		return err
	}
	for _, c := range commits {
		c.lines, c.files = 0, 0
		if measureBatch(ctx, r, []*commit{c}) != nil {
			c.lines = maxCommitLines + 1
		}
	}
	return ctx.Err()
}

func measureBatch(ctx context.Context, r *gitrepo.Repo, commits []*commit) error {
	if len(commits) == 0 {
		return nil
	}
	// The algorithm and drivers are pinned, so the user's git config
	// (diff.algorithm=patience, say) cannot change the counts.
	args := []string{"show", "--no-renames", "--numstat", "--format=%x01%H", "--no-color",
		"--diff-algorithm=myers", "--no-ext-diff", "--no-textconv", "--no-relative"}
	bySHA := map[string]*commit{}
	for _, c := range commits {
		args = append(args, c.sha)
		bySHA[c.sha] = c
	}
	out, err := r.Git(ctx, args...)
	if err != nil {
		return fmt.Errorf("measure %d commits from %s: %w", len(commits), short(commits[0].sha), err)
	}
	for _, rec := range bytes.Split(out, []byte{1})[1:] {
		lines := strings.Split(strings.TrimSpace(string(rec)), "\n")
		c := bySHA[lines[0]]
		if c == nil {
			continue
		}
		for _, l := range lines[1:] {
			f := strings.SplitN(l, "\t", 3)
			if len(f) != 3 {
				continue
			}
			add, _ := strconv.Atoi(f[0])
			del, _ := strconv.Atoi(f[1])
			c.lines += add + del
			c.files++
		}
	}
	return nil
}

func sized(c commit) bool {
	return c.lines >= minCommitLines && c.lines <= maxCommitLines && c.files <= maxCommitFiles
}

// sampleWindows draws up to n non-overlapping windows, spread evenly over
// the sizes in ks, reproducibly for a seed. Runs are measured lazily, in
// sampling order, so a large history costs only what the sample needs.
func sampleWindows(ctx context.Context, r *gitrepo.Repo, rs [][]commit, n int, ks []int, seed int64) ([]Window, error) {
	type slot struct {
		run, start, k int
	}
	var slots []slot
	for ri, run := range rs {
		for _, k := range ks {
			for s := 0; s+k <= len(run); s++ {
				slots = append(slots, slot{ri, s, k})
			}
		}
	}
	rng := rand.New(rand.NewSource(seed))
	rng.Shuffle(len(slots), func(i, j int) { slots[i], slots[j] = slots[j], slots[i] })
	perK := map[int]int{}
	used := map[string]bool{}
	measured := map[int]bool{}
	var out []Window
	// The first pass keeps to each size's quota; the second fills what
	// sizes without enough windows left over.
	for pass := 0; pass < 2; pass++ {
		for _, s := range slots {
			if len(out) >= n || pass == 0 && perK[s.k] >= quota(n, ks, s.k) {
				continue
			}
			run := rs[s.run]
			if !measured[s.run] {
				if err := measure(ctx, r, pointers(run)); err != nil {
					return nil, err
				}
				measured[s.run] = true
			}
			w, ok := window(run[s.start:s.start+s.k], used)
			if !ok {
				continue
			}
			out = append(out, w)
			perK[s.k]++
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Commits[0] < out[j].Commits[0] })
	return out, nil
}

// quota is the share of n for size k: even, the remainder to the smaller
// sizes.
func quota(n int, ks []int, k int) int {
	q := n / len(ks)
	for i, x := range ks {
		if x == k && i < n%len(ks) {
			q++
		}
	}
	return q
}

func window(cs []commit, used map[string]bool) (Window, bool) {
	for _, c := range cs {
		if used[c.sha] || !sized(c) {
			return Window{}, false
		}
	}
	w := Window{Base: cs[0].parent, Author: cs[0].email}
	for _, c := range cs {
		used[c.sha] = true
		w.Commits = append(w.Commits, c.sha)
	}
	return w, true
}

func pointers(cs []commit) []*commit {
	out := make([]*commit, len(cs))
	for i := range cs {
		out[i] = &cs[i]
	}
	return out
}
