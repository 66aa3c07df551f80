package action

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/google/go-github/v60/github"
)

// Mode is what a run does, chosen from the event (mode: auto) or forced.
type Mode string

// The modes of the mode input.
const (
	ModeAuto   Mode = "auto"
	ModePR     Mode = "pr"
	ModeIssue  Mode = "issue"
	ModeReport Mode = "report"
	// modeNone means there is nothing to do for this event; the run ends
	// with a notice and exit 0.
	modeNone Mode = ""
)

// prActions are the pull_request actions that can change a verdict: a new
// head, a reopened or un-drafted PR, an edited base, a label that may be the
// exempt label.
var prActions = map[string]bool{
	"opened": true, "synchronize": true, "reopened": true, "ready_for_review": true,
	"edited": true, "labeled": true, "unlabeled": true,
}

// event is the decoded event file: the go-github type for the events mvc
// acts on, so the Action and a future App share one code path.
type event struct {
	Name        string
	PullRequest *github.PullRequestEvent
	Push        *github.PushEvent
	Issues      *github.IssuesEvent
	Repo        *github.Repository
}

// issueActions are the issues actions that can change what mvc says of an
// issue: a new or edited task list, a reopened issue, a label that may say
// it is an epic.
var issueActions = map[string]bool{
	"opened": true, "edited": true, "reopened": true, "labeled": true, "unlabeled": true,
}

// readEvent decodes GITHUB_EVENT_PATH for GITHUB_EVENT_NAME.
func readEvent(name, path string) (*event, error) {
	if name == "" {
		return nil, fmt.Errorf("GITHUB_EVENT_NAME is not set: run mvc action inside GitHub Actions, or use 'mvc analyze' locally")
	}
	ev := &event{Name: name}
	if path == "" {
		return nil, fmt.Errorf("GITHUB_EVENT_PATH is not set: run mvc action inside GitHub Actions, or use 'mvc analyze' locally")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read event file: %w", err)
	}
	switch name {
	case "pull_request", "pull_request_target":
		ev.PullRequest = new(github.PullRequestEvent)
		if err := json.Unmarshal(data, ev.PullRequest); err != nil {
			return nil, fmt.Errorf("decode %s event file %s: %w", name, path, err)
		}
		if ev.PullRequest.GetPullRequest().GetNumber() == 0 && ev.PullRequest.GetNumber() == 0 {
			return nil, fmt.Errorf("the %s event file %s has no pull request number", name, path)
		}
		ev.Repo = ev.PullRequest.GetRepo()
	case "issues":
		ev.Issues = new(github.IssuesEvent)
		if err := json.Unmarshal(data, ev.Issues); err != nil {
			return nil, fmt.Errorf("decode issues event file %s: %w", path, err)
		}
		ev.Repo = ev.Issues.GetRepo()
	case "push":
		ev.Push = new(github.PushEvent)
		if err := json.Unmarshal(data, ev.Push); err != nil {
			return nil, fmt.Errorf("decode push event file %s: %w", path, err)
		}
		if r := ev.Push.GetRepo(); r != nil {
			ev.Repo = &github.Repository{DefaultBranch: r.DefaultBranch, MasterBranch: r.MasterBranch}
		}
	default:
		// Only the repository matters for other events; a payload without
		// one (schedule) is fine.
		var generic struct {
			Repository *github.Repository `json:"repository"`
		}
		if err := json.Unmarshal(data, &generic); err != nil {
			return nil, fmt.Errorf("decode %s event file %s: %w", name, path, err)
		}
		ev.Repo = generic.Repository
	}
	return ev, nil
}

// prNumber is the pull request's number from the event.
func (e *event) prNumber() int {
	if n := e.PullRequest.GetPullRequest().GetNumber(); n != 0 {
		return n
	}
	return e.PullRequest.GetNumber()
}

// chooseMode maps the requested mode and the event to what the run does.
// A non-empty notice explains a run that does nothing.
func chooseMode(requested Mode, ev *event) (Mode, string) {
	switch requested {
	case ModePR:
		if ev.PullRequest == nil {
			return modeNone, fmt.Sprintf("mode pr needs a pull_request or pull_request_target event, got %s: nothing to do", ev.Name)
		}
		return ModePR, ""
	case ModeIssue:
		if ev.Issues == nil || ev.Issues.GetIssue().GetNumber() == 0 {
			return modeNone, fmt.Sprintf("mode issue needs an issues event naming an issue, got %s: nothing to do", ev.Name)
		}
		return ModeIssue, ""
	case ModeReport:
		return requested, ""
	}
	switch ev.Name {
	case "pull_request", "pull_request_target":
		if action := ev.PullRequest.GetAction(); !prActions[action] {
			return modeNone, fmt.Sprintf("%s action %q cannot change the size verdict: nothing to do", ev.Name, action)
		}
		return ModePR, ""
	case "issues":
		if action := ev.Issues.GetAction(); !issueActions[action] {
			return modeNone, fmt.Sprintf("issues action %q cannot change what mvc says of the issue: nothing to do", action)
		}
		if ev.Issues.GetIssue().GetNumber() == 0 {
			return modeNone, "the issues event names no issue: nothing to do"
		}
		return ModeIssue, ""
	case "schedule", "workflow_dispatch":
		return ModeReport, ""
	case "push":
		branch := strings.TrimPrefix(ev.Push.GetRef(), "refs/heads/")
		if def := ev.defaultBranch(); def != "" && branch != def {
			return modeNone, fmt.Sprintf("push to %s, not to the default branch %s: nothing to report", branch, def)
		}
		return ModeReport, ""
	}
	return modeNone, fmt.Sprintf("mvc does nothing on %s events (it acts on pull_request, pull_request_target, issues, push to the default branch, schedule and workflow_dispatch)", ev.Name)
}

func (e *event) defaultBranch() string {
	if e.Repo == nil {
		return ""
	}
	if b := e.Repo.GetDefaultBranch(); b != "" {
		return b
	}
	return e.Repo.GetMasterBranch()
}
