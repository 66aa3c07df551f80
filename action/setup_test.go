package action

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-github/v60/github"

	"github.com/mvcbot/mvc/internal/fakegithub"
)

// harness runs the action in-process exactly as the runner runs the
// container: INPUT_* variables, the event file, GITHUB_OUTPUT,
// GITHUB_STEP_SUMMARY and GITHUB_WORKSPACE, against a fake GitHub.
type harness struct {
	t      *testing.T
	gh     *fakegithub.Server
	repo   *fakegithub.Repo
	clock  *fakegithub.Clock
	env    map[string]string
	dir    string
	stdout bytes.Buffer
	pulls  map[int]fakegithub.Pull
	// asApp runs as the App server does: commit statuses, no checkout.
	asApp bool
}

func newHarness(t *testing.T) *harness {
	t.Setenv("TZ", "UTC")
	h := &harness{t: t, gh: fakegithub.New(t), dir: t.TempDir(), pulls: map[int]fakegithub.Pull{}}
	h.clock = fakegithub.NewClock(fakegithub.DefaultNow)
	h.gh.SetClock(h.clock.Now)
	h.repo = h.gh.AddRepo("octo", "app")
	workspace := filepath.Join(h.dir, "workspace")
	if err := os.MkdirAll(workspace, 0o755); err != nil {
		t.Fatal(err)
	}
	h.env = map[string]string{
		// The runner fills every action.yml default in.
		"INPUT_GITHUB-TOKEN":  "ghs_test",
		"INPUT_MODE":          "auto",
		"INPUT_CONFIG":        ".github/mvc.yml",
		"GITHUB_REPOSITORY":   "octo/app",
		"GITHUB_API_URL":      strings.TrimSuffix(h.gh.BaseURL(), "/"),
		"GITHUB_OUTPUT":       filepath.Join(h.dir, "output"),
		"GITHUB_STEP_SUMMARY": filepath.Join(h.dir, "summary"),
		"GITHUB_WORKSPACE":    workspace,
		"GITHUB_EVENT_NAME":   "pull_request",
		"GITHUB_EVENT_PATH":   filepath.Join(h.dir, "event.json"),
		"GITHUB_ACTIONS":      "true",
	}
	return h
}

// prEvent writes a pull_request event for pull request n.
func (h *harness) prEvent(action string, n int) {
	ev := github.PullRequestEvent{
		Action: github.String(action),
		Number: github.Int(n),
		PullRequest: &github.PullRequest{
			Number: github.Int(n),
			Base:   &github.PullRequestBranch{Ref: github.String("main")},
		},
		Repo: &github.Repository{
			Name: github.String("app"), FullName: github.String("octo/app"),
			Owner: &github.User{Login: github.String("octo")}, DefaultBranch: github.String("main"),
		},
	}
	h.writeEvent(ev)
}

func (h *harness) writeEvent(ev any) {
	data, err := json.Marshal(ev)
	if err != nil {
		h.t.Fatal(err)
	}
	if err := os.WriteFile(h.env["GITHUB_EVENT_PATH"], data, 0o644); err != nil {
		h.t.Fatal(err)
	}
}

// run runs the action once and returns its exit code.
func (h *harness) run() int {
	h.t.Helper()
	h.stdout.Reset()
	return Run(context.Background(), Env{
		Getenv:     func(k string) string { return h.env[k] },
		Stdout:     &h.stdout,
		HTTPClient: h.gh.Client(),
		Sleep:      h.clock.Sleep,
		Now:        h.clock.Now,
		// The App server's settings.
		CommitStatus: h.asApp,
		NoCheckout:   h.asApp,
	})
}

// outputs parses GITHUB_OUTPUT's name<<delimiter blocks.
func (h *harness) outputs() map[string]string {
	data, _ := os.ReadFile(h.env["GITHUB_OUTPUT"])
	out := map[string]string{}
	lines := strings.Split(string(data), "\n")
	for i := 0; i < len(lines); i++ {
		name, delim, ok := strings.Cut(lines[i], "<<")
		if !ok {
			continue
		}
		var val []string
		for i++; i < len(lines) && lines[i] != delim; i++ {
			val = append(val, lines[i])
		}
		out[name] = strings.Join(val, "\n")
	}
	return out
}

func (h *harness) summary() string {
	data, _ := os.ReadFile(h.env["GITHUB_STEP_SUMMARY"])
	return string(data)
}

// markedComments are the comments that carry mvc's marker.
func (h *harness) markedComments(n int) []*github.IssueComment {
	return h.repo.CommentsWith(n, "<!-- mvc:pr-report -->")
}

// codeFiles returns n code files of lines added lines each.
func codeFiles(n, lines int) []fakegithub.File {
	files := make([]fakegithub.File, n)
	for i := range files {
		files[i] = fakegithub.File{Name: fmt.Sprintf("pkg/f%04d.go", i), Additions: lines, Patch: patchOf(lines)}
	}
	return files
}

func patchOf(lines int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "@@ -0,0 +1,%d @@\n", lines)
	for i := 0; i < lines; i++ {
		fmt.Fprintf(&b, "+line %d\n", i)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// addPull seeds a pull request with explicit SHAs and a base commit that
// holds a README, as every real base commit holds some tree.
func (h *harness) addPull(p fakegithub.Pull) {
	addPullTo(h, h.repo, p)
}

func addPullTo(h *harness, repo *fakegithub.Repo, p fakegithub.Pull) {
	if p.BaseSHA == "" {
		p.BaseSHA = fmt.Sprintf("%040x", 0xba5e0000+p.Number)
		p.HeadSHA = fmt.Sprintf("%040x", 0x4ead0000+p.Number)
	}
	repo.AddPull(p)
	repo.SetFile(p.BaseSHA, "README.md", "hello\n")
	h.pulls[p.Number] = p
}
