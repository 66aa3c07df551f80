package gitrepo

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/mvcbot/mvc/analyzer"
	"github.com/mvcbot/mvc/analyzer/size"
)

// Change reads the change from base to head: every changed file with its
// status, line counts (renames detected), binary flag and first lines, and
// the .gitattributes files of the base tree. base may be a commit or a tree
// (the empty tree for a root commit); head must be a commit.
//
// It runs the same few git processes whatever the size of the change: one
// diff, one ls-tree and one cat-file --batch for every blob it reads, the
// last two while the diff is still counting lines.
func (r *Repo) Change(ctx context.Context, base, head string) (analyzer.Change, error) {
	baseSHA, err := r.resolveTreeish(ctx, base)
	if err != nil {
		return analyzer.Change{}, err
	}
	headSHA := head
	if !isFullSHA(head) {
		if headSHA, err = r.ResolveCommit(ctx, head); err != nil {
			return analyzer.Change{}, err
		}
	}
	c := analyzer.Change{Base: baseSHA, Head: headSHA}
	if err := r.readChange(ctx, &c); err != nil {
		return analyzer.Change{}, fmt.Errorf("diff %s..%s: %w", short(baseSHA), short(headSHA), err)
	}
	return c, nil
}

// resolveTreeish resolves rev to a commit SHA, or failing that to a tree
// SHA: a root commit is compared with the empty tree. A full SHA is
// checked too: one beyond a shallow clone's history, or a blob's, must be
// reported as a bad ref, not as whatever git diff makes of it.
func (r *Repo) resolveTreeish(ctx context.Context, rev string) (string, error) {
	if sha, err := r.ResolveCommit(ctx, rev); err == nil {
		return sha, nil
	}
	sha, err := r.GitString(ctx, "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{tree}")
	if err != nil || sha == "" {
		return "", fmt.Errorf("resolve %q: no such commit in %s", rev, r.Dir)
	}
	return sha, nil
}

func isFullSHA(s string) bool {
	if len(s) != 40 && len(s) != 64 {
		return false
	}
	return strings.Trim(s, "0123456789abcdef") == ""
}

// readChange fills c.Files and c.Attributes. Three git processes overlap:
// ls-tree lists the base's .gitattributes from the start, and cat-file
// reads each file's header as soon as the diff's raw record names its
// blob, while the diff goes on to count lines.
func (r *Repo) readChange(ctx context.Context, c *analyzer.Change) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel() // on an error, stops the processes still running
	tree := make(chan treeResult, 1)
	go func() {
		blobs, err := r.attributeBlobs(ctx, c.Base)
		tree <- treeResult{blobs, err}
	}()
	blobs, err := r.startBlobReader(ctx)
	if err != nil {
		return err
	}
	files, diffErr := r.diffFiles(ctx, c.Base, c.Head, func(f diffFile) {
		blobs.request(f.headerBlob, size.HeaderBytes)
	})
	attrs := <-tree
	if diffErr == nil && attrs.err == nil {
		for _, a := range attrs.blobs {
			blobs.request(a.sha, attributesBytes)
		}
	}
	if diffErr != nil || attrs.err != nil {
		cancel()
	}
	contents, blobErr := blobs.finish()
	switch {
	case diffErr != nil:
		return diffErr
	case attrs.err != nil:
		return fmt.Errorf("list .gitattributes: %w", attrs.err)
	case blobErr != nil:
		return fmt.Errorf("read file contents: %w", blobErr)
	}
	fillChange(c, files, attrs.blobs, contents)
	return nil
}

// diffFiles streams `git diff -z --raw --numstat`: the raw part gives
// statuses, paths and blob SHAs, each handed to onRaw as soon as it is
// read; the numstat part, in the same order, the line counts. -z keeps any
// path byte-exact.
func (r *Repo) diffFiles(ctx context.Context, base, head string, onRaw func(diffFile)) ([]diffFile, error) {
	args := append([]string{"diff", "-z", "--raw", "--numstat", "--no-abbrev"}, renameFlags...)
	args = append(append(args, pinnedDiffFlags...), base, head, "--")
	cmd, cleanup, err := r.diffCommand(ctx, args...)
	if err != nil {
		return nil, err
	}
	defer cleanup()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("git diff: %w", err)
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("git diff: %w", err)
	}
	tr := tokenReader{bufio.NewReaderSize(stdout, 64<<10)}
	files, pending, parseErr := parseRaw(tr, onRaw)
	if parseErr == nil {
		parseErr = parseNumstat(tr, pending, files)
	}
	if parseErr != nil {
		_ = cmd.Process.Kill()
	}
	waitErr := cmd.Wait()
	switch {
	case (waitErr != nil || parseErr != nil) && strings.TrimSpace(stderr.String()) != "":
		// git stopped (output cut short) and said why: that comes first,
		// not the parser's view of the truncated output.
		return nil, diffError(args, stderr.String(), waitErr)
	case parseErr != nil:
		return nil, parseErr
	case waitErr != nil:
		return nil, &Error{Args: args, Stderr: stderr.String(), Err: waitErr}
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files, nil
}

// diffError is git diff's complaint in one line. An object it could not
// read means a damaged clone, or a partial clone that cannot fetch: the
// message says what to do rather than listing the command.
func diffError(args []string, stderr string, err error) error {
	msg := strings.TrimSpace(stderr)
	if i := strings.IndexByte(msg, '\n'); i >= 0 {
		msg = msg[:i]
	}
	if strings.Contains(msg, "unable to read") || strings.Contains(msg, "bad object") ||
		strings.Contains(msg, "missing blob") || strings.Contains(msg, "not a valid object") {
		return fmt.Errorf("git cannot read an object of the change (%s): the clone lacks it; "+
			"fetch it again (git fetch, with network access for a partial clone) or check the clone with git fsck", msg)
	}
	return &Error{Args: args, Stderr: stderr, Err: err}
}

// pinnedDiffFlags set everything a user's git configuration could change
// in what mvc reads of a diff to git's defaults: the algorithm (patience
// or histogram count other lines), the indent heuristic, prefixes, colour,
// order, external and text-conversion drivers, relative paths and
// submodules. The same range then gives the same numbers on every machine.
var pinnedDiffFlags = []string{
	"--diff-algorithm=myers", "--indent-heuristic", "--src-prefix=a/", "--dst-prefix=b/",
	"--no-color", "--no-ext-diff", "--no-textconv", "--no-relative", "-O/dev/null",
	"--ignore-submodules=none",
}

// renameFlags detect renames as git does by default, whatever diff.renames
// and diff.renameLimit say: at 50% similarity, among at most 1,000 files.
var renameFlags = []string{"--find-renames=50%", "-l1000"}

// short abbreviates a SHA for messages.
func short(sha string) string {
	if len(sha) > 12 {
		return sha[:12]
	}
	return sha
}
