package action

import (
	"fmt"
	"os"
	"path/filepath"
)

// outputNames lists every output action.yml declares, in the order they are
// written.
var outputNames = []string{
	"verdict", "size", "weighted-lines", "changed-lines", "files",
	"reviewable-files", "exact", "parts", "report",
	"deploys-per-week", "lead-time-hours", "change-failure-rate", "recovery-hours",
}

// runnerFiles are the files the runner hands a step. go-githubactions
// panics when GITHUB_OUTPUT or GITHUB_STEP_SUMMARY is unset, so mvc checks
// first and says what it skipped instead.
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
	r.gha.AddStepSummary(markdown)
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
