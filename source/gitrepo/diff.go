package gitrepo

import (
	"bytes"
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/mvcbot/mvc/analyzer"
)

// Change reads the change from base to head: every changed file with its
// status, line counts (renames detected), binary flag and first lines, and
// the .gitattributes files of the base tree. base may be a commit or a tree
// (the empty tree for a root commit); head must be a commit.
//
// It runs a fixed number of git processes whatever the size of the change:
// one diff, one ls-tree and one cat-file --batch for every blob it reads.
func (r *Repo) Change(ctx context.Context, base, head string) (analyzer.Change, error) {
	baseSHA, err := r.resolveTreeish(ctx, base)
	if err != nil {
		return analyzer.Change{}, err
	}
	headSHA, err := r.ResolveCommit(ctx, head)
	if err != nil {
		return analyzer.Change{}, err
	}
	files, attrs, err := r.diffAndAttributes(ctx, baseSHA, headSHA)
	if err != nil {
		return analyzer.Change{}, err
	}
	c := analyzer.Change{Base: baseSHA, Head: headSHA}
	if err := r.fillContents(ctx, &c, files, attrs); err != nil {
		return analyzer.Change{}, fmt.Errorf("read contents of %s..%s: %w", short(baseSHA), short(headSHA), err)
	}
	return c, nil
}

// resolveTreeish resolves rev to a commit SHA, or failing that to a tree
// SHA: a root commit is compared with the empty tree.
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

// diffAndAttributes runs the diff and the base tree listing concurrently:
// they are independent, and on a large change each takes a while.
func (r *Repo) diffAndAttributes(ctx context.Context, base, head string) ([]diffFile, []treeBlob, error) {
	var (
		wg               sync.WaitGroup
		files            []diffFile
		attrs            []treeBlob
		diffErr, treeErr error
	)
	wg.Add(2)
	go func() { defer wg.Done(); files, diffErr = r.diffFiles(ctx, base, head) }()
	go func() { defer wg.Done(); attrs, treeErr = r.attributeBlobs(ctx, base) }()
	wg.Wait()
	if diffErr != nil {
		return nil, nil, fmt.Errorf("diff %s..%s: %w", short(base), short(head), diffErr)
	}
	if treeErr != nil {
		return nil, nil, fmt.Errorf("list .gitattributes at %s: %w", short(base), treeErr)
	}
	return files, attrs, nil
}

// diffFile is a changed file and the blob whose first lines are its
// header: the head side, or the base side of a removed file.
type diffFile struct {
	analyzer.FileChange
	headerBlob string // "" when there is nothing to read (binary, submodule)
}

// diffFiles lists the changed files from one `git diff --raw --numstat`:
// the raw part gives statuses, paths and blob SHAs, the numstat part, in
// the same order, the line counts. -z keeps any path byte-exact.
func (r *Repo) diffFiles(ctx context.Context, base, head string) ([]diffFile, error) {
	out, err := r.Git(ctx, "diff", "-z", "--raw", "--numstat", "-M", "--no-abbrev",
		"--no-color", "--no-ext-diff", "--no-textconv", "--no-relative", "--ignore-submodules=none",
		base, head, "--")
	if err != nil {
		return nil, err
	}
	files, err := parseDiff(out)
	if err != nil {
		return nil, err
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files, nil
}

// parseDiff parses `git diff -z --raw --numstat` output.
func parseDiff(out []byte) ([]diffFile, error) {
	toks := strings.Split(strings.TrimSuffix(string(out), "\x00"), "\x00")
	if len(toks) == 1 && toks[0] == "" {
		return nil, nil
	}
	files, rest, err := parseRaw(toks)
	if err != nil {
		return nil, err
	}
	if err := parseNumstat(rest, files); err != nil {
		return nil, err
	}
	return files, nil
}

// parseRaw consumes the raw records (":<modes> <shas> <status>" then one
// path, or two for a rename or copy) and returns the remaining tokens.
func parseRaw(toks []string) ([]diffFile, []string, error) {
	var files []diffFile
	for len(toks) > 0 && strings.HasPrefix(toks[0], ":") {
		meta := strings.Fields(toks[0][1:])
		if len(meta) != 5 || meta[4] == "" {
			return nil, nil, fmt.Errorf("unexpected raw diff record %q", toks[0])
		}
		f, n, err := rawFile(meta, toks[1:])
		if err != nil {
			return nil, nil, err
		}
		files = append(files, f)
		toks = toks[1+n:]
	}
	return files, toks, nil
}

// rawFile builds one file from its raw metadata (src mode, dst mode, src
// sha, dst sha, status) and path tokens, returning how many it used.
func rawFile(meta, paths []string) (diffFile, int, error) {
	status, ok := statuses[meta[4][0]]
	if !ok {
		return diffFile{}, 0, fmt.Errorf("unexpected diff status %q", meta[4])
	}
	n := 1
	if status == analyzer.Renamed || status == analyzer.Copied {
		n = 2
	}
	if len(paths) < n {
		return diffFile{}, 0, fmt.Errorf("raw diff record %q lacks its path", meta)
	}
	f := diffFile{FileChange: analyzer.FileChange{Path: paths[n-1], Status: status}}
	if n == 2 {
		f.OldPath = paths[0]
	}
	mode, blob := meta[1], meta[3]
	if status == analyzer.Removed {
		mode, blob = meta[0], meta[2]
	}
	if mode != submoduleMode && strings.Trim(blob, "0") != "" {
		f.headerBlob = blob
	}
	return f, n, nil
}

// submoduleMode is a gitlink: its "blob" is a commit of another repository.
const submoduleMode = "160000"

var statuses = map[byte]analyzer.Status{
	'A': analyzer.Added, 'M': analyzer.Modified, 'T': analyzer.Modified,
	'D': analyzer.Removed, 'R': analyzer.Renamed, 'C': analyzer.Copied,
}

// parseNumstat fills line counts from numstat records ("<add>\t<del>\t<path>",
// or "<add>\t<del>\t" then old and new paths), one per raw record in order.
func parseNumstat(toks []string, files []diffFile) error {
	for i := range files {
		if len(toks) == 0 {
			return fmt.Errorf("numstat lists %d files, raw lists %d", i, len(files))
		}
		fields := strings.SplitN(toks[0], "\t", 3)
		if len(fields) != 3 {
			return fmt.Errorf("unexpected numstat record %q", toks[0])
		}
		path, used := fields[2], 1
		if path == "" && len(toks) >= 3 {
			path, used = toks[2], 3
		}
		if path != files[i].Path {
			return fmt.Errorf("numstat record %d is %q, raw record is %q", i, path, files[i].Path)
		}
		if err := setCounts(&files[i], fields[0], fields[1]); err != nil {
			return err
		}
		toks = toks[used:]
	}
	return nil
}

// setCounts reads numstat counts; "-" for both means binary content.
func setCounts(f *diffFile, add, del string) error {
	if add == "-" && del == "-" {
		f.Binary, f.headerBlob = true, ""
		return nil
	}
	a, errA := strconv.Atoi(add)
	d, errD := strconv.Atoi(del)
	if errA != nil || errD != nil || a < 0 || d < 0 {
		return fmt.Errorf("unexpected numstat counts %q %q for %s", add, del, f.Path)
	}
	f.Additions, f.Deletions = a, d
	return nil
}

// short abbreviates a SHA for messages.
func short(sha string) string {
	if len(sha) > 12 {
		return sha[:12]
	}
	return sha
}

// headerOf keeps the first lines of a file, enough for a generated marker.
func headerOf(content []byte) string {
	end := 0
	for line := 0; line < headerLines && end < len(content); line++ {
		i := bytes.IndexByte(content[end:], '\n')
		if i < 0 {
			end = len(content)
			break
		}
		end += i + 1
	}
	return string(content[:end])
}

// headerLines and headerBytes bound what is read of each changed file.
const (
	headerLines = 10
	headerBytes = 4 << 10
)
