package github

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strings"

	"github.com/mvcbot/mvc/analyzer"
	"github.com/mvcbot/mvc/analyzer/size"
)

// MaxHeaderReads caps the files whose first lines one pull request's run
// reads through the contents API. GitHub leaves the patch out only of very
// large diffs, so a few is usual; the cap keeps a pull request of many
// within the API budget, reading the largest first since they weigh most.
const MaxHeaderReads = 10

// LacksHeader reports whether GitHub listed f without the patch its first
// lines come from, though its content changed: GitHub leaves the patch out
// of very large diffs and keeps the counts. Classified so, a generated
// file would count as hand-written code.
func LacksHeader(f analyzer.FileChange) bool {
	return f.Header == "" && len(f.Hunks) == 0 && !f.Binary && f.ChangedLines() > 0
}

// ReadHeaders gives files their first lines through the contents API,
// the largest first and at most limit of them: one request each, reading
// only the first 4 KB whatever the file's size. A removed file is read at pr's base, the others at its
// head. It returns the paths still without a header (past the limit,
// missing at that commit, or not read after an error), sorted; the first
// error other than a missing file stops the reads and is returned too.
func (c *Client) ReadHeaders(ctx context.Context, pr PullRequest, files []*analyzer.FileChange, limit int) (unread []string, err error) {
	todo := slices.Clone(files)
	sort.SliceStable(todo, func(i, j int) bool { return todo[i].ChangedLines() > todo[j].ChangedLines() })
	for i, f := range todo {
		if i >= limit || err != nil {
			unread = append(unread, f.Path)
			continue
		}
		ref := pr.HeadSHA
		if f.Status == analyzer.Removed {
			ref = pr.BaseSHA
		}
		data, rerr := c.readStart(ctx, ref, f.Path)
		switch {
		case errors.Is(rerr, fs.ErrNotExist):
			unread = append(unread, f.Path)
		case rerr != nil:
			err = rerr
			unread = append(unread, f.Path)
		default:
			f.Header = size.Header(data)
		}
	}
	sort.Strings(unread)
	return unread, err
}

// readStart reads the first size.HeaderBytes of a file at ref: the raw media
// type streams the file, and mvc stops reading there, so a 60 MB
// generated file costs one request and 4 KB rather than its whole blob.
// A missing file or ref wraps fs.ErrNotExist.
func (c *Client) readStart(ctx context.Context, ref, name string) ([]byte, error) {
	op := fmt.Sprintf("read the first lines of %s at %s", name, shortRef(ref))
	u := fmt.Sprintf("repos/%s/%s/contents/%s?ref=%s", url.PathEscape(c.owner), url.PathEscape(c.repo), escapePath(name), url.QueryEscape(ref))
	req, err := c.gh.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	req.Header.Set("Accept", "application/vnd.github.raw")
	resp, err := c.gh.BareDo(ctx, req)
	switch {
	case IsNotFound(err):
		return nil, fmt.Errorf("%s: %w", op, fs.ErrNotExist)
	case err != nil:
		return nil, apiError(op, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, size.HeaderBytes))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	return data, nil
}

// escapePath escapes each segment of a repository path for a URL.
func escapePath(p string) string {
	parts := strings.Split(p, "/")
	for i, s := range parts {
		parts[i] = url.PathEscape(s)
	}
	return strings.Join(parts, "/")
}
