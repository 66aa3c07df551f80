package gitrepo

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// Attributes returns every .gitattributes file at rev, keyed by the
// directory that holds it ("" for the root), as analyzer.Change.Attributes
// wants them. The Action uses it to read them from the checkout instead of
// spending API calls.
func (r *Repo) Attributes(ctx context.Context, rev string) (map[string][]byte, error) {
	blobs, err := r.attributeBlobs(ctx, rev)
	if err != nil {
		return nil, err
	}
	limits := make(map[string]int, len(blobs))
	for _, b := range blobs {
		limits[b.sha] = attributesBytes
	}
	contents, err := r.readBlobs(ctx, limits)
	if err != nil {
		return nil, err
	}
	files := make(map[string][]byte, len(blobs))
	for _, b := range blobs {
		files[b.dir] = contents[b.sha]
	}
	return files, nil
}

// diffCommand is a git diff that decides binary content by the bytes
// alone. git would apply the `diff` and `binary` attributes of the working
// tree's .gitattributes (or the index's), the user's core.attributesFile
// and the system's: a branch's checkout could then mark its own files
// binary, and the same range would count differently on a branch, a base
// checkout and a bare clone. Here the diff runs in an empty work tree
// with an empty index, with the global and system files switched off; the
// base's .gitattributes are applied by the size classifier instead.
// ($GIT_DIR/info/attributes, the clone's own, still applies.) The caller
// must call cleanup once the command has finished.
func (r *Repo) diffCommand(ctx context.Context, args ...string) (cmd *exec.Cmd, cleanup func(), err error) {
	gitDir, err := r.GitString(ctx, "rev-parse", "--absolute-git-dir")
	if err != nil {
		return nil, nil, err
	}
	empty, err := os.MkdirTemp("", "mvc-attr-")
	if err != nil {
		return nil, nil, fmt.Errorf("make an empty work tree for git diff: %w", err)
	}
	// git reads .gitattributes relative to where it runs when that is
	// outside the work tree, so it runs in the empty one.
	cmd = (&Repo{Dir: empty}).Command(ctx, append([]string{"-c", "core.attributesFile=/dev/null"}, args...)...)
	cmd.Env = append(cmd.Env, "GIT_DIR="+gitDir, "GIT_WORK_TREE="+empty,
		"GIT_INDEX_FILE="+filepath.Join(empty, "index"), "GIT_ATTR_NOSYSTEM=1")
	return cmd, func() { _ = os.RemoveAll(empty) }, nil
}

// diffOutput runs a diffCommand and returns its stdout.
func (r *Repo) diffOutput(ctx context.Context, args ...string) ([]byte, error) {
	cmd, cleanup, err := r.diffCommand(ctx, args...)
	if err != nil {
		return nil, err
	}
	defer cleanup()
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, &Error{Args: args, Stderr: stderr.String(), Err: err}
	}
	return stdout.Bytes(), nil
}
