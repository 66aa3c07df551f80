package action

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/sethvargo/go-githubactions"

	ghsource "github.com/mvcbot/mvc/source/github"
)

// Exit codes, as documented in the README.
const (
	ExitOK       = 0
	ExitTooLarge = 1 // verdict too-large with fail-on too-large
	ExitBadInput = 2 // bad input or config: nothing was written
	ExitFailure  = 3 // runtime or API failure after retries
)

// The titles of the error annotation a run that fails ends with; the App
// logs these at ERROR, and other error annotations (a verdict) lower.
const (
	TitleBadInput = "mvc: bad input"
	TitleFailed   = "mvc failed"
	// TitleHeadNotShown ends an App run (exit 3) whose delivery names a
	// head GitHub's API has not shown yet: nothing was measured, and the
	// delivery is to be redelivered, which the App logs at WARN.
	TitleHeadNotShown = "mvc: head not shown yet"
)

// Env is everything the action takes from its process, injectable so tests
// run it exactly as the runner does without touching the real environment.
type Env struct {
	Getenv func(string) string
	// Stdout receives workflow commands (annotations, debug lines).
	Stdout io.Writer
	// HTTPClient is the base client for API calls; nil means the default.
	HTTPClient *http.Client
	// Sleep waits between API retries; nil means a real timer. Tests inject
	// one that records the wait and returns at once.
	Sleep func(ctx context.Context, d time.Duration) error
	// Now is the clock for delivery windows; nil means time.Now.
	Now func() time.Time
	// InstallationID is the GitHub App installation when the caller
	// already knows it (the App server reads it from the webhook), so the
	// client skips looking it up; zero looks it up. Used with app-id.
	InstallationID int64
	// Tokens shares installation tokens across runs (the App server), so
	// a run does not mint a new one; nil mints one per run.
	Tokens *ghsource.InstallationTokens
	// NoCheckout says there is no checkout to read (the App server): the
	// run takes the API-only path without probing GITHUB_WORKSPACE with
	// git, which then only receives the report file.
	NoCheckout bool
	// CommitStatus sets the verdict as the mvc/size commit status on the
	// pull request's head (the App server, where no workflow check can
	// fail): failure when fail-on fails the run, success otherwise.
	CommitStatus bool
}

// runner carries one run's state.
type runner struct {
	env      Env
	gha      *githubactions.Action
	files    runnerFiles
	in       inputs
	delivery deliveryInputs
}

// badInputError marks a problem the user must fix in inputs, config or the
// event: exit 2, and no API writes happen after it.
type badInputError struct{ err error }

func (e *badInputError) Error() string { return e.err.Error() }
func (e *badInputError) Unwrap() error { return e.err }

func badInput(err error) error { return &badInputError{err: err} }

// Run runs the action and returns its exit code.
func Run(ctx context.Context, env Env) int {
	if env.Now == nil {
		env.Now = time.Now
	}
	r := &runner{
		env: env,
		gha: githubactions.New(githubactions.WithGetenv(env.Getenv), githubactions.WithWriter(env.Stdout)),
		files: runnerFiles{
			output:    env.Getenv("GITHUB_OUTPUT"),
			summary:   env.Getenv("GITHUB_STEP_SUMMARY"),
			workspace: env.Getenv("GITHUB_WORKSPACE"),
			checkout:  !env.NoCheckout,
		},
	}
	code, err := r.run(ctx)
	if err == nil {
		return code
	}
	var bad *badInputError
	if errors.As(err, &bad) {
		r.fail(TitleBadInput, err)
		return ExitBadInput
	}
	r.fail(TitleFailed, err)
	return ExitFailure
}

// fail reports a run-ending error where users look: an error annotation and
// the step summary, on one line that says what to fix.
func (r *runner) fail(title string, err error) {
	msg := oneLine(err.Error())
	r.gha.WithFieldsMap(map[string]string{"title": title}).Errorf("%s", msg)
	r.addSummary(fmt.Sprintf("### %s\n\n%s\n", title, msg))
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func (r *runner) run(ctx context.Context) (int, error) {
	in, err := readInputs(r.gha.GetInput)
	if err != nil {
		return 0, badInput(err)
	}
	r.in = in
	if err := r.files.checkReportFile(in.ReportFile); err != nil {
		return 0, badInput(err)
	}
	if r.delivery, err = readDeliveryInputs(r.gha.GetInput); err != nil {
		return 0, badInput(err)
	}
	if in.GithubToken != "" {
		r.gha.AddMask(in.GithubToken)
	}
	ev, err := readEvent(r.env.Getenv("GITHUB_EVENT_NAME"), r.env.Getenv("GITHUB_EVENT_PATH"))
	if err != nil {
		return 0, badInput(err)
	}
	mode, notice := chooseMode(in.Mode, ev)
	switch mode {
	case ModePR:
		return r.runPR(ctx, ev)
	case ModeIssue:
		return r.runIssue(ctx, ev)
	case ModeReport:
		return r.runReport(ctx, ev)
	}
	r.gha.Noticef("%s", notice)
	return ExitOK, nil
}
