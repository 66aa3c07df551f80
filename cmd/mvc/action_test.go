package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-github/v60/github"

	"github.com/mvcbot/mvc/internal/fakegithub"
)

// TestActionThroughTheBinary runs the built binary exactly as the runner
// runs the container: the `action` command, INPUT_* variables (hyphens
// kept), the event file, and the runner's files, against a fake GitHub.
func TestActionThroughTheBinary(t *testing.T) {
	gh := fakegithub.New(t)
	repo := gh.AddRepo("octo", "app")
	base := strings.Repeat("b", 40)
	repo.AddPull(fakegithub.Pull{Number: 4, BaseSHA: base, HeadSHA: strings.Repeat("c", 40), Files: []fakegithub.File{
		{Name: "server.go", Additions: 450, Patch: "@@ -0,0 +1,1 @@\n+package server"},
		{Name: "package-lock.json", Additions: 9000},
	}})
	repo.SetFile(base, "README.md", "hi\n")

	dir := t.TempDir()
	workspace := filepath.Join(dir, "ws")
	os.MkdirAll(workspace, 0o755)
	event, _ := json.Marshal(github.PullRequestEvent{
		Action: github.String("opened"), Number: github.Int(4),
		PullRequest: &github.PullRequest{Number: github.Int(4)},
	})
	eventPath := filepath.Join(dir, "event.json")
	os.WriteFile(eventPath, event, 0o644)
	env := []string{
		"INPUT_GITHUB-TOKEN=ghs_x", "INPUT_MODE=auto", "INPUT_CONFIG=.github/mvc.yml",
		"INPUT_MAX-LINES=", "INPUT_FAIL-ON=",
		"GITHUB_EVENT_NAME=pull_request", "GITHUB_EVENT_PATH=" + eventPath,
		"GITHUB_REPOSITORY=octo/app", "GITHUB_API_URL=" + gh.BaseURL(),
		"GITHUB_OUTPUT=" + filepath.Join(dir, "out"), "GITHUB_STEP_SUMMARY=" + filepath.Join(dir, "summary"),
		"GITHUB_WORKSPACE=" + workspace,
	}
	res := runMVC(t, workspace, env, "action")
	if res.code != exitTooLarge {
		t.Fatalf("exit %d, want 1 (450 weighted lines > 400)\nstdout: %s\nstderr: %s", res.code, res.stdout, res.stderr)
	}
	out, _ := os.ReadFile(filepath.Join(dir, "out"))
	for _, want := range []string{"verdict<<", "too-large", "weighted-lines<<", "450"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("GITHUB_OUTPUT lacks %q:\n%s", want, out)
		}
	}
	if got := repo.IssueLabels(4); !slices.Equal(got, []string{"size/L"}) {
		t.Errorf("labels = %v", got)
	}
	if n := len(repo.Comments(4)); n != 1 {
		t.Errorf("%d comments, want 1", n)
	}
	if _, err := os.Stat(filepath.Join(workspace, "mvc-report.json")); err != nil {
		t.Errorf("report file: %v", err)
	}
}
