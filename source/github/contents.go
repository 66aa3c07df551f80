package github

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	gh "github.com/google/go-github/v60/github"
)

// ReadFile reads a file's content at ref (a commit SHA or branch) through
// the contents API: one request, two for a file over 1 MB. A missing file
// or ref returns an error wrapping fs.ErrNotExist, so "no config" is
// told apart from a failed read. Directories, submodules and symlinks
// that leave the repository are errors that say so.
func (c *Client) ReadFile(ctx context.Context, ref, name string) ([]byte, error) {
	op := fmt.Sprintf("read %s at %s", name, shortRef(ref))
	file, dir, _, err := c.gh.Repositories.GetContents(ctx, c.owner, c.repo, name, &gh.RepositoryContentGetOptions{Ref: ref})
	switch {
	case IsNotFound(err):
		return nil, fmt.Errorf("%s: %w", op, fs.ErrNotExist)
	case err != nil:
		return nil, apiError(op, err)
	case dir != nil:
		return nil, fmt.Errorf("%s: it is a directory, not a file", op)
	}
	switch file.GetType() {
	case "file":
		return c.fileContent(ctx, op, file)
	case "submodule":
		return nil, fmt.Errorf("%s: it is a submodule, not a file", op)
	case "symlink":
		return nil, fmt.Errorf("%s: it is a symlink to %s, outside what the contents API follows", op, file.GetTarget())
	}
	return nil, fmt.Errorf("%s: GitHub answered with a %q, not a file", op, file.GetType())
}

// fileContent decodes the content; files over 1 MB come without it
// (encoding "none") and are read as a blob instead.
func (c *Client) fileContent(ctx context.Context, op string, file *gh.RepositoryContent) ([]byte, error) {
	if file.GetEncoding() == "none" {
		return c.readBlob(ctx, file.GetSHA())
	}
	content, err := file.GetContent()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	return []byte(content), nil
}

// readBlob reads a blob by SHA (one request).
func (c *Client) readBlob(ctx context.Context, sha string) ([]byte, error) {
	blob, _, err := c.gh.Git.GetBlob(ctx, c.owner, c.repo, sha)
	if err != nil {
		return nil, apiError("read blob "+shortRef(sha), err)
	}
	if blob.GetEncoding() != "base64" {
		return []byte(blob.GetContent()), nil
	}
	data, err := base64.StdEncoding.DecodeString(blob.GetContent())
	if err != nil {
		return nil, fmt.Errorf("read blob %s: %w", shortRef(sha), err)
	}
	return data, nil
}

// attributesFile is git's per-directory attributes file.
const attributesFile = ".gitattributes"

// Attributes reads every .gitattributes at ref, keyed by the directory
// that holds it ("" for the root), as analyzer.Change.Attributes wants
// them: one recursive tree listing, then one blob read per file. When
// GitHub truncates the listing (very large trees), only the root file is
// read and partial is true, so the caller can say nested files were not.
func (c *Client) Attributes(ctx context.Context, ref string) (files map[string][]byte, partial bool, err error) {
	tree, _, err := c.gh.Git.GetTree(ctx, c.owner, c.repo, ref, true)
	if err != nil {
		return nil, false, apiError(fmt.Sprintf("list the tree at %s", shortRef(ref)), err)
	}
	if tree.GetTruncated() {
		files, err := c.rootAttributes(ctx, ref)
		return files, true, err
	}
	files = map[string][]byte{}
	for _, e := range tree.Entries {
		if e.GetType() != "blob" || path.Base(e.GetPath()) != attributesFile {
			continue
		}
		data, err := c.readBlob(ctx, e.GetSHA())
		if err != nil {
			return nil, false, fmt.Errorf("read %s at %s: %w", e.GetPath(), shortRef(ref), err)
		}
		files[attributesDir(e.GetPath())] = data
	}
	return files, false, nil
}

// rootAttributes reads the root .gitattributes alone.
func (c *Client) rootAttributes(ctx context.Context, ref string) (map[string][]byte, error) {
	data, err := c.ReadFile(ctx, ref, attributesFile)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return map[string][]byte{}, nil
	case err != nil:
		return nil, err
	}
	return map[string][]byte{"": data}, nil
}

// attributesDir is the directory a .gitattributes path governs.
func attributesDir(p string) string {
	dir := path.Dir(p)
	if dir == "." {
		return ""
	}
	return dir
}

// shortRef abbreviates a commit SHA for messages; branch names stay.
func shortRef(ref string) string {
	if ref == "" {
		return "the default branch" // what the contents API reads without a ref
	}
	if len(ref) == 40 && strings.Trim(ref, "0123456789abcdef") == "" {
		return ref[:12]
	}
	return ref
}
