package main

import (
	"context"

	"github.com/mvcbot/mvc/action"
)

func init() {
	register(&command{
		name:    "action",
		summary: "run as the GitHub Action (the container's default command)",
		usage:   actionUsage,
		order:   90,
		run:     runAction,
	})
}

const actionUsage = `Usage: mvc action

Run as a step of a GitHub Actions workflow: read the inputs (INPUT_*), the
event (GITHUB_EVENT_NAME, GITHUB_EVENT_PATH) and the repository
(GITHUB_REPOSITORY, GITHUB_API_URL, GITHUB_WORKSPACE); on a pull request,
measure it, keep one sticky comment and one size label current, and write
the outputs (GITHUB_OUTPUT), the step summary (GITHUB_STEP_SUMMARY) and the
JSON report. This is the Docker image's default command; the README lists
every input, output and exit code.

Exit codes: 0 ran; 1 too large with fail-on too-large; 2 bad input or
config (nothing written); 3 an API or runtime failure after retries.

Examples:
  # What the runner does inside the container:
  INPUT_GITHUB-TOKEN=... GITHUB_EVENT_NAME=pull_request \
    GITHUB_EVENT_PATH=event.json GITHUB_REPOSITORY=owner/repo mvc action
`

func runAction(ctx context.Context, e *env, args []string) error {
	c := commands["action"]
	if err := parseFlags(newFlagSet(c, e), args); err != nil {
		return err
	}
	code := action.Run(ctx, action.Env{Getenv: e.getenv, Stdout: e.stdout, Now: e.now})
	if code == 0 {
		return nil
	}
	// The action has already reported why, as annotations.
	return &exitError{code: code}
}
