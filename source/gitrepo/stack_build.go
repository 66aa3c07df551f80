package gitrepo

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"github.com/mvcbot/mvc/analyzer"
	"github.com/mvcbot/mvc/analyzer/split"
)

// symlinkMode is git's mode for a symbolic link.
const symlinkMode = "120000"

// treeEntry is a file in a git tree: its mode and blob; the zero entry is
// no file.
type treeEntry struct{ mode, sha string }

// stackBuilder writes one commit per part on a temporary index that starts
// as the base's tree.
type stackBuilder struct {
	r          *Repo
	in         split.Input
	plan       split.Plan
	idx        *tempIndex
	root       bool                 // the change starts at the empty tree: the first commit has no parent
	base, head map[string]treeEntry // changed paths at the two sides
	now        map[string]treeEntry // changed paths as the parts written so far leave them
	pieces     map[string]int       // hunks (or whole-file pieces) per path over all parts
	headTree   string
}

func newStackBuilder(ctx context.Context, r *Repo, in split.Input, plan split.Plan) (*stackBuilder, error) {
	b := &stackBuilder{r: r, in: in, plan: plan, pieces: map[string]int{}}
	if !r.HasCommit(ctx, in.Change.Base) {
		if kind, _ := r.GitString(ctx, "cat-file", "-t", in.Change.Base); kind != "tree" {
			return nil, fmt.Errorf("create stack: base %s is not a commit", shortID(in.Change.Base))
		}
		b.root = true // the empty tree a root commit's change is measured from
	}
	for _, p := range plan.Parts {
		for _, f := range p.Files {
			b.pieces[f.Path] += max(len(f.Hunks), 1)
		}
	}
	for _, f := range in.Change.Files {
		if b.pieces[f.Path] == 0 {
			return nil, fmt.Errorf("create stack: %s changes but no part holds it, so the stack would not reach the head", f.Path)
		}
	}
	var err error
	if b.base, err = changedEntries(ctx, r, in.Change.Base, in.Change.Files); err != nil {
		return nil, err
	}
	if b.head, err = changedEntries(ctx, r, in.Change.Head, in.Change.Files); err != nil {
		return nil, err
	}
	b.now = make(map[string]treeEntry, len(b.base))
	for p, e := range b.base {
		b.now[p] = e
	}
	if b.headTree, err = r.GitString(ctx, "rev-parse", in.Change.Head+"^{tree}"); err != nil {
		return nil, fmt.Errorf("read the tree of head %s: %w", shortID(in.Change.Head), err)
	}
	if b.idx, err = newTempIndex(); err != nil {
		return nil, err
	}
	if _, err := gitWith(ctx, r, b.idx.env, nil, "read-tree", in.Change.Base); err != nil {
		b.close()
		return nil, fmt.Errorf("read the tree of base %s: %w", shortID(in.Change.Base), err)
	}
	return b, nil
}

func (b *stackBuilder) close() {
	if b.idx != nil {
		b.idx.close()
	}
}

// changedEntries lists the mode and blob of the changed paths at rev.
func changedEntries(ctx context.Context, r *Repo, rev string, files []analyzer.FileChange) (map[string]treeEntry, error) {
	out, err := r.Git(ctx, "ls-tree", "-r", "-z", "--full-tree", rev)
	if err != nil {
		return nil, fmt.Errorf("list the tree of %s: %w", shortID(rev), err)
	}
	want := map[string]bool{}
	for _, f := range files {
		want[f.Path] = true
	}
	entries := map[string]treeEntry{}
	for _, rec := range bytes.Split(out, []byte{0}) {
		meta, path, ok := strings.Cut(string(rec), "\t")
		fields := strings.Fields(meta)
		if !ok || len(fields) != 3 || !want[path] {
			continue
		}
		entries[path] = treeEntry{mode: fields[0], sha: fields[2]}
	}
	return entries, nil
}

// build writes the commits, each on the previous, checks that each holds
// exactly what the plan says, and that the last has the head's tree.
func (b *stackBuilder) build(ctx context.Context) ([]StackBranch, error) {
	parent := b.in.Change.Base
	applied := map[string]int{}
	var branches []StackBranch
	for n, p := range b.plan.Parts {
		tree, err := b.partTree(ctx, n+1, p, applied)
		if err != nil {
			return nil, fmt.Errorf("build the tree of part %d: %w", p.Index, err)
		}
		if err := b.check(ctx, p, tree); err != nil {
			return nil, err
		}
		args := []string{"commit-tree", tree}
		if n > 0 || !b.root {
			args = append(args, "-p", parent)
		}
		// The message goes on stdin, not -m: an error then names the
		// command in one line, without the message's paragraphs.
		commit, err := gitWith(ctx, b.r, nil, []byte(commitMessage(p, len(b.plan.Parts))), args...)
		if err != nil {
			return nil, fmt.Errorf("commit part %d: %w", p.Index, err)
		}
		branches = append(branches, StackBranch{Part: p.Index, Name: StackBranchName(p), Commit: commit, Tree: tree})
		parent = commit
	}
	if top := branches[len(branches)-1].Tree; top != b.headTree {
		return nil, fmt.Errorf("create stack: the top of the stack has tree %s but head %s has %s; no branch was created", shortID(top), shortID(b.in.Change.Head), shortID(b.headTree))
	}
	return branches, nil
}

// partTree updates the index with the files part p touches, as they are
// after the first n parts, and writes the tree. A file all of whose pieces
// are applied takes the head's blob and mode as they are, so the top of the
// stack is the head's tree byte for byte; a file cut across parts takes the
// content split.Apply computes. Removals go first: a file that takes the
// place of a directory (or the reverse) finds its path free.
func (b *stackBuilder) partTree(ctx context.Context, n int, p split.Part, applied map[string]int) (string, error) {
	var partial map[string][]byte
	var gone, put bytes.Buffer
	for _, f := range p.Files {
		applied[f.Path] += max(len(f.Hunks), 1)
		entry := b.head[f.Path]
		if applied[f.Path] < b.pieces[f.Path] {
			if partial == nil {
				var err error
				if partial, err = split.Apply(b.in, b.plan, n); err != nil {
					return "", err
				}
			}
			var err error
			if entry, err = b.partialEntry(ctx, f.Path, partial); err != nil {
				return "", err
			}
		}
		b.now[f.Path] = entry
		if entry.sha == "" {
			b.writeIndexLine(&gone, entry, f.Path)
		} else {
			b.writeIndexLine(&put, entry, f.Path)
		}
	}
	if _, err := gitWith(ctx, b.r, b.idx.env, append(gone.Bytes(), put.Bytes()...), "update-index", "-z", "--index-info"); err != nil {
		return "", fmt.Errorf("update the temporary index: %w", err)
	}
	return gitWith(ctx, b.r, b.idx.env, nil, "write-tree")
}

// partialEntry writes the blob of a file some of whose hunks are applied.
func (b *stackBuilder) partialEntry(ctx context.Context, path string, after map[string][]byte) (treeEntry, error) {
	content, exists := after[path]
	if !exists {
		return treeEntry{}, nil
	}
	_, inBase := b.in.Base[path]
	if _, wasThere := b.base[path]; wasThere && !inBase {
		return treeEntry{}, fmt.Errorf("%s is cut across parts but too large to read; keep it in one part", path)
	}
	sha, err := gitWith(ctx, b.r, nil, content, "hash-object", "-w", "--stdin")
	if err != nil {
		return treeEntry{}, fmt.Errorf("write the blob of %s: %w", path, err)
	}
	mode := b.head[path].mode
	if mode == "" || mode == symlinkMode && b.base[path].mode != "" {
		// A file that becomes a symlink stays a file until its last piece:
		// a symlink to half a file's text points nowhere.
		mode = b.base[path].mode
	}
	return treeEntry{mode: mode, sha: sha}, nil
}

// writeIndexLine adds an --index-info record; an empty entry removes the
// path.
func (b *stackBuilder) writeIndexLine(w *bytes.Buffer, e treeEntry, path string) {
	if e.sha == "" {
		// The null object id has the length of the repository's hashes.
		fmt.Fprintf(w, "0 %s\t%s\x00", strings.Repeat("0", len(b.headTree)), path)
		return
	}
	fmt.Fprintf(w, "%s %s\t%s\x00", e.mode, e.sha, path)
}

func commitMessage(p split.Part, total int) string {
	msg := fmt.Sprintf("%s\n\n%s\n\nPart %d of %d proposed by mvc split.", p.Title, p.Rationale, p.Index, total)
	if len(p.DependsOn) > 0 {
		msg += fmt.Sprintf(" Depends on part %s.", joinInts(p.DependsOn))
	}
	return msg + "\n"
}

func joinInts(xs []int) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = fmt.Sprint(x)
	}
	return strings.Join(s, ", ")
}
