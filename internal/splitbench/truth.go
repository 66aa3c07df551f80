package splitbench

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/mvcbot/mvc/analyzer"
	"github.com/mvcbot/mvc/source/gitrepo"
)

// lineID names one changed line of the squashed diff: a deleted line by
// its base line number, an added one by its head line number.
type lineID struct {
	path string
	op   analyzer.Op
	n    int
}

// squash writes a commit with the window's final tree whose parent is the
// window's base: the splitter sees one change and nothing of the commits,
// their messages or their number. The fixed identity and dates make the
// synthetic commit the same on every run.
func squash(ctx context.Context, r *gitrepo.Repo, w Window) (string, error) {
	top := w.Commits[len(w.Commits)-1]
	cmd := r.Command(ctx, "commit-tree", top+"^{tree}", "-p", w.Base, "-m", "mvc bench split: squashed window")
	cmd.Env = append(cmd.Env,
		"GIT_AUTHOR_NAME=mvc bench", "GIT_AUTHOR_EMAIL=bench@mvc.invalid", "GIT_AUTHOR_DATE=2000-01-01T00:00:00Z",
		"GIT_COMMITTER_NAME=mvc bench", "GIT_COMMITTER_EMAIL=bench@mvc.invalid", "GIT_COMMITTER_DATE=2000-01-01T00:00:00Z")
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		// git's first line says what failed; the rest is advice, and an
		// error is one line.
		msg, _, _ := strings.Cut(strings.TrimSpace(stderr.String()), "\n")
		return "", fmt.Errorf("squash %s..%s: %v: %s", short(w.Base), short(top), err, msg)
	}
	return strings.TrimSpace(out.String()), nil
}

// truth labels each changed line of the squashed diff with the window
// commit (1..k) that made it: git blame over the window for added lines;
// git blame --reverse for deleted lines, whose deleting commit is the one
// after the last that still had them. Lines git attributes elsewhere (a
// line blame says survived, or came from before the window) are left out
// and counted as unclear.
func truth(ctx context.Context, r *gitrepo.Repo, w Window, files []analyzer.FileChange) (map[lineID]int, int, error) {
	index := map[string]int{w.Base: 0}
	for i, c := range w.Commits {
		index[c] = i + 1
	}
	top := w.Commits[len(w.Commits)-1]
	labels := map[lineID]int{}
	unclear := 0
	for _, f := range files {
		adds, dels := changedLines(f)
		if len(adds) > 0 {
			got, err := blame(ctx, r, w.Base+".."+top, f.Path, false)
			if err != nil {
				return nil, 0, err
			}
			unclear += label(labels, f.Path, analyzer.Add, adds, got, func(sha string) int { return index[sha] })
		}
		if len(dels) > 0 {
			got, err := blame(ctx, r, w.Base+".."+top, f.Path, true)
			if err != nil {
				return nil, 0, err
			}
			k := len(w.Commits)
			unclear += label(labels, f.Path, analyzer.Delete, dels, got, func(sha string) int {
				if i, ok := index[sha]; ok && i < k {
					return i + 1 // deleted by the commit after the last that had it
				}
				return 0
			})
		}
	}
	return labels, unclear, nil
}

func label(labels map[lineID]int, p string, op analyzer.Op, lines []int, blamed map[int]string, commitOf func(string) int) int {
	unclear := 0
	for _, n := range lines {
		sha, ok := blamed[n]
		c := 0
		if ok {
			c = commitOf(sha)
		}
		if c <= 0 {
			unclear++
			continue
		}
		labels[lineID{p, op, n}] = c
	}
	return unclear
}

// changedLines lists a file's added lines (head numbers) and deleted lines
// (base numbers).
func changedLines(f analyzer.FileChange) (adds, dels []int) {
	for _, h := range f.Hunks {
		old, new := h.OldStart, h.NewStart
		for _, l := range h.Lines {
			switch l.Op {
			case analyzer.Delete:
				dels = append(dels, old)
				old++
			case analyzer.Add:
				adds = append(adds, new)
				new++
			default:
				old, new = old+1, new+1
			}
		}
	}
	return adds, dels
}

var blameHeader = regexp.MustCompile(`^([0-9a-f]{40,64}) (\d+) (\d+)`)

// blame maps each line number of the file (head lines, or base lines with
// reverse) to the commit git blame gives it; boundary commits map to "".
func blame(ctx context.Context, r *gitrepo.Repo, rng, p string, reverse bool) (map[int]string, error) {
	args := []string{"blame", "--porcelain"}
	if reverse {
		args = append(args, "--reverse")
	}
	out, err := r.Git(ctx, append(args, rng, "--", p)...)
	if err != nil {
		return nil, fmt.Errorf("blame %s over %s: %w", p, rng, err)
	}
	got := map[int]string{}
	boundary := map[string]bool{}
	var cur string
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		line := sc.Text()
		if m := blameHeader.FindStringSubmatch(line); m != nil {
			cur = m[1]
			n, _ := strconv.Atoi(m[3])
			got[n] = cur
			continue
		}
		if line == "boundary" {
			boundary[cur] = true
		}
	}
	for n, sha := range got {
		if boundary[sha] && !reverse {
			got[n] = ""
		}
	}
	return got, sc.Err()
}

func short(sha string) string { return sha[:min(len(sha), 12)] }
