package action

import (
	"context"
	"fmt"
	"strings"

	"github.com/mvcbot/mvc/analyzer"
	"github.com/mvcbot/mvc/analyzer/size"
	ghsource "github.com/mvcbot/mvc/source/github"
)

// fillHeaders reads the first lines of the files GitHub listed without a
// patch (it leaves out very large diffs) where a "Code generated … DO NOT
// EDIT." marker may stand: without them a generated file counts as code.
// The checkout gives them all at no API cost; without one, the contents
// API reads the largest few. A failure to read them does not fail the
// check: the files are named in a note.
func (r *runner) fillHeaders(ctx context.Context, run *prRun, change *analyzer.Change) error {
	files := headerless(change, run.cfg.Size)
	if len(files) == 0 {
		return nil
	}
	if run.local != nil {
		unread, err := r.localHeaders(ctx, run, files)
		if err == nil {
			run.notes = appendUnreadNote(run.notes, unread)
			return nil
		}
		r.gha.Debugf("read first lines from the checkout: %v", err)
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

// headerless lists the files GitHub sent without their first lines whose
// class may hang on them: those that count as code, tests or docs without
// them. A lockfile, a vendored file or one the attributes mark generated
// needs no read.
func headerless(change *analyzer.Change, p size.Policy) []*analyzer.FileChange {
	cl := size.NewClassifier(*change, p)
	var out []*analyzer.FileChange
	for i := range change.Files {
		f := &change.Files[i]
		if ghsource.LacksHeader(*f) && cl.Classify(*f).Class.Reviewable() {
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
