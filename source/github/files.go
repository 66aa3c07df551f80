package github

import (
	"strings"

	gh "github.com/google/go-github/v60/github"

	"github.com/mvcbot/mvc/analyzer"
	"github.com/mvcbot/mvc/analyzer/patch"
	"github.com/mvcbot/mvc/analyzer/size"
)

// fileChange maps one listed file. GitHub does not say "binary": a file
// with no patch and no changed lines is taken as binary (an empty new file
// looks the same; both weigh nothing). A patch too large for GitHub to
// include also has no patch, but its counts are real.
func (c *Client) fileChange(f *gh.CommitFile) analyzer.FileChange {
	fc := analyzer.FileChange{
		Path:      f.GetFilename(),
		Status:    status(f.GetStatus()),
		Additions: f.GetAdditions(),
		Deletions: f.GetDeletions(),
	}
	if fc.Status == analyzer.Renamed || fc.Status == analyzer.Copied {
		fc.OldPath = f.GetPreviousFilename()
	}
	if f.GetPatch() == "" {
		fc.Binary = f.GetChanges() == 0 && mayBeBinary[f.GetStatus()]
		return fc
	}
	hunks, err := patch.ParseHunks(f.GetPatch())
	if err != nil {
		// A patch that does not parse loses only its hunks and header;
		// the counts above still measure the file.
		c.log.Debug("GitHub patch does not parse", "path", fc.Path, "err", err)
		return fc
	}
	if isSubmodule(hunks) {
		// As the git source has it: a gitlink has no lines of its own.
		fc.Submodule, fc.Binary = true, true
		fc.Additions, fc.Deletions = 0, 0
		return fc
	}
	fc.Hunks = hunks
	fc.Header = header(hunks, fc.Status == analyzer.Removed)
	return fc
}

// isSubmodule recognises a gitlink's patch, which GitHub writes as git
// does: its only lines name commits, "Subproject commit <sha>".
func isSubmodule(hunks []analyzer.Hunk) bool {
	n := 0
	for _, h := range hunks {
		for _, l := range h.Lines {
			if l.Op == analyzer.Context {
				continue
			}
			sha, ok := strings.CutPrefix(l.Text, "Subproject commit ")
			if !ok || len(sha) < 40 || strings.Trim(sha[:40], "0123456789abcdef") != "" {
				return false
			}
			n++
		}
	}
	return n > 0
}

// mayBeBinary are the statuses whose missing patch means binary content.
// A pure rename or copy has no patch either, and "changed" is a mode
// change: neither says anything about the content.
var mayBeBinary = map[string]bool{"added": true, "removed": true, "modified": true}

// status maps GitHub's file status; "changed" (a mode change) and
// "unchanged" count as modified.
func status(s string) analyzer.Status {
	switch s {
	case "added":
		return analyzer.Added
	case "removed":
		return analyzer.Removed
	case "renamed":
		return analyzer.Renamed
	case "copied":
		return analyzer.Copied
	}
	return analyzer.Modified
}

// header is the file's first lines when the first hunk starts at line
// one: the new side, or the old side of a removed file. Otherwise the
// patch does not show the top of the file and the header stays empty.
func header(hunks []analyzer.Hunk, removed bool) string {
	if len(hunks) == 0 {
		return ""
	}
	h := hunks[0]
	start, skip := h.NewStart, analyzer.Delete
	if removed {
		start, skip = h.OldStart, analyzer.Add
	}
	if start != 1 {
		return ""
	}
	var b strings.Builder
	n := 0
	for _, l := range h.Lines {
		if l.Op == skip {
			continue
		}
		b.WriteString(l.Text + "\n")
		if n++; n == size.HeaderLines {
			break
		}
	}
	return b.String()
}
