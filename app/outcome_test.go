package app

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-github/v60/github"

	"github.com/mvcbot/mvc/internal/fakegithub"
)

// An issue run's outcome line speaks of an issue and its verdict, not of
// a pull request with empty fields.
func TestIssueRunIsLoggedAsOne(t *testing.T) {
	h := newHarness(t)
	n := h.repo.AddIssue(fakegithub.Issue{Title: "Epic", Body: "- [ ] one\n- [ ] two\n- [ ] three\n- [ ] four\n- [ ] five\n- [ ] six"})
	payload, _ := json.Marshal(github.IssuesEvent{
		Action:       github.String("opened"),
		Issue:        &github.Issue{Number: github.Int(n), State: github.String("open")},
		Repo:         &github.Repository{FullName: github.String(h.repo.FullName()), Name: github.String(h.repo.Name), Owner: &github.User{Login: github.String(h.repo.Owner)}},
		Installation: &github.Installation{ID: github.Int64(h.installation)},
	})
	h.deliver("issues", "d-issue", payload)
	h.srv.Wait()
	logs := h.logs.String()
	if !regexp.MustCompile(`msg="issue checked" .*verdict=too-large parts=\d+`).MatchString(logs) || strings.Contains(logs, "pull request measured") {
		t.Errorf("no issue outcome line:\n%s", logs)
	}
}

// A too-large pull request is a normal outcome: its verdict is not logged
// at ERROR, which alerting reads as the server failing.
func TestTooLargeVerdictIsNotAnError(t *testing.T) {
	h := newHarness(t)
	h.addPull(8, 5, 120)
	h.deliver("pull_request", "d-1", h.prPayload("opened", 8))
	h.srv.Wait()
	logs := h.logs.String()
	if !strings.Contains(logs, "verdict=too-large") || strings.Contains(logs, "level=ERROR") {
		t.Errorf("want the too-large verdict without an ERROR line:\n%s", logs)
	}
	if !strings.Contains(logs, `level=WARN msg="size XL`) {
		t.Errorf("the verdict's annotation is not logged at WARN:\n%s", logs)
	}
}

func TestReadOutputs(t *testing.T) {
	path := filepath.Join(t.TempDir(), "outputs")
	os.WriteFile(path, []byte("verdict<<_GitHubActionsFileCommandDelimeter_\ntoo-large\n_GitHubActionsFileCommandDelimeter_\nparts=3\nnotes<<EOF\na\nb\nEOF\n"), 0o600)
	got := readOutputs(path)
	if got["verdict"] != "too-large" || got["parts"] != "3" || got["notes"] != "a\nb" {
		t.Errorf("outputs = %q", got)
	}
	if got := readOutputs(filepath.Join(t.TempDir(), "none")); len(got) != 0 {
		t.Errorf("a missing file has outputs %q", got)
	}
}
