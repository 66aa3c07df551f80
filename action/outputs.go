package action

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// outputNames lists every output action.yml declares, in the order they are
// written.
var outputNames = []string{
	"verdict", "size", "weighted-lines", "changed-lines", "files",
	"reviewable-files", "exact", "parts", "report",
	"deploys-per-week", "lead-time-hours", "change-failure-rate", "recovery-hours",
}

// runnerFiles are the files the runner hands a step. go-githubactions
// panics when GITHUB_OUTPUT or GITHUB_STEP_SUMMARY is unset or cannot be
// opened (a container run as another user, a read-only mount), so mvc
// checks first and says what it skipped instead: by then the comment and
// label are written, and the verdict's exit code must survive.
type runnerFiles struct {
	output, summary, workspace string
	// checkout is whether the workspace may hold a git checkout.
	checkout bool
}

// checkoutDir is the workspace when it may hold a checkout, else "".
func (f runnerFiles) checkoutDir() string {
	if !f.checkout {
		return ""
	}
	return f.workspace
}

func (r *runner) setOutputs(values map[string]string) {
	if r.files.output == "" {
		r.gha.Debugf("GITHUB_OUTPUT is not set: outputs not written")
		return
	}
	if err := appendable(r.files.output); err != nil {
		r.gha.Warningf("mvc could not write its outputs to GITHUB_OUTPUT: %s", oneLine(err.Error()))
		return
	}
	for _, name := range outputNames {
		if v, ok := values[name]; ok {
			r.gha.SetOutput(name, v)
		}
	}
}

func (r *runner) addSummary(markdown string) {
	if r.files.summary == "" {
		r.gha.Debugf("GITHUB_STEP_SUMMARY is not set: step summary not written")
		return
	}
	if err := appendable(r.files.summary); err != nil {
		r.gha.Warningf("mvc could not write the step summary to GITHUB_STEP_SUMMARY: %s", oneLine(err.Error()))
		return
	}
	r.gha.AddStepSummary(markdown)
}

// appendable opens a runner file as go-githubactions will, to find out
// whether it can before it panics trying.
func appendable(path string) error {
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	return f.Close()
}

// checkReportFile refuses a report-file that names a directory, before
// anything is written: found only when writing it, it would fail the run
// after the comment and label and lose the verdict's outputs.
func (f runnerFiles) checkReportFile(rel string) error {
	base := f.workspace
	if base == "" {
		base = "."
	}
	full := filepath.Join(base, filepath.FromSlash(rel))
	if strings.HasSuffix(rel, "/") || filepath.Clean(full) == filepath.Clean(base) {
		return fmt.Errorf("input report-file: %q names a directory; give a file path such as %s", rel, defaultReportFile)
	}
	if st, err := os.Stat(full); err == nil && st.IsDir() {
		return fmt.Errorf("input report-file: %q is a directory in the workspace; give a file path such as %s", rel, defaultReportFile)
	}
	return nil
}

// writeReport writes the JSON report inside the workspace (RUNNER_TEMP is
// not mounted into Docker actions) and returns its workspace-relative path.
func (r *runner) writeReport(rel string, data []byte) (string, error) {
	base := r.files.workspace
	if base == "" {
		base = "."
	}
	full := filepath.Join(base, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		return "", fmt.Errorf("write report %s: %w", rel, err)
	}
	if err := os.WriteFile(full, data, 0o644); err != nil {
		return "", fmt.Errorf("write report %s: %w", rel, err)
	}
	return filepath.ToSlash(filepath.Clean(rel)), nil
}
