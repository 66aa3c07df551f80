// Package patch parses unified diffs as git writes them into mvc's change
// model: files with their status, paths, binary flag and hunks down to
// each line. It is pure: the git adapter runs git, this package reads text.
package patch

import (
	"fmt"
	"strings"

	"github.com/mvcbot/mvc/analyzer"
)

// Parse reads the output of `git diff` (any context size, with or without
// rename detection, default a/ and b/ prefixes) and returns one FileChange
// per "diff --git" section, in the diff's order, with hunks and line texts.
// Additions and Deletions are counted from the hunks; binary files have
// none. Mode-only changes and empty new files come back without hunks; a
// submodule (gitlink) comes back binary, without its "Subproject commit"
// hunk.
func Parse(diff []byte) ([]analyzer.FileChange, error) {
	lines := splitLines(string(diff))
	var files []analyzer.FileChange
	for i := 0; i < len(lines); {
		if !strings.HasPrefix(lines[i], "diff --git ") {
			return nil, fmt.Errorf("diff line %d: want \"diff --git\", got %q", i+1, clip(lines[i]))
		}
		f, next, err := parseFile(lines, i)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
		i = next
	}
	return files, nil
}

// fileHeader collects what a file section's header lines say.
type fileHeader struct {
	gitLine              string // the paths part of "diff --git a/x b/y"
	fromOld, fromNew     string // from "---"/"+++", "" when absent
	added, removed       bool
	renamed, copied      bool
	binary               bool
	submodule            bool // a gitlink: its "lines" name commits of another repository
	renameFrom, renameTo string
}

// parseFile reads the section starting at the "diff --git" line lines[at].
func parseFile(lines []string, at int) (analyzer.FileChange, int, error) {
	h := fileHeader{gitLine: strings.TrimPrefix(lines[at], "diff --git ")}
	i := at + 1
	for ; i < len(lines) && !strings.HasPrefix(lines[i], "@@ ") && !strings.HasPrefix(lines[i], "diff --git "); i++ {
		if err := h.read(lines[i]); err != nil {
			return analyzer.FileChange{}, 0, fmt.Errorf("diff line %d: %w", i+1, err)
		}
	}
	f, err := h.fileChange()
	if err != nil {
		return f, 0, fmt.Errorf("diff line %d: %w", at+1, err)
	}
	for i < len(lines) && strings.HasPrefix(lines[i], "@@ ") {
		hunk, next, err := parseHunk(lines, i)
		if err != nil {
			return f, 0, fmt.Errorf("%s: %w", f.Path, err)
		}
		if !h.submodule { // "Subproject commit" lines are not the file's
			f.Hunks = append(f.Hunks, hunk)
			countLines(&f, hunk)
		}
		i = next
	}
	if i < len(lines) && !strings.HasPrefix(lines[i], "diff --git ") {
		return f, 0, fmt.Errorf("diff line %d: %s: unexpected %q after the hunks", i+1, f.Path, clip(lines[i]))
	}
	return f, i, nil
}

// read interprets one extended header line. Lines it does not need (index,
// modes, similarity, binary patch data) are skipped.
func (h *fileHeader) read(line string) error {
	var err error
	switch {
	case strings.HasPrefix(line, "new file mode "):
		h.added = true
		h.submodule = h.submodule || strings.HasSuffix(line, " 160000")
	case strings.HasPrefix(line, "deleted file mode "):
		h.removed = true
		h.submodule = h.submodule || strings.HasSuffix(line, " 160000")
	case strings.HasPrefix(line, "index "):
		h.submodule = h.submodule || strings.HasSuffix(line, " 160000")
	case strings.HasPrefix(line, "rename from "):
		h.renamed = true
		h.renameFrom, err = unquote(strings.TrimPrefix(line, "rename from "))
	case strings.HasPrefix(line, "rename to "):
		h.renameTo, err = unquote(strings.TrimPrefix(line, "rename to "))
	case strings.HasPrefix(line, "copy from "):
		h.copied = true
		h.renameFrom, err = unquote(strings.TrimPrefix(line, "copy from "))
	case strings.HasPrefix(line, "copy to "):
		h.renameTo, err = unquote(strings.TrimPrefix(line, "copy to "))
	case strings.HasPrefix(line, "--- "):
		h.fromOld, err = headerPath(strings.TrimPrefix(line, "--- "), "a/")
	case strings.HasPrefix(line, "+++ "):
		h.fromNew, err = headerPath(strings.TrimPrefix(line, "+++ "), "b/")
	case strings.HasPrefix(line, "Binary files ") || line == "GIT binary patch":
		h.binary = true
	}
	return err
}

// fileChange settles the paths and status from the most reliable lines.
func (h *fileHeader) fileChange() (analyzer.FileChange, error) {
	oldPath, newPath, err := h.paths()
	if err != nil {
		return analyzer.FileChange{}, err
	}
	f := analyzer.FileChange{Path: newPath, Status: analyzer.Modified, Binary: h.binary || h.submodule, Submodule: h.submodule}
	switch {
	case h.added:
		f.Status = analyzer.Added
	case h.removed:
		f.Status, f.Path = analyzer.Removed, oldPath
	case h.renamed:
		f.Status, f.OldPath = analyzer.Renamed, oldPath
	case h.copied:
		f.Status, f.OldPath = analyzer.Copied, oldPath
	}
	return f, nil
}

// paths prefers the rename/copy lines, then "---"/"+++", and reads the
// ambiguous "diff --git" line only for what those leave unnamed.
func (h *fileHeader) paths() (oldPath, newPath string, err error) {
	oldPath = firstOf(h.renameFrom, h.fromOld)
	newPath = firstOf(h.renameTo, h.fromNew)
	// An added or removed file has one real name; /dev/null is the other.
	if h.fromOld == devNull {
		oldPath = newPath
	}
	if h.fromNew == devNull {
		newPath = oldPath
	}
	if oldPath == "" || newPath == "" {
		gitOld, gitNew, err := gitHeaderPaths(h.gitLine)
		if err != nil {
			return "", "", err
		}
		oldPath, newPath = firstOf(oldPath, gitOld), firstOf(newPath, gitNew)
	}
	return oldPath, newPath, nil
}

// firstOf returns the first name that is set and not /dev/null.
func firstOf(names ...string) string {
	for _, n := range names {
		if n != "" && n != devNull {
			return n
		}
	}
	return ""
}

func countLines(f *analyzer.FileChange, h analyzer.Hunk) {
	for _, l := range h.Lines {
		switch l.Op {
		case analyzer.Add:
			f.Additions++
		case analyzer.Delete:
			f.Deletions++
		}
	}
}
