package action

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mvcbot/mvc/internal/fakegithub"
)

func TestSmallPRGetsLabelAndNoComment(t *testing.T) {
	h := newHarness(t)
	h.addPull(fakegithub.Pull{Number: 7, Files: codeFiles(2, 4)})
	h.prEvent("opened", 7)

	if code := h.run(); code != ExitOK {
		t.Fatalf("exit %d\n%s", code, h.stdout.String())
	}
	out := h.outputs()
	want := map[string]string{
		"verdict": "mvc", "size": "XS", "weighted-lines": "8", "changed-lines": "8",
		"files": "2", "reviewable-files": "2", "exact": "true", "parts": "1", "report": "mvc-report.json",
	}
	for k, v := range want {
		if out[k] != v {
			t.Errorf("output %s = %q, want %q", k, out[k], v)
		}
	}
	if got := h.repo.IssueLabels(7); !slices.Equal(got, []string{"size/XS"}) {
		t.Errorf("labels = %v, want [size/XS]", got)
	}
	if l := h.repo.Label("size/XS"); l.GetColor() != "009900" {
		t.Errorf("size/XS colour = %q, want prow's 009900", l.GetColor())
	}
	if n := len(h.repo.Comments(7)); n != 0 {
		t.Errorf("%d comments on a PR within budget with comment: on-violation", n)
	}
	if !strings.Contains(h.summary(), "Minimum Viable Change") {
		t.Errorf("summary lacks the report:\n%s", h.summary())
	}
	data, err := os.ReadFile(filepath.Join(h.env["GITHUB_WORKSPACE"], "mvc-report.json"))
	if err != nil {
		t.Fatal(err)
	}
	var rep map[string]any
	if err := json.Unmarshal(data, &rep); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"verdict", "size", "weighted_lines", "changed_lines", "files", "reviewable_files", "exact", "budget", "entries"} {
		if _, ok := rep[k]; !ok {
			t.Errorf("report file lacks %q", k)
		}
	}
}

func TestLargePRCommentsOnceAndReruns(t *testing.T) {
	h := newHarness(t)
	h.addPull(fakegithub.Pull{Number: 8, Files: codeFiles(5, 120)})
	h.prEvent("opened", 8)

	if code := h.run(); code != ExitTooLarge {
		t.Fatalf("exit %d, want %d (fail-on too-large)\n%s", code, ExitTooLarge, h.stdout.String())
	}
	if !strings.Contains(h.stdout.String(), "::error title=Too large") {
		t.Errorf("no error annotation:\n%s", h.stdout.String())
	}
	marked := h.markedComments(8)
	if len(marked) != 1 {
		t.Fatalf("%d marked comments, want 1", len(marked))
	}
	first := marked[0].GetID()
	if got := h.repo.IssueLabels(8); !slices.Equal(got, []string{"size/XL"}) {
		t.Errorf("labels = %v, want [size/XL]", got)
	}

	// A rerun with the same content writes nothing.
	h.gh.ResetRequests()
	h.run()
	if w := h.gh.Writes(); w != 0 {
		t.Errorf("identical rerun wrote %d times: %v", w, h.gh.Requests())
	}

	// The author trims the PR under budget: the same comment turns into a
	// short note and the label follows.
	h.addPull(fakegithub.Pull{Number: 8, Files: codeFiles(2, 20), Labels: h.repo.IssueLabels(8)})
	h.prEvent("synchronize", 8)
	if code := h.run(); code != ExitOK {
		t.Fatalf("exit %d after trimming", code)
	}
	marked = h.markedComments(8)
	if len(marked) != 1 || marked[0].GetID() != first {
		t.Fatalf("comments after rerun: %d, same id %v", len(marked), len(marked) == 1 && marked[0].GetID() == first)
	}
	if !strings.Contains(marked[0].GetBody(), "Now within budget") {
		t.Errorf("trimmed PR's comment:\n%s", marked[0].GetBody())
	}
	if got := h.repo.IssueLabels(8); !slices.Equal(got, []string{"size/M"}) {
		t.Errorf("labels = %v, want [size/M]", got)
	}
}

func TestStickyCommentFoundAmongManyAndLabelsKept(t *testing.T) {
	h := newHarness(t)
	h.addPull(fakegithub.Pull{Number: 9, Files: codeFiles(5, 120), Labels: []string{"bug", "size/S", "size-ish"}})
	for i := 0; i < 34; i++ {
		h.repo.AddComment(9, "someone", "LGTM")
	}
	h.repo.AddComment(9, fakegithub.Actor, "<!-- mvc:pr-report -->\nold report")
	h.prEvent("synchronize", 9)
	h.env["INPUT_FAIL-ON"] = "never"

	h.gh.ResetRequests()
	if code := h.run(); code != ExitOK {
		t.Fatalf("exit %d with fail-on never", code)
	}
	if n := len(h.repo.Comments(9)); n != 35 {
		t.Errorf("%d comments, want the 35 there were (one edited)", n)
	}
	if m := h.markedComments(9); len(m) != 1 || strings.Contains(m[0].GetBody(), "old report") {
		t.Errorf("the old report was not edited in place")
	}
	got := h.repo.IssueLabels(9)
	slices.Sort(got)
	if want := []string{"bug", "size-ish", "size/XL"}; !slices.Equal(got, want) {
		t.Errorf("labels = %v, want %v", got, want)
	}
	assertBudget(t, h, 5, 35)
}

// assertBudget checks the issue's API budget for a PR run: reads ≤ 3 +
// ⌈files/100⌉ + ⌈comments/100⌉, writes ≤ 4.
func assertBudget(t *testing.T, h *harness, files, comments int) {
	t.Helper()
	ceil := func(n int) int { return max(1, (n+99)/100) }
	limit := 3 + ceil(files) + ceil(comments)
	created := h.gh.Count(func(r fakegithub.Request) bool {
		return r.Method == "POST" && strings.HasSuffix(r.Path, "/comments")
	})
	if created > 0 {
		limit += ceil(comments + 1) // the comments once more, to settle a concurrent run's
	}
	if r := h.gh.Reads(); r > limit {
		t.Errorf("%d reads, budget %d: %v", r, limit, h.gh.Requests())
	}
	if w := h.gh.Writes(); w > 4 {
		t.Errorf("%d writes, budget 4: %v", w, h.gh.Requests())
	}
}

func TestGeneratedAndLockfilesDoNotCount(t *testing.T) {
	h := newHarness(t)
	h.addPull(fakegithub.Pull{Number: 10, Files: []fakegithub.File{
		{Name: "go.sum", Additions: 5000},
		{Name: "api/v1/api.pb.go", Additions: 9000},
		{Name: "gen/client.go", Additions: 3000, Patch: "@@ -0,0 +1,2 @@\n+// Code generated by tool. DO NOT EDIT.\n+package gen"},
		{Name: "vendor/x/y.go", Additions: 800},
		{Name: "main.go", Additions: 12, Patch: patchOf(12)},
	}})
	h.prEvent("opened", 10)
	if code := h.run(); code != ExitOK {
		t.Fatalf("exit %d\n%s", code, h.stdout.String())
	}
	out := h.outputs()
	if out["weighted-lines"] != "12" || out["size"] != "S" || out["changed-lines"] != "17812" || out["reviewable-files"] != "1" {
		t.Errorf("outputs = %v", out)
	}
	if !strings.Contains(h.summary(), "lockfile") || !strings.Contains(h.summary(), "generated") {
		t.Errorf("summary does not explain the exclusions:\n%s", h.summary())
	}
}

func TestConfigAtBaseHonouredHeadIgnored(t *testing.T) {
	h := newHarness(t)
	pull := fakegithub.Pull{Number: 11, Files: codeFiles(3, 40)}
	h.addPull(pull)
	base, head := h.prSHAs(11)
	h.repo.SetFile(base, ".github/mvc.yml", "budget:\n  lines: 100\n")
	h.repo.SetFile(head, ".github/mvc.yml", "budget:\n  lines: 100000\n")
	h.prEvent("opened", 11)
	if code := h.run(); code != ExitTooLarge {
		t.Fatalf("exit %d, want 1: the base config's budget of 100 lines applies", code)
	}
	if !strings.Contains(h.summary(), "at base") {
		t.Errorf("summary does not name the config source:\n%s", h.summary())
	}
}

func (h *harness) prSHAs(n int) (base, head string) {
	h.t.Helper()
	p := h.pulls[n]
	return p.BaseSHA, p.HeadSHA
}

func TestExemptLabel(t *testing.T) {
	h := newHarness(t)
	h.addPull(fakegithub.Pull{Number: 12, Files: codeFiles(10, 100), Labels: []string{"mvc/exempt"}})
	h.prEvent("labeled", 12)
	if code := h.run(); code != ExitOK {
		t.Fatalf("exit %d for an exempt PR", code)
	}
	if out := h.outputs(); out["verdict"] != "exempt" || out["size"] != "XXL" {
		t.Errorf("outputs = %v", out)
	}
	got := h.repo.IssueLabels(12)
	slices.Sort(got)
	if !slices.Equal(got, []string{"mvc/exempt", "size/XXL"}) {
		t.Errorf("labels = %v: an exempt PR keeps a size label", got)
	}
}

func TestReadOnlyTokenDegrades(t *testing.T) {
	h := newHarness(t)
	h.addPull(fakegithub.Pull{Number: 13, Files: codeFiles(5, 120), HeadRepo: "fork/app"})
	h.gh.SetReadOnly(true)
	h.prEvent("opened", 13)
	if code := h.run(); code != ExitTooLarge {
		t.Fatalf("exit %d, want the verdict's code 1: a 403 on writes must not change it\n%s", code, h.stdout.String())
	}
	if !strings.Contains(h.stdout.String(), "::warning::mvc skipped the pull-request comment") {
		t.Errorf("no warning about the skipped comment:\n%s", h.stdout.String())
	}
	if !strings.Contains(h.summary(), "too large") {
		t.Errorf("summary lacks the report:\n%s", h.summary())
	}
	if h.outputs()["verdict"] != "too-large" {
		t.Errorf("outputs not written")
	}
}

// The App has no workflow and no fork token: a refused write names the
// App permission to grant.
func TestReadOnlyAppNamesItsPermissions(t *testing.T) {
	h := newHarness(t)
	h.asApp = true
	h.addPull(fakegithub.Pull{Number: 13, Files: codeFiles(5, 120)})
	h.gh.SetReadOnly(true)
	h.prEvent("opened", 13)
	h.run()
	out := h.stdout.String()
	if !strings.Contains(out, "::warning::mvc skipped the pull-request comment: GitHub refused the write. To fix: give the App the Pull requests and Issues (write) permissions") ||
		strings.Contains(out, "pull_request_target") {
		t.Errorf("warnings do not name the App's permissions:\n%s", out)
	}
}

func TestManyFilesArePaged(t *testing.T) {
	h := newHarness(t)
	h.addPull(fakegithub.Pull{Number: 14, Files: codeFiles(250, 1)})
	h.prEvent("opened", 14)
	h.env["INPUT_FAIL-ON"] = "never"
	if code := h.run(); code != ExitOK {
		t.Fatalf("exit %d", code)
	}
	out := h.outputs()
	if out["reviewable-files"] != "250" || out["exact"] != "true" || out["weighted-lines"] != "250" {
		t.Errorf("outputs = %v", out)
	}
	pages := h.gh.Count(func(r fakegithub.Request) bool { return strings.HasSuffix(r.Path, "/pulls/14/files") })
	if pages != 3 {
		t.Errorf("%d file pages, want 3 at 100 per page", pages)
	}
	assertBudget(t, h, 250, 0)
}

func TestTruncatedFileListIsALowerBound(t *testing.T) {
	h := newHarness(t)
	h.addPull(fakegithub.Pull{Number: 15, Files: codeFiles(3100, 1), Additions: 3100 + 55000, ChangedFiles: 3100})
	h.prEvent("opened", 15)
	h.env["INPUT_FAIL-ON"] = "never"
	if code := h.run(); code != ExitOK {
		t.Fatalf("exit %d", code)
	}
	out := h.outputs()
	if out["exact"] != "false" || out["files"] != "3100" || out["changed-lines"] != "58100" || out["parts"] != "" {
		t.Errorf("outputs = %v", out)
	}
	if out["size"] == "XS" {
		t.Error("a silent XS on a truncated PR")
	}
	if !strings.Contains(h.summary(), "lower bound") {
		t.Errorf("summary does not say the size is a lower bound:\n%s", h.summary())
	}
}

// Code GitHub's 3,000-file list leaves out cannot hide behind a vendored
// drop that fills the list: the size is a lower bound that may be over the
// budget, so the pull request gets the comment and the run a warning.
func TestUnlistedCodeIsNotASilentXS(t *testing.T) {
	h := newHarness(t)
	files := make([]fakegithub.File, 3000)
	for i := range files {
		files[i] = fakegithub.File{Name: fmt.Sprintf("vendor/example.com/lib/f%04d.go", i), Additions: 1, Patch: patchOf(1)}
	}
	h.addPull(fakegithub.Pull{Number: 19, Files: files, Additions: 3000 + 5000, ChangedFiles: 3001})
	h.prEvent("opened", 19)
	if code := h.run(); code != ExitOK {
		t.Fatalf("exit %d\n%s", code, h.stdout.String())
	}
	out := h.outputs()
	if out["exact"] != "false" || out["verdict"] != "mvc" {
		t.Errorf("outputs = %v, want an inexact lower bound", out)
	}
	if !strings.Contains(h.stdout.String(), "::warning::GitHub listed only 3000 of 3001 changed files") {
		t.Errorf("no warning:\n%s", h.stdout.String())
	}
	comments := h.repo.Comments(19)
	if len(comments) != 1 || !strings.Contains(comments[0].GetBody(), "Lower bound") {
		t.Errorf("comments = %v, want one saying the size is a lower bound", comments)
	}
}

func TestBadInputAndConfigWriteNothing(t *testing.T) {
	cases := []struct {
		name, input, value, config, want string
	}{
		{name: "mode", input: "INPUT_MODE", value: "sometimes", want: "input mode"},
		{name: "max-lines", input: "INPUT_MAX-LINES", value: "lots", want: "input max-lines"},
		{name: "fail-on", input: "INPUT_FAIL-ON", value: "maybe", want: "input fail-on"},
		{name: "lone app id", input: "INPUT_APP-ID", value: "12", want: "app-id and app-private-key"},
		{name: "app id not a number", input: "INPUT_APP-ID", value: "my-app", want: "is not a number"},
		{name: "app key not PEM", input: "INPUT_APP-ID", value: "12", want: "not PEM"},
		{name: "report outside", input: "INPUT_REPORT-FILE", value: "../x.json", want: "input report-file"},
		{name: "report the workspace", input: "INPUT_REPORT-FILE", value: ".", want: "input report-file"},
		{name: "report a directory", input: "INPUT_REPORT-FILE", value: "sub", want: "input report-file"},
		{name: "config key", config: "budjet:\n  lines: 3\n", want: `unknown key "budjet"`},
		{name: "config value", config: "budget:\n  lines: many\n", want: "budget.lines"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t)
			h.addPull(fakegithub.Pull{Number: 16, Files: codeFiles(5, 120)})
			if tc.config != "" {
				base, _ := h.prSHAs(16)
				h.repo.SetFile(base, ".github/mvc.yml", tc.config)
			}
			if tc.input != "" {
				h.env[tc.input] = tc.value
			}
			if err := os.MkdirAll(filepath.Join(h.env["GITHUB_WORKSPACE"], "sub"), 0o755); err != nil {
				t.Fatal(err)
			}
			if strings.HasPrefix(tc.name, "app ") {
				h.env["INPUT_APP-PRIVATE-KEY"] = "not a key"
			}
			h.prEvent("opened", 16)
			if code := h.run(); code != ExitBadInput {
				t.Fatalf("exit %d, want 2\n%s", code, h.stdout.String())
			}
			if w := h.gh.Writes(); w != 0 {
				t.Errorf("%d writes after bad input", w)
			}
			errLines := 0
			for _, l := range strings.Split(h.stdout.String(), "\n") {
				if strings.HasPrefix(l, "::error") {
					errLines++
					if !strings.Contains(l, tc.want) {
						t.Errorf("error %q does not name %q", l, tc.want)
					}
				}
			}
			if errLines != 1 {
				t.Errorf("%d error annotations, want one line:\n%s", errLines, h.stdout.String())
			}
		})
	}
}

// A runner file that cannot be opened (a container run as another user, a
// read-only mount) costs a warning, not the run: the comment and label are
// written by then, and the verdict's exit code stands.
func TestUnwritableRunnerFilesWarn(t *testing.T) {
	for _, name := range []string{"GITHUB_OUTPUT", "GITHUB_STEP_SUMMARY"} {
		t.Run(name, func(t *testing.T) {
			h := newHarness(t)
			h.addPull(fakegithub.Pull{Number: 18, Files: codeFiles(5, 120)})
			h.prEvent("opened", 18)
			h.env[name] = filepath.Join(h.dir, "missing", "file")
			if code := h.run(); code != ExitTooLarge {
				t.Fatalf("exit %d, want %d\n%s", code, ExitTooLarge, h.stdout.String())
			}
			if !strings.Contains(h.stdout.String(), "::warning::mvc could not write") || !strings.Contains(h.stdout.String(), name) {
				t.Errorf("no warning naming %s:\n%s", name, h.stdout.String())
			}
			if len(h.repo.Comments(18)) != 1 {
				t.Errorf("comments = %v, want the report", h.repo.Comments(18))
			}
		})
	}
}

func TestSecondaryRateLimitThenSuccess(t *testing.T) {
	h := newHarness(t)
	h.addPull(fakegithub.Pull{Number: 17, Files: codeFiles(1, 3)})
	h.gh.FailNextSecondaryLimit("GET", "/repos/octo/app/pulls/17/files", 42*time.Second)
	h.prEvent("opened", 17)
	if code := h.run(); code != ExitOK {
		t.Fatalf("exit %d\n%s", code, h.stdout.String())
	}
	if waits := h.clock.Waits(); len(waits) != 1 || waits[0] < 42*time.Second {
		t.Errorf("waits = %v, want one of at least 42s (Retry-After)", waits)
	}
	if h.outputs()["verdict"] != "mvc" {
		t.Errorf("outputs = %v", h.outputs())
	}
}

func TestEventsThatDoNothing(t *testing.T) {
	cases := []struct {
		name, event string
		payload     any
		want        string
	}{
		{"closed PR", "pull_request", map[string]any{"action": "closed", "number": 3, "pull_request": map[string]any{"number": 3}}, "cannot change the size verdict"},
		{"issue", "issues", map[string]any{"action": "opened"}, "names no issue"},
		{"issue comment", "issue_comment", map[string]any{"action": "created"}, "does nothing on issue_comment events"},
		{"release", "release", map[string]any{"action": "published"}, "does nothing on release events"},
		{"push elsewhere", "push", map[string]any{"ref": "refs/heads/topic", "repository": map[string]any{"default_branch": "main"}}, "not to the default branch"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t)
			h.env["GITHUB_EVENT_NAME"] = tc.event
			h.writeEvent(tc.payload)
			if code := h.run(); code != ExitOK {
				t.Fatalf("exit %d", code)
			}
			if !strings.Contains(h.stdout.String(), "::notice::") || !strings.Contains(h.stdout.String(), tc.want) {
				t.Errorf("stdout %q lacks a notice with %q", h.stdout.String(), tc.want)
			}
			if n := len(h.gh.Requests()); n != 0 {
				t.Errorf("%d API requests for an event with nothing to do", n)
			}
		})
	}
}

func TestModePROnOtherEvent(t *testing.T) {
	h := newHarness(t)
	h.env["INPUT_MODE"] = "pr"
	h.env["GITHUB_EVENT_NAME"] = "schedule"
	h.writeEvent(map[string]any{"schedule": "0 0 * * 1"})
	if code := h.run(); code != ExitOK || !strings.Contains(h.stdout.String(), "mode pr needs a pull_request") {
		t.Errorf("exit %d, stdout %q", code, h.stdout.String())
	}
}

// TestRealWebhookPayload runs on GitHub's own example payload, so the real
// shape decodes and drives the same path.
func TestRealWebhookPayload(t *testing.T) {
	data, err := os.ReadFile("../../shared/fixtures/webhooks/pull_request/opened.payload.json")
	if os.IsNotExist(err) {
		data, err = os.ReadFile("../shared/fixtures/webhooks/pull_request/opened.payload.json")
	}
	if err != nil {
		t.Skip("../shared/fixtures is absent (a clone outside the workspace):", err)
	}
	h := newHarness(t)
	repo := h.gh.AddRepo("Codertocat", "Hello-World")
	addPullTo(h, repo, fakegithub.Pull{Number: 2, Files: codeFiles(1, 1)})
	h.env["GITHUB_REPOSITORY"] = "Codertocat/Hello-World"
	if err := os.WriteFile(h.env["GITHUB_EVENT_PATH"], data, 0o644); err != nil {
		t.Fatal(err)
	}
	if code := h.run(); code != ExitOK {
		t.Fatalf("exit %d\n%s", code, h.stdout.String())
	}
	if got := repo.IssueLabels(2); !slices.Equal(got, []string{"size/XS"}) {
		t.Errorf("labels = %v", got)
	}
}

func TestTooLargePRGetsASplitProposal(t *testing.T) {
	h := newHarness(t)
	files := append(codeFiles(3, 150), fakegithub.File{Name: "docs/guide.md", Additions: 200, Patch: patchOf(200)})
	for i := range files[:3] {
		files[i].Name = fmt.Sprintf("service%d/handler.go", i)
	}
	h.addPull(fakegithub.Pull{Number: 22, Files: files})
	h.prEvent("opened", 22)
	if code := h.run(); code != ExitTooLarge {
		t.Fatalf("exit %d\n%s", code, h.stdout.String())
	}
	out := h.outputs()
	parts, _ := strconv.Atoi(out["parts"])
	if parts < 2 {
		t.Errorf("parts = %q, want a stack of at least 2", out["parts"])
	}
	marked := h.markedComments(22)
	if len(marked) != 1 || !strings.Contains(marked[0].GetBody(), "Proposed split") {
		t.Fatalf("comment lacks the split proposal:\n%v", marked)
	}
	// With no checkout the proposal is cut from the patches alone: the
	// comment says so, and does not promise that mvc split --apply
	// creates these branches.
	body := marked[0].GetBody()
	if !strings.Contains(body, "Cut from GitHub's patches alone") || strings.Contains(body, "`mvc split --apply` creates these branches") {
		t.Errorf("comment does not say what its proposal was cut from:\n%s", body)
	}
	// The stack starts from the pull request's base branch, which is
	// known: no "use your trunk" hedge.
	if !strings.Contains(body, "gt track") || strings.Contains(body, "use your trunk") {
		t.Errorf("the Graphite steps do not start from the base branch:\n%s", body)
	}
	data, _ := os.ReadFile(filepath.Join(h.env["GITHUB_WORKSPACE"], "mvc-report.json"))
	var rep struct {
		Verdict string
		Split   struct{ Parts []json.RawMessage }
	}
	if err := json.Unmarshal(data, &rep); err != nil || len(rep.Split.Parts) != parts || rep.Verdict != "too-large" {
		t.Errorf("report file: verdict %q, %d split parts (err %v), want %d", rep.Verdict, len(rep.Split.Parts), err, parts)
	}
}

func TestOddEventFiles(t *testing.T) {
	cases := []struct {
		name, event, payload, want string
		unsetPath                  bool
	}{
		{name: "not JSON", event: "pull_request", payload: "{not json", want: "decode pull_request event file"},
		{name: "no PR number", event: "pull_request", payload: `{"action":"opened"}`, want: "has no pull request number"},
		{name: "wrong shape", event: "pull_request", payload: `{"action":"opened","pull_request":"seven"}`, want: "decode pull_request event file"},
		{name: "no event path", event: "pull_request", unsetPath: true, want: "GITHUB_EVENT_PATH is not set"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t)
			h.env["GITHUB_EVENT_NAME"] = tc.event
			if tc.unsetPath {
				delete(h.env, "GITHUB_EVENT_PATH")
			} else if err := os.WriteFile(h.env["GITHUB_EVENT_PATH"], []byte(tc.payload), 0o644); err != nil {
				t.Fatal(err)
			}
			if code := h.run(); code != ExitBadInput {
				t.Fatalf("exit %d, want 2\n%s", code, h.stdout.String())
			}
			if !strings.Contains(h.stdout.String(), tc.want) {
				t.Errorf("stdout lacks %q:\n%s", tc.want, h.stdout.String())
			}
			if n := len(h.gh.Requests()); n != 0 {
				t.Errorf("%d API requests after a bad event file", n)
			}
		})
	}
}
