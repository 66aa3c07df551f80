package action

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/google/go-github/v60/github"

	"github.com/mvcbot/mvc/internal/fakegithub"
)

// issueEvent writes an issues event for issue n.
func (h *harness) issueEvent(action string, n int, state string) {
	h.env["GITHUB_EVENT_NAME"] = "issues"
	h.writeEvent(github.IssuesEvent{
		Action: github.String(action),
		Issue:  &github.Issue{Number: github.Int(n), State: github.String(state)},
		Repo: &github.Repository{
			Name: github.String("app"), FullName: github.String("octo/app"),
			Owner: &github.User{Login: github.String("octo")}, DefaultBranch: github.String("main"),
		},
	})
}

func (h *harness) issueComments(n int) []*github.IssueComment {
	return h.repo.CommentsWith(n, "<!-- mvc:issue-report -->")
}

// An issue with seven open tasks gets one comment with a breakdown; once
// its list is trimmed, the same comment says it fits.
func TestIssueModeCommentsOnceOnAnIssueTooBig(t *testing.T) {
	h := newHarness(t)
	body := "## API\n- [ ] Add the schema migration\n- [ ] Add the endpoint\n- [ ] Add paging\n## UI\n- [ ] List page\n- [ ] Detail page\n- [ ] Empty state\n- [ ] Docs"
	n := h.repo.AddIssue(fakegithub.Issue{Title: "Search", Body: body})
	h.issueEvent("opened", n, "open")
	if code := h.run(); code != ExitOK {
		t.Fatalf("exit %d: %s", code, h.stdout.String())
	}
	comments := h.issueComments(n)
	if len(comments) != 1 {
		t.Fatalf("%d comments, want 1:\n%s", len(comments), h.stdout.String())
	}
	first := comments[0].GetBody()
	for _, want := range []string{"Too big to ship as one Minimum Viable Change", "7 open pieces of work", "Proposed breakdown", "1. Search: API"} {
		if !strings.Contains(first, want) {
			t.Errorf("comment lacks %q:\n%s", want, first)
		}
	}
	if out := h.outputs(); out["verdict"] != "too-large" || out["parts"] == "1" {
		t.Errorf("outputs %v", out)
	}
	// A rerun changes nothing; a trimmed list edits the same comment.
	h.run()
	if c := h.issueComments(n); len(c) != 1 || c[0].GetBody() != first {
		t.Fatalf("a rerun changed the comment")
	}
	h.repo.SetIssueBody(n, "- [ ] Add the endpoint\n- [ ] List page")
	h.issueEvent("edited", n, "open")
	h.run()
	after := h.issueComments(n)
	if len(after) != 1 || after[0].GetID() != comments[0].GetID() || !strings.Contains(after[0].GetBody(), "Fits one Minimum Viable Change now") {
		t.Errorf("after trimming: %d comments, %q", len(after), after[0].GetBody())
	}
	if out := h.outputs(); out["verdict"] != "mvc" {
		t.Errorf("outputs %v", out)
	}
}

// Small issues get no comment at all, and the run costs a few reads.
func TestIssueModeIsQuietOnSmallIssues(t *testing.T) {
	h := newHarness(t)
	n := h.repo.AddIssue(fakegithub.Issue{Title: "Typo", Body: "- [ ] fix it\n- [ ] test it"})
	h.issueEvent("opened", n, "open")
	if code := h.run(); code != ExitOK {
		t.Fatalf("exit %d", code)
	}
	if c := h.repo.Comments(n); len(c) != 0 {
		t.Errorf("%d comments on a small issue", len(c))
	}
	for _, r := range h.gh.Requests() {
		if r.Method != "GET" {
			t.Errorf("a small issue caused a write: %s", r)
		}
	}
}

// Sub-issues count: an epic with six open sub-issues, one blocked by
// another, is broken down into its sub-issues in dependency order.
func TestIssueModeReadsSubIssues(t *testing.T) {
	h := newHarness(t)
	epic := h.repo.AddIssue(fakegithub.Issue{Title: "Epic: billing"})
	var kids []int
	for i := range 6 {
		kids = append(kids, h.repo.AddIssue(fakegithub.Issue{Title: fmt.Sprintf("billing %d", i+1)}))
		h.repo.AddSubIssue(epic, kids[i])
	}
	h.repo.AddBlockedBy(kids[0], kids[5])
	h.issueEvent("labeled", epic, "open")
	if code := h.run(); code != ExitOK {
		t.Fatalf("exit %d: %s", code, h.stdout.String())
	}
	c := h.issueComments(epic)
	if len(c) != 1 {
		t.Fatalf("%d comments", len(c))
	}
	body := c[0].GetBody()
	if !strings.Contains(body, fmt.Sprintf("#%d billing 6", kids[5])) || strings.Index(body, fmt.Sprintf("#%d billing 6", kids[5])) > strings.Index(body, fmt.Sprintf("#%d billing 1", kids[0])) {
		t.Errorf("billing 6 does not come before billing 1, which it blocks:\n%s", body)
	}
}

func TestIssueModeEventsThatDoNothing(t *testing.T) {
	for _, tc := range []struct {
		action, state, want string
	}{
		{"closed", "closed", `issues action "closed" cannot change`},
		{"assigned", "open", `issues action "assigned" cannot change`},
		{"reopened", "closed", "is closed: nothing to do"},
	} {
		h := newHarness(t)
		h.issueEvent(tc.action, 7, tc.state)
		if code := h.run(); code != ExitOK || !strings.Contains(h.stdout.String(), tc.want) {
			t.Errorf("%s: exit %d, stdout %q", tc.action, code, h.stdout.String())
		}
		if n := len(h.gh.Requests()); n != 0 {
			t.Errorf("%s: %d API requests", tc.action, n)
		}
	}
}

// The default branch's .github/mvc.yml sets issue mode's thresholds.
func TestIssueModeThresholdsFromConfig(t *testing.T) {
	h := newHarness(t)
	h.repo.SetFile("main", ".github/mvc.yml", "issues:\n  max-tasks: 10\n")
	n := h.repo.AddIssue(fakegithub.Issue{Title: "Seven", Body: strings.Repeat("- [ ] a task\n", 7)})
	h.issueEvent("opened", n, "open")
	if code := h.run(); code != ExitOK {
		t.Fatalf("exit %d: %s", code, h.stdout.String())
	}
	if c := h.issueComments(n); len(c) != 0 {
		t.Errorf("with max-tasks 10, a seven-task issue got a comment:\n%s", c[0].GetBody())
	}
}

// TestIssueModeOnRealPayload runs issue mode on GitHub's own example
// payload, so the real shape decodes and drives the same path.
func TestIssueModeOnRealPayload(t *testing.T) {
	data, err := os.ReadFile("../../shared/fixtures/webhooks/issues/opened.payload.json")
	if os.IsNotExist(err) {
		data, err = os.ReadFile("../shared/fixtures/webhooks/issues/opened.payload.json")
	}
	if err != nil {
		t.Skipf("real webhook payloads not found (%v): they sit beside the project in development and CI", err)
	}
	h := newHarness(t)
	n := h.repo.AddIssue(fakegithub.Issue{Number: 1, Title: "Spelling error in the README file", Body: strings.Repeat("- [ ] fix a word\n", 6)})
	h.env["GITHUB_EVENT_NAME"] = "issues"
	if err := os.WriteFile(h.env["GITHUB_EVENT_PATH"], data, 0o644); err != nil {
		t.Fatal(err)
	}
	if code := h.run(); code != ExitOK {
		t.Fatalf("exit %d: %s", code, h.stdout.String())
	}
	if c := h.issueComments(n); len(c) != 1 {
		t.Errorf("%d comments on the payload's issue #%d, want 1:\n%s", len(c), n, h.stdout.String())
	}
}

// A task that links another repository's issue is not this repository's
// issue of the same number: no cycle is made up from it.
func TestIssueModeLeavesOtherRepositoriesOut(t *testing.T) {
	h := newHarness(t)
	upgrade := h.repo.AddIssue(fakegithub.Issue{Title: "Upgrade lib"})
	ship := h.repo.AddIssue(fakegithub.Issue{Title: "Ship it"})
	h.repo.SetIssueBody(upgrade, fmt.Sprintf("- [ ] https://github.com/other/lib/issues/%d", ship))
	epic := h.repo.AddIssue(fakegithub.Issue{Title: "Epic"})
	h.repo.AddSubIssue(epic, upgrade)
	h.repo.AddSubIssue(epic, ship)
	h.repo.AddBlockedBy(ship, upgrade)
	h.issueEvent("opened", epic, "open")
	if code := h.run(); code != ExitOK {
		t.Fatalf("exit %d\n%s", code, h.stdout.String())
	}
	if strings.Contains(h.summary(), "Dependency cycles") {
		t.Errorf("a cycle made up from another repository's issue:\n%s", h.summary())
	}
}

// An epic written as a task list of issues is too big in issue mode, as
// it is when the whole repository is read: the issues its items name are
// read, and count by their state (three open ones and three plain tasks
// are six open pieces of work). A closed one named too does not count.
func TestIssueModeReadsTaskListIssues(t *testing.T) {
	h := newHarness(t)
	var items []string
	for i := range 3 {
		items = append(items, fmt.Sprintf("- [ ] #%d", h.repo.AddIssue(fakegithub.Issue{Title: fmt.Sprintf("part %d", i+1)})))
	}
	done := h.repo.AddIssue(fakegithub.Issue{Title: "done", State: "closed"})
	items = append(items, fmt.Sprintf("- [ ] #%d", done), "- [ ] task a", "- [ ] task b", "- [ ] task c")
	epic := h.repo.AddIssue(fakegithub.Issue{Title: "Epic", Body: strings.Join(items, "\n")})
	h.issueEvent("opened", epic, "open")
	if code := h.run(); code != ExitOK {
		t.Fatalf("exit %d: %s", code, h.stdout.String())
	}
	c := h.issueComments(epic)
	if len(c) != 1 || !strings.Contains(c[0].GetBody(), "6 open pieces of work (open sub-issues: 3, unchecked tasks: 3)") {
		t.Fatalf("%d comments, want one saying 6 open pieces of work:\n%s", len(c), h.stdout.String())
	}
	if out := h.outputs(); out["verdict"] != "too-large" {
		t.Errorf("outputs %v", out)
	}
}
