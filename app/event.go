package app

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/google/go-github/v60/github"
)

// job is one run for a pull request or an issue, as a delivery asked for
// it.
type job struct {
	event        string // pull_request or issues
	delivery     string
	installation int64
	repo         string // owner/name
	number       int
	action       string
	headSHA      string
	// updatedAt is when the pull request last changed as the payload has
	// it: of two deliveries, the one updated later names the newer head.
	updatedAt time.Time
	// payload is the delivery's raw body: it becomes the run's event file.
	payload []byte
	// folded are the earlier deliveries this one replaced while they
	// waited: its run stands for them too.
	folded []string
}

// key names the pull request or issue (they share numbers); its runs never
// overlap.
func (j job) key() string { return strings.ToLower(j.repo) + "#" + strconv.Itoa(j.number) }

// prActions are the pull_request actions that can change a size verdict:
// a new head, a reopened or un-drafted pull request, a new base, a label
// that may be the exempt label. The Action acts on the same ones.
var prActions = map[string]bool{
	"opened": true, "reopened": true, "synchronize": true, "ready_for_review": true,
	"edited": true, "labeled": true, "unlabeled": true,
}

// pullRequestJob decodes a pull_request delivery into a job. A delivery
// that cannot change the verdict yields an empty job and the reason it is
// ignored; a payload mvc cannot act on is an error. botLogin is the App's
// own user ("<slug>[bot]"; empty when unknown).
func pullRequestJob(delivery string, body []byte, botLogin string) (job, string, error) {
	var ev github.PullRequestEvent
	if err := json.Unmarshal(body, &ev); err != nil {
		return job{}, "", fmt.Errorf("the pull_request payload is not valid JSON: %v", err)
	}
	j := job{
		event:        "pull_request",
		delivery:     delivery,
		installation: ev.GetInstallation().GetID(),
		repo:         ev.GetRepo().GetFullName(),
		number:       ev.GetNumber(),
		action:       ev.GetAction(),
		headSHA:      ev.GetPullRequest().GetHead().GetSHA(),
		updatedAt:    ev.GetPullRequest().GetUpdatedAt().Time,
		payload:      body,
	}
	if j.number == 0 {
		j.number = ev.GetPullRequest().GetNumber()
	}
	if j.repo == "" && ev.GetRepo().GetOwner().GetLogin() != "" && ev.GetRepo().GetName() != "" {
		j.repo = ev.GetRepo().GetOwner().GetLogin() + "/" + ev.GetRepo().GetName()
	}
	// The payload's shape first, then what it asks: a payload that is no
	// delivery of an App's (`{}`, a repository webhook's) is refused
	// whatever its action, not acknowledged as if mvc had read it.
	if err := j.complete("pull request"); err != nil {
		return job{}, "", err
	}
	if why := ignoredPullRequest(&ev, botLogin); why != "" {
		return job{}, why, nil
	}
	return j, "", nil
}

// ignoredPullRequest says why a complete pull_request delivery cannot
// change the verdict, or "".
func ignoredPullRequest(ev *github.PullRequestEvent, botLogin string) string {
	action := ev.GetAction()
	if !prActions[action] {
		return fmt.Sprintf("pull_request action %q cannot change the size verdict", action)
	}
	if why := ownLabelChange(ev, botLogin); why != "" {
		return why
	}
	switch {
	case action == "edited" && ev.GetChanges().GetBase() == nil:
		return "pull_request edited without a new base branch cannot change the size verdict"
	case ev.GetPullRequest().GetState() == "closed":
		return "the pull request is closed"
	}
	return ""
}

// ownLabelChange says why a labeled or unlabeled delivery is mvc's own
// doing, or "". GitHub sends an App the events its own writes cause:
// without this, every size label mvc sets or removes would bring one more
// full run, posting the same status again. Only the sender tells: a size
// label's name does not, since a person may add or remove one by hand (the
// run puts the right one back), and a repository's exempt label may look
// like a size label of another prefix (labels: {prefix: "sz/", exempt:
// "size/S"}). mvc never writes the exempt label, so a person exempting a
// pull request is always acted on. Without the App's login (the startup
// check could not reach GitHub) nothing is skipped: a redundant run
// re-posts the same verdict, while a skipped one could lose it.
func ownLabelChange(ev *github.PullRequestEvent, botLogin string) string {
	if a := ev.GetAction(); a != "labeled" && a != "unlabeled" {
		return ""
	}
	if botLogin != "" && strings.EqualFold(ev.GetSender().GetLogin(), botLogin) {
		return "label " + ev.GetAction() + " by mvc itself"
	}
	return ""
}

// complete says what a payload lacks for mvc to act on it; what names the
// number it must carry ("pull request", "issue"). One thing missing gets
// its own advice; several (`{}`) are listed in one line.
func (j job) complete(what string) error {
	var missing []string
	if j.action == "" {
		missing = append(missing, "action")
	}
	if j.installation == 0 {
		missing = append(missing, "installation id")
	}
	if j.repo == "" {
		missing = append(missing, "repository (repository.full_name)")
	}
	if j.number == 0 {
		missing = append(missing, what+" number")
	}
	switch {
	case len(missing) == 0:
		return nil
	case len(missing) > 1:
		last := len(missing) - 1
		return fmt.Errorf("the %s payload has no %s or %s: it is not a GitHub App's delivery", j.event, strings.Join(missing[:last], ", "), missing[last])
	case j.installation == 0:
		return errors.New("the payload has no installation id: send it from the GitHub App's webhook, not a repository webhook")
	case j.repo == "":
		return errors.New("the payload names no repository (repository.full_name)")
	}
	return fmt.Errorf("the payload has no %s", missing[0])
}

// issueActions are the issues actions that can change what mvc says of an
// issue; the Action acts on the same ones.
var issueActions = map[string]bool{
	"opened": true, "edited": true, "reopened": true, "labeled": true, "unlabeled": true,
}

// issuesJob decodes an issues delivery into a job, like pullRequestJob.
func issuesJob(delivery string, body []byte) (job, string, error) {
	var ev github.IssuesEvent
	if err := json.Unmarshal(body, &ev); err != nil {
		return job{}, "", fmt.Errorf("the issues payload is not valid JSON: %v", err)
	}
	j := job{
		event:        "issues",
		delivery:     delivery,
		installation: ev.GetInstallation().GetID(),
		repo:         ev.GetRepo().GetFullName(),
		number:       ev.GetIssue().GetNumber(),
		action:       ev.GetAction(),
		payload:      body,
	}
	if err := j.complete("issue"); err != nil {
		return job{}, "", err
	}
	switch {
	case !issueActions[j.action]:
		return job{}, fmt.Sprintf("issues action %q cannot change what mvc says of the issue", j.action), nil
	case ev.GetIssue().GetState() == "closed":
		return job{}, "the issue is closed", nil
	}
	return j, "", nil
}
