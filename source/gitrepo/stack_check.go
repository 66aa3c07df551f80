package gitrepo

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/mvcbot/mvc/analyzer/split"
)

// check compares a part's tree with the plan: the paths that differ from
// the base must be exactly the changed paths the parts so far leave
// different, with the blobs and modes they wrote. git's index silently
// drops the files under a directory when a file takes its path (and the
// reverse), so a plan that puts the two sides in different parts would
// otherwise move one part's removals into another's commit.
func (b *stackBuilder) check(ctx context.Context, p split.Part, tree string) error {
	out, err := b.r.Git(ctx, "diff-tree", "-r", "-z", "--no-renames", b.in.Change.Base, tree)
	if err != nil {
		return fmt.Errorf("compare the tree of part %d with the base: %w", p.Index, err)
	}
	got := map[string]treeEntry{}
	fields := bytes.Split(bytes.TrimSuffix(out, []byte{0}), []byte{0})
	for i := 0; i+1 < len(fields); i += 2 {
		meta := strings.Fields(strings.TrimPrefix(string(fields[i]), ":"))
		if len(meta) < 5 {
			return fmt.Errorf("compare the tree of part %d with the base: unexpected diff-tree record %q", p.Index, fields[i])
		}
		e := treeEntry{mode: meta[1], sha: meta[3]}
		if strings.Trim(e.sha, "0") == "" {
			e = treeEntry{}
		}
		got[string(fields[i+1])] = e
	}
	var wrong []string // paths whose entry is not the plan's
	for path, want := range b.now {
		e, changed := got[path]
		if want == b.base[path] && changed || want != b.base[path] && e != want {
			wrong = append(wrong, path)
		}
	}
	for path := range got {
		if _, planned := b.now[path]; !planned {
			wrong = append(wrong, path)
		}
	}
	if len(wrong) == 0 {
		return nil
	}
	slices.Sort(wrong)
	says := make([]string, len(wrong))
	for i, path := range wrong {
		want, ok := b.now[path]
		if !ok {
			want = b.base[path]
		}
		says[i] = describeMismatch(path, got[path], want)
	}
	msg := fmt.Sprintf("create stack: part %d (%s) cannot be built as planned: %s", p.Index, p.Title, joinFewWords(says))
	if b.clashes(p, wrong) {
		msg += ": a file and a directory at one path cannot both be in a tree, and the plan puts the two sides in different parts (keep them in one)"
	}
	return fmt.Errorf("%s; no branch was created", msg)
}

// describeMismatch says how a path of a part's tree differs from the plan.
func describeMismatch(path string, got, want treeEntry) string {
	switch {
	case got.sha == "":
		return path + " is gone, though the plan keeps it until a later part"
	case want.sha == "":
		return path + " is there, though the plan removes it"
	default:
		return fmt.Sprintf("%s has %s %s, the plan %s %s", path, got.mode, shortID(got.sha), want.mode, shortID(want.sha))
	}
}

// clashes reports whether a mismatched path is a directory holding one of
// the part's files, or a file where the part puts a directory.
func (b *stackBuilder) clashes(p split.Part, wrong []string) bool {
	for _, path := range wrong {
		for _, f := range p.Files {
			if strings.HasPrefix(path, f.Path+"/") || strings.HasPrefix(f.Path, path+"/") {
				return true
			}
		}
	}
	return false
}

// joinFewWords names up to three items and counts the rest.
func joinFewWords(items []string) string {
	if len(items) <= 3 {
		return strings.Join(items, "; ")
	}
	return fmt.Sprintf("%s; and %d more", strings.Join(items[:3], "; "), len(items)-3)
}
