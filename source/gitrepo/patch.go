package gitrepo

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"github.com/mvcbot/mvc/analyzer"
	"github.com/mvcbot/mvc/analyzer/patch"
	"github.com/mvcbot/mvc/analyzer/size"
	"github.com/mvcbot/mvc/analyzer/split"
	"github.com/mvcbot/mvc/source/script"
)

// SplitInput reads everything the splitter needs for the change from base
// to head: the diff with every line, the changed files' contents on both
// sides, the co-change history of the base (never later commits), the
// base's CODEOWNERS and .gitattributes. The caller sets the policy. It
// runs a fixed handful of git processes whatever the change's size.
func (r *Repo) SplitInput(ctx context.Context, base, head string) (split.Input, error) {
	baseSHA, err := r.resolveTreeish(ctx, base)
	if err != nil {
		return split.Input{}, err
	}
	headSHA, err := r.ResolveCommit(ctx, head)
	if err != nil {
		return split.Input{}, err
	}
	files, err := r.Patch(ctx, baseSHA, headSHA)
	if err != nil {
		return split.Input{}, err
	}
	in := split.Input{Change: analyzer.Change{Base: baseSHA, Head: headSHA, Files: files}}
	if in.Renames, err = r.renames(ctx, baseSHA, headSHA); err != nil {
		return split.Input{}, err
	}
	in.RenamesKnown = true
	if err := r.readSplitBlobs(ctx, &in); err != nil {
		return split.Input{}, fmt.Errorf("read contents of %s..%s: %w", short(baseSHA), short(headSHA), err)
	}
	if r.HasCommit(ctx, baseSHA) {
		if in.CoChange, err = r.CoChange(ctx, baseSHA, changedPaths(files), coChangeCommits); err != nil {
			return split.Input{}, fmt.Errorf("read the history of %s: %w", short(baseSHA), err)
		}
	}
	if err := r.addFileLinks(ctx, &in); err != nil {
		return split.Input{}, err
	}
	return in, nil
}

// renames lists the files git's rename detection pairs from base to head,
// with its counts of the lines that differ: what size measures a renamed
// file by, so the splitter weighs parts the same way.
func (r *Repo) renames(ctx context.Context, base, head string) ([]split.Rename, error) {
	files, err := r.diffFiles(ctx, base, head, func(diffFile) {})
	if err != nil {
		return nil, err
	}
	out := []split.Rename{}
	for _, f := range files {
		if f.Status == analyzer.Renamed {
			out = append(out, split.Rename{From: f.OldPath, To: f.Path, Additions: f.Additions, Deletions: f.Deletions})
		}
	}
	return out, nil
}

// addFileLinks gives the splitter the imports among the change's files:
// TypeScript and JavaScript through esbuild's parser, Python by a scanner,
// resolved against the head's file list. They run in memory in
// milliseconds, so every split (mvc split, the Action, the benchmark) gets
// the same ones. They are evidence the split can do without: when esbuild
// cannot read the files at all, the split goes on without them.
func (r *Repo) addFileLinks(ctx context.Context, in *split.Input) error {
	if !script.NeedsLinks(*in) {
		return nil
	}
	paths, err := r.TreePaths(ctx, in.Change.Head)
	if err != nil {
		return err
	}
	if links, err := script.FileLinks(*in, func(p string) bool { return paths[p] }); err == nil {
		in.FileLinks = links
	}
	return nil
}

// Patch returns the files changed from base to head with every changed
// line, as `git diff -U0 --no-renames` computes them with git's default
// algorithm. The flags pin down everything a user's configuration could
// change in that output (prefixes, algorithm, hunk merging, order,
// external and text-conversion drivers), so hunk coordinates are the same
// on every machine.
func (r *Repo) Patch(ctx context.Context, base, head string) ([]analyzer.FileChange, error) {
	args := append([]string{"diff", "-U0", "--inter-hunk-context=0", "--no-renames"}, pinnedDiffFlags...)
	out, err := r.diffOutput(ctx, append(args, base, head, "--")...)
	if err != nil {
		return nil, fmt.Errorf("diff %s..%s: %w", short(base), short(head), err)
	}
	files, err := patch.Parse(out)
	if err != nil {
		return nil, fmt.Errorf("parse the diff %s..%s: %w", short(base), short(head), err)
	}
	return joinTypeChanges(files), nil
}

// joinTypeChanges makes one modified file of each path git lists twice:
// a type change (a symlink that became a regular file, or the reverse) is
// written as the old entry deleted and the new one added. Everything below
// expects a path once, and the two halves are one edit: the file keeps one
// hunk that replaces its old text with its new.
func joinTypeChanges(files []analyzer.FileChange) []analyzer.FileChange {
	at := map[string]int{}
	out := files[:0]
	for _, f := range files {
		i, seen := at[f.Path]
		if !seen {
			at[f.Path] = len(out)
			out = append(out, f)
			continue
		}
		out[i] = joinHalves(out[i], f)
	}
	return out
}

func joinHalves(a, b analyzer.FileChange) analyzer.FileChange {
	if a.Status == analyzer.Added {
		a, b = b, a // the removed half first
	}
	var lines []analyzer.Line
	for _, h := range append(a.Hunks, b.Hunks...) {
		lines = append(lines, h.Lines...)
	}
	j := analyzer.FileChange{
		Path:      a.Path,
		Status:    analyzer.Modified,
		Additions: a.Additions + b.Additions,
		Deletions: a.Deletions + b.Deletions,
		Binary:    a.Binary || b.Binary,
		Header:    b.Header,
	}
	if j.Binary || len(lines) == 0 {
		return j
	}
	h := analyzer.Hunk{OldLines: a.Deletions, NewLines: b.Additions, Lines: lines}
	if h.OldLines > 0 {
		h.OldStart = 1
	}
	if h.NewLines > 0 {
		h.NewStart = 1
	}
	j.Hunks = []analyzer.Hunk{h}
	return j
}

// contentBytes bounds the files read for the splitter (generated bundles
// run to megabytes); larger ones are cut by their hunks alone and cannot be
// checked against the head.
const contentBytes = 32 << 20

// codeOwnersPaths are where GitHub looks for CODEOWNERS, in its order.
var codeOwnersPaths = []string{".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"}

// readSplitBlobs reads both sides of every changed file, the base's
// .gitattributes files and its CODEOWNERS with one cat-file process.
func (r *Repo) readSplitBlobs(ctx context.Context, in *split.Input) error {
	attrs, err := r.attributeBlobs(ctx, in.Change.Base)
	if err != nil {
		return fmt.Errorf("list .gitattributes: %w", err)
	}
	limits := map[string]int{}
	for _, a := range attrs {
		limits[a.sha] = attributesBytes
	}
	for _, p := range codeOwnersPaths {
		limits[in.Change.Base+":"+p] = contentBytes
	}
	for _, f := range in.Change.Files {
		if strings.ContainsAny(f.Path, "\n\r") {
			continue
		}
		if f.Status != analyzer.Added {
			limits[in.Change.Base+":"+f.Path] = contentBytes + 1
		}
		if f.Status != analyzer.Removed {
			limits[in.Change.Head+":"+f.Path] = contentBytes + 1
		}
	}
	blobs, err := r.readBlobs(ctx, limits)
	if err != nil {
		return err
	}
	fillSplitInput(in, blobs, attrs)
	return nil
}

func fillSplitInput(in *split.Input, blobs map[string][]byte, attrs []treeBlob) {
	in.Base, in.Head = map[string][]byte{}, map[string][]byte{}
	for i := range in.Change.Files {
		f := &in.Change.Files[i]
		if c, ok := blobs[in.Change.Base+":"+f.Path]; ok && len(c) <= contentBytes {
			in.Base[f.Path] = c
			f.Header = size.Header(c)
		}
		if c, ok := blobs[in.Change.Head+":"+f.Path]; ok && len(c) <= contentBytes {
			in.Head[f.Path] = c
			f.Header = size.Header(c)
		}
	}
	if len(attrs) > 0 {
		in.Change.Attributes = make(map[string][]byte, len(attrs))
		for _, a := range attrs {
			in.Change.Attributes[a.dir] = blobs[a.sha]
		}
	}
	for _, p := range codeOwnersPaths {
		if c, ok := blobs[in.Change.Base+":"+p]; ok {
			in.CodeOwners = c
			break
		}
	}
}

// coChangeCommits is how far back the co-change history reaches.
const coChangeCommits = 1000

// maxPathspecBytes keeps the git command line well under system limits; a
// change with more path bytes reads the history without a path filter.
const maxPathspecBytes = 200 << 10

// coChangeWalk bounds the commits the co-change history walks, matching or
// not: git diffs every commit it walks against the path filter, so files
// that changed rarely would make it walk a long history to its root (tens
// of seconds in a monorepo of 100,000 commits), for evidence that old.
var coChangeWalk = 20000

// CoChange returns, for up to limit non-merge commits reachable from base
// (newest first) among its latest coChangeWalk, the paths among paths that
// each commit changed. Commits that touched none of them are left out.
func (r *Repo) CoChange(ctx context.Context, base string, paths []string, limit int) ([][]string, error) {
	walk := []string{base}
	if edge, err := r.GitString(ctx, "rev-list", "-n1", fmt.Sprintf("--skip=%d", coChangeWalk), base); err == nil && edge != "" {
		walk = append(walk, "^"+edge) // only the latest coChangeWalk commits
	}
	args := []string{"--literal-pathspecs", "log", "--no-merges", "--format=%x01", "--name-only",
		"--no-renames", fmt.Sprintf("-n%d", limit)}
	args = append(append(args, walk...), "--")
	want := map[string]bool{}
	size := 0
	for _, p := range paths {
		want[p] = true
		size += len(p) + 1
	}
	if size <= maxPathspecBytes {
		args = append(args, paths...)
	}
	out, err := r.Git(ctx, args...)
	if err != nil {
		return nil, err
	}
	var commits [][]string
	for _, rec := range bytes.Split(out, []byte{1}) {
		var touched []string
		for _, line := range strings.Split(string(rec), "\n") {
			if want[line] {
				touched = append(touched, line)
			}
		}
		if len(touched) > 0 {
			commits = append(commits, touched)
		}
	}
	return commits, nil
}

func changedPaths(files []analyzer.FileChange) []string {
	paths := make([]string, 0, len(files))
	for _, f := range files {
		paths = append(paths, f.Path)
	}
	return paths
}
