package action

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mvcbot/mvc/internal/fakegithub"
	"github.com/mvcbot/mvc/internal/gittest"
)

// taggedCheckout is a checkout with full history and three release tags in
// the 30 days before the fake's clock (2024-01-01 12:00 UTC).
func taggedCheckout(t *testing.T) *gittest.Repo {
	g := gittest.New(t)
	start := time.Date(2023, 11, 20, 9, 0, 0, 0, time.UTC)
	for i := 0; i < 8; i++ {
		g.Write("app.go", fmt.Sprintf("package app // %d\n", i))
		at := start.Add(time.Duration(i) * 72 * time.Hour)
		sha := g.CommitAt(fmt.Sprintf("change %d", i), at, at)
		if i%2 == 1 {
			g.AnnotatedTag(fmt.Sprintf("v1.%d.0", i), sha, at.Add(2*time.Hour))
		}
	}
	return g
}

func TestReportModeKeepsOneIssue(t *testing.T) {
	h := newHarness(t)
	h.env["GITHUB_WORKSPACE"] = taggedCheckout(t).Dir
	h.env["GITHUB_EVENT_NAME"] = "schedule"
	h.writeEvent(map[string]any{"schedule": "0 6 * * 1"})

	if code := h.run(); code != ExitOK {
		t.Fatalf("exit %d\n%s", code, h.stdout.String())
	}
	issues := h.repo.Issues()
	if len(issues) != 1 {
		t.Fatalf("%d issues, want one report issue", len(issues))
	}
	body := issues[0].GetBody()
	if !strings.Contains(body, "<!-- mvc:delivery-report -->") || !strings.Contains(body, "release tags: `v` and a digit") {
		t.Errorf("report issue body:\n%s", body)
	}
	if got := h.repo.IssueLabels(issues[0].GetNumber()); len(got) != 1 || got[0] != "mvc/report" {
		t.Errorf("report issue labels = %v", got)
	}
	out := h.outputs()
	// Tags v1.1.0 (Nov 23), v1.3.0 (Nov 29), v1.5.0 (Dec 5) and v1.7.0
	// (Dec 11) fall in (Dec 2, Jan 1]: the last two; 2 / (30/7) per week.
	if out["deploys-per-week"] != "0.47" {
		t.Errorf("deploys-per-week = %q, want 0.47", out["deploys-per-week"])
	}
	if out["lead-time-hours"] == "" {
		t.Errorf("no lead-time-hours output: %v", out)
	}
	if !strings.Contains(h.summary(), "release tags") {
		t.Errorf("summary lacks the report:\n%s", h.summary())
	}

	// A rerun edits, never duplicates; an identical report writes nothing.
	h.gh.ResetRequests()
	if code := h.run(); code != ExitOK {
		t.Fatalf("rerun exit %d", code)
	}
	if n := len(h.repo.Issues()); n != 1 {
		t.Errorf("%d issues after rerun", n)
	}
	if w := h.gh.Writes(); w != 0 {
		t.Errorf("identical rerun wrote %d times", w)
	}
}

func TestReportModeReadOnlyWarns(t *testing.T) {
	h := newHarness(t)
	h.env["GITHUB_WORKSPACE"] = taggedCheckout(t).Dir
	h.env["GITHUB_EVENT_NAME"] = "workflow_dispatch"
	h.writeEvent(map[string]any{"inputs": map[string]any{}})
	h.gh.SetReadOnly(true)
	if code := h.run(); code != ExitOK {
		t.Fatalf("exit %d\n%s", code, h.stdout.String())
	}
	if !strings.Contains(h.stdout.String(), "issues: write") {
		t.Errorf("no warning naming the missing permission:\n%s", h.stdout.String())
	}
}

func TestPRCommentShowsDeliveryHealthFromCheckout(t *testing.T) {
	h := newHarness(t)
	h.env["GITHUB_WORKSPACE"] = taggedCheckout(t).Dir
	h.addPull(fakegithub.Pull{Number: 21, Files: codeFiles(5, 120)})
	h.prEvent("opened", 21)
	h.env["INPUT_FAIL-ON"] = "never"
	if code := h.run(); code != ExitOK {
		t.Fatalf("exit %d\n%s", code, h.stdout.String())
	}
	marked := h.markedComments(21)
	if len(marked) != 1 || !strings.Contains(marked[0].GetBody(), "Delivery health") {
		t.Fatalf("comment lacks delivery health:\n%v", marked)
	}
	if h.outputs()["deploys-per-week"] == "" {
		t.Errorf("no deploys-per-week output")
	}
}

func TestBadDeliveryInputs(t *testing.T) {
	for input, value := range map[string]string{
		"INPUT_DEPLOY-SOURCE": "carrier-pigeon",
		"INPUT_WINDOW-DAYS":   "a month",
		"INPUT_TAG-PATTERN":   "v[",
	} {
		t.Run(input, func(t *testing.T) {
			h := newHarness(t)
			h.env[input] = value
			h.prEvent("opened", 1)
			if code := h.run(); code != ExitBadInput {
				t.Fatalf("exit %d, want 2", code)
			}
			if !strings.Contains(h.stdout.String(), strings.ToLower(strings.TrimPrefix(input, "INPUT_"))) {
				t.Errorf("error does not name the input:\n%s", h.stdout.String())
			}
		})
	}
}

// TestReportModeReadsRevertsFromGit: a release whose change a later release
// reverts has failed; the checkout's history says so with no token scope
// beyond reading.
func TestReportModeReadsRevertsFromGit(t *testing.T) {
	g := gittest.New(t)
	at := time.Date(2023, 12, 10, 9, 0, 0, 0, time.UTC)
	g.Write("app.go", "package app\n")
	g.CommitAt("start", at, at)
	g.AnnotatedTag("v1.0.0", "HEAD", at.Add(time.Hour))
	g.Write("app.go", "package app // risky\n")
	risky := g.CommitAt("risky change", at.Add(24*time.Hour), at.Add(24*time.Hour))
	g.AnnotatedTag("v1.1.0", risky, at.Add(25*time.Hour))
	g.Write("app.go", "package app\n")
	fix := g.CommitAt("Revert \"risky change\"\n\nThis reverts commit "+risky+".", at.Add(48*time.Hour), at.Add(48*time.Hour))
	g.AnnotatedTag("v1.1.1", fix, at.Add(49*time.Hour))

	h := newHarness(t)
	h.env["GITHUB_WORKSPACE"] = g.Dir
	h.env["GITHUB_EVENT_NAME"] = "workflow_dispatch"
	h.writeEvent(map[string]any{"inputs": map[string]any{}})
	if code := h.run(); code != ExitOK {
		t.Fatalf("exit %d\n%s", code, h.stdout.String())
	}
	out := h.outputs()
	if out["change-failure-rate"] == "" || out["change-failure-rate"] == "0.000" {
		t.Errorf("change-failure-rate = %q, want the reverted release counted", out["change-failure-rate"])
	}
	if out["recovery-hours"] != "24.0" {
		t.Errorf("recovery-hours = %q, want 24.0 (v1.1.0 → v1.1.1)", out["recovery-hours"])
	}
	if body := h.repo.Issues()[0].GetBody(); !strings.Contains(body, "Change failure rate") {
		t.Errorf("report issue lacks the stability metrics:\n%s", body)
	}
}

// mergedCheckout is what actions/checkout leaves for a pull request with
// fetch-depth: 0: the default branch as origin/main with three merged pull
// requests in December 2023, and HEAD detached at the pull request's own
// merge commit on top of it.
func mergedCheckout(t *testing.T) *gittest.Repo {
	g := gittest.New(t)
	at := func(day int) time.Time { return time.Date(2023, 12, day, 10, 0, 0, 0, time.UTC) }
	g.Write("app.go", "package app\n")
	g.CommitAt("init", at(1), at(1))
	for i, day := range []int{5, 12, 19} {
		branch := fmt.Sprintf("feature-%d", i)
		g.Git("checkout", "-q", "-b", branch)
		g.Write(branch+".go", "package app\n")
		g.CommitAt("work on "+branch, at(day), at(day))
		g.Git("checkout", "-q", "main")
		g.Git("merge", "-q", "--no-ff", "--no-commit", branch)
		g.CommitAt(fmt.Sprintf("Merge pull request #%d from octo/%s", i+1, branch), at(day).Add(time.Hour), at(day).Add(time.Hour))
	}
	g.Git("update-ref", "refs/remotes/origin/main", "main")
	g.Git("checkout", "-q", "-b", "pr")
	g.Write("pr.go", "package app\n")
	g.CommitAt("the pull request's work", at(28), at(28))
	g.Git("checkout", "-q", "--detach", "main")
	g.Git("merge", "-q", "--no-ff", "--no-commit", "pr")
	g.CommitAt("Merge pr into main", at(30), at(30))
	g.Git("branch", "-q", "-D", "main") // actions/checkout has no local main
	return g
}

// The pull request's own merge commit, which HEAD is in a pull request's
// checkout, is not a deployment: merges are read from the default branch.
func TestPRDeliveryHealthReadsTheDefaultBranchNotTheMergeRef(t *testing.T) {
	h := newHarness(t)
	h.env["GITHUB_WORKSPACE"] = mergedCheckout(t).Dir
	h.env["INPUT_DEPLOY-SOURCE"] = "merges"
	h.env["INPUT_FAIL-ON"] = "never"
	h.addPull(fakegithub.Pull{Number: 4, Files: codeFiles(5, 120)})
	h.prEvent("opened", 4)
	if code := h.run(); code != ExitOK {
		t.Fatalf("exit %d\n%s", code, h.stdout.String())
	}
	// Three merges on main in (Dec 2, Jan 1]: 3 / (30/7) per week.
	if got := h.outputs()["deploys-per-week"]; got != "0.70" {
		t.Errorf("deploys-per-week = %q, want 0.70 (the three merges on main)", got)
	}
}

// reportFile reads the JSON report file report mode wrote.
func (h *harness) reportFile() map[string]any {
	h.t.Helper()
	data, err := os.ReadFile(filepath.Join(h.env["GITHUB_WORKSPACE"], "mvc-report.json"))
	if err != nil {
		h.t.Fatal(err)
	}
	var out map[string]any
	if err := json.Unmarshal(data, &out); err != nil {
		h.t.Fatalf("report file is not JSON: %v\n%s", err, data)
	}
	return out
}

// With no deployment source at all there is nothing to measure: the
// deploys-per-week output is empty and the report file's rates are null,
// never a zero a dashboard would record as "0 deploys a week".
func TestReportModeWithoutASourceMeasuresNothing(t *testing.T) {
	h := newHarness(t) // no checkout, no deployments or releases on GitHub
	h.env["GITHUB_EVENT_NAME"] = "schedule"
	h.writeEvent(map[string]any{"schedule": "0 6 * * 1"})
	if code := h.run(); code != ExitOK {
		t.Fatalf("exit %d\n%s", code, h.stdout.String())
	}
	if !strings.Contains(h.summary(), "nothing to measure") {
		t.Fatalf("summary does not say nothing was found:\n%s", h.summary())
	}
	out := h.outputs()
	if got, ok := out["deploys-per-week"]; ok && got != "" {
		t.Errorf("deploys-per-week = %q, want empty: nothing was measured", got)
	}
	if _, ok := out["report"]; !ok {
		t.Errorf("no report output: %v", out)
	}
	got := h.reportFile()
	for _, key := range []string{"deploys_per_week", "deploys_per_day"} {
		if v, ok := got[key]; !ok || v != nil {
			t.Errorf("report file %s = %v, want null", key, v)
		}
	}
	if got["source"] != "auto" || got["previous"] != nil {
		t.Errorf("report file source %v previous %v, want auto and no previous window", got["source"], got["previous"])
	}
	if levels := got["levels"].(map[string]any); levels["deployment_frequency"] != nil {
		t.Errorf("deployment frequency level %v, want null", levels["deployment_frequency"])
	}
}

// A source that was found but has no deployment in the window is a real
// zero: the output says 0.00.
func TestReportModeWindowWithoutDeploymentsIsZero(t *testing.T) {
	h := newHarness(t)
	h.env["GITHUB_WORKSPACE"] = taggedCheckout(t).Dir
	h.env["INPUT_WINDOW-DAYS"] = "7" // (Dec 25, Jan 1]: the last tag is Dec 11
	h.env["GITHUB_EVENT_NAME"] = "schedule"
	h.writeEvent(map[string]any{"schedule": "0 6 * * 1"})
	if code := h.run(); code != ExitOK {
		t.Fatalf("exit %d\n%s", code, h.stdout.String())
	}
	if got := h.outputs()["deploys-per-week"]; got != "0.00" {
		t.Errorf("deploys-per-week = %q, want 0.00", got)
	}
	if got := h.reportFile(); got["source"] != "tags" || got["deploys_per_week"] != 0.0 || got["deploys_per_day"] != 0.0 {
		t.Errorf("report file source %v deploys_per_week %v deploys_per_day %v, want tags, 0, 0", got["source"], got["deploys_per_week"], got["deploys_per_day"])
	}
}

// In the Action the API is at hand; what tags and merges lack without a
// checkout is the history, and a source is named with the deploy-source
// input: the report words it so, never with the CLI's flags.
func TestReportModeAdviceFitsTheAction(t *testing.T) {
	h := newHarness(t) // no checkout in the workspace
	h.env["GITHUB_EVENT_NAME"] = "schedule"
	h.writeEvent(map[string]any{"schedule": "0 6 * * 1"})
	if code := h.run(); code != ExitOK {
		t.Fatalf("exit %d\n%s", code, h.stdout.String())
	}
	issues := h.repo.Issues()
	if len(issues) != 1 {
		t.Fatalf("%d issues, want the report issue", len(issues))
	}
	for where, text := range map[string]string{"summary": h.summary(), "report issue": issues[0].GetBody()} {
		for _, want := range []string{
			"tags (needs a checkout with full history: actions/checkout with fetch-depth: 0 before mvc)",
			"merges (needs a checkout with full history: actions/checkout with fetch-depth: 0 before mvc)",
			"set the `deploy-source` input",
		} {
			if !strings.Contains(text, want) {
				t.Errorf("%s lacks %q:\n%s", where, want, text)
			}
		}
		for _, cli := range []string{"--github", "--deploy-source"} {
			if strings.Contains(text, cli) {
				t.Errorf("%s gives the CLI's advice %q:\n%s", where, cli, text)
			}
		}
	}
}

// The App has no checkout and no inputs: its advice names neither a
// checkout of its own nor an input it would read.
func TestReportAdviceFitsTheApp(t *testing.T) {
	h := newHarness(t)
	h.env["GITHUB_EVENT_NAME"] = "schedule"
	h.env["INPUT_MODE"] = "report"
	h.writeEvent(map[string]any{"schedule": "0 6 * * 1"})
	code := Run(context.Background(), Env{
		Getenv: func(k string) string { return h.env[k] }, Stdout: &h.stdout,
		HTTPClient: h.gh.Client(), Sleep: h.clock.Sleep, Now: h.clock.Now, NoCheckout: true,
	})
	if code != ExitOK {
		t.Fatalf("exit %d\n%s", code, h.stdout.String())
	}
	body := h.repo.Issues()[0].GetBody()
	if !strings.Contains(body, "tags (needs git history, and the App has no checkout") || !strings.Contains(body, "run mvc's Action on a schedule") || strings.Contains(body, "--github") {
		t.Errorf("report issue does not word its advice for the App:\n%s", body)
	}
}

// A named source this run cannot read is the workflow's mistake: exit 2
// naming the input and what to add, before anything is written.
func TestReportModeNamedSourceWithoutHistoryIsBadInput(t *testing.T) {
	for _, source := range []string{"tags", "merges"} {
		t.Run(source, func(t *testing.T) {
			h := newHarness(t) // no checkout in the workspace
			h.env["INPUT_DEPLOY-SOURCE"] = source
			h.env["GITHUB_EVENT_NAME"] = "workflow_dispatch"
			h.writeEvent(map[string]any{"inputs": map[string]any{}})
			if code := h.run(); code != ExitBadInput {
				t.Fatalf("exit %d, want %d\n%s", code, ExitBadInput, h.stdout.String())
			}
			want := "input deploy-source: " + source + " needs a checkout with full history: actions/checkout with fetch-depth: 0"
			if !strings.Contains(h.stdout.String(), want) {
				t.Errorf("error does not say %q:\n%s", want, h.stdout.String())
			}
			if w := h.gh.Writes(); w != 0 {
				t.Errorf("%d writes after bad input", w)
			}
		})
	}
}
