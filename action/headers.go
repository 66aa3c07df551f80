package action

import (
	"context"
	"fmt"
	"strings"

	"github.com/mvcbot/mvc/analyzer"
	"github.com/mvcbot/mvc/analyzer/size"
	ghsource "github.com/mvcbot/mvc/source/github"
)

// fillHeaders reads the first lines of files where a "Code generated … DO
// NOT EDIT." marker may stand unseen: without them a generated file counts
// as code. GitHub leaves the patch out of very large diffs, and a patch
// that starts below a file's first lines does not show them (a regenerated
// file changed in the middle). The checkout gives them all at no API cost;
// without one, the contents API reads the largest few of those without a
// patch, and a patch that starts lower is left as it is: reading every
// modified file would cost a request each on every run. A failure to read
// them does not fail the check: the files without a patch are named in a
// note.
func (r *runner) fillHeaders(ctx context.Context, run *prRun, change *analyzer.Change) error {
	if run.local != nil {
		if files := headerless(change, run.cfg.Size, lacksFirstLines); len(files) > 0 {
			unread, err := r.localHeaders(ctx, run, files)
			if err == nil {
				run.notes = appendUnreadNote(run.notes, withoutPatch(unread, change))
				return nil
			}
			r.gha.Debugf("read first lines from the checkout: %v", err)
		}
	}
	files := headerless(change, run.cfg.Size, ghsource.LacksHeader)
	if len(files) == 0 {
		return nil
	}
	unread, err := run.client.ReadHeaders(ctx, run.pr, files, ghsource.MaxHeaderReads)
	if err != nil {
		if ctx.Err() != nil {
			return err
		}
		r.gha.Debugf("read first lines through the API: %v", err)
	}
	run.notes = appendUnreadNote(run.notes, unread)
	return nil
}

// lacksFirstLines says whether a file's class was judged without its first
// lines: GitHub sent no patch, or one that starts below them.
func lacksFirstLines(f analyzer.FileChange) bool {
	return f.Header == "" && !f.Binary && f.ChangedLines() > 0
}

// withoutPatch keeps the paths of files GitHub listed without a patch: a
// file whose patch starts lower was classified as it always is by the API.
func withoutPatch(paths []string, change *analyzer.Change) []string {
	lacking := map[string]bool{}
	for _, f := range change.Files {
		if ghsource.LacksHeader(f) {
			lacking[f.Path] = true
		}
	}
	var out []string
	for _, p := range paths {
		if lacking[p] {
			out = append(out, p)
		}
	}
	return out
}

// headerless lists the files lacking their first lines (by lacks) whose
// class may hang on them: those that count as code, tests or docs without
// them. A lockfile, a vendored file or one the attributes mark generated
// needs no read.
func headerless(change *analyzer.Change, p size.Policy, lacks func(analyzer.FileChange) bool) []*analyzer.FileChange {
	cl := size.NewClassifier(*change, p)
	var out []*analyzer.FileChange
	for i := range change.Files {
		f := &change.Files[i]
		if lacks(*f) && cl.Classify(*f).Class.Reviewable() {
			out = append(out, f)
		}
	}
	return out
}

// localHeaders gives files their first lines from the checkout's own
// reading of the change, returning the paths it lacks too.
func (r *runner) localHeaders(ctx context.Context, run *prRun, files []*analyzer.FileChange) ([]string, error) {
	full, err := r.localChange(ctx, run.local, run.pr)
	if err != nil {
		return nil, err
	}
	headers := make(map[string]string, len(full.Files))
	for _, f := range full.Files {
		headers[f.Path] = f.Header
	}
	var unread []string
	for _, f := range files {
		if h, ok := headers[f.Path]; ok {
			f.Header = h
		} else {
			unread = append(unread, f.Path)
		}
	}
	return unread, nil
}

// appendUnreadNote names the files classified without their first lines.
// It is a note, not exact: false, which would call the size a lower bound:
// every line is counted, and only the class of these files may be too
// heavy, so the size can only be smaller than shown.
func appendUnreadNote(notes, unread []string) []string {
	if len(unread) == 0 {
		return notes
	}
	const shown = 5
	names := make([]string, 0, shown+1)
	for _, p := range unread[:min(len(unread), shown)] {
		names = append(names, "`"+p+"`")
	}
	if len(unread) > shown {
		names = append(names, fmt.Sprintf("%d more", len(unread)-shown))
	}
	files := "files"
	if len(unread) == 1 {
		files = "file"
	}
	return append(notes, fmt.Sprintf("GitHub sent no diff for %d large %s, and mvc could not read their first lines: %s. "+
		"If one is generated, it counts here as hand-written code, so the size may be smaller than shown. "+
		"Check out the repository with fetch-depth: 0, or mark generated files `linguist-generated` in the base branch's .gitattributes.",
		len(unread), files, strings.Join(names, ", ")))
}
