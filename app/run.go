package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/mvcbot/mvc/action"
)

// reportFile is where a run's JSON report lands in its scratch workspace;
// the App reads the verdict back from it for the log.
const reportFile = "mvc-report.json"

// process runs the Action's pull-request flow for one job, in-process,
// with the environment a workflow run would have: the payload as the event
// file, the App's credentials as inputs, and a scratch workspace with no
// checkout, so the Action takes its API-only path.
func (s *Server) process(ctx context.Context, j job) {
	log := s.log.With("delivery", j.delivery, "repo", j.repo, "number", j.number, "event", j.event, "action", j.action)
	defer func() {
		if p := recover(); p != nil {
			log.Error("run panicked", "panic", p)
			s.forget(j)
		}
	}()
	dir, err := os.MkdirTemp("", "mvc-app-")
	if err != nil {
		log.Error("run not started", "err", fmt.Sprintf("create a scratch directory: %v", err))
		s.forget(j)
		return
	}
	defer os.RemoveAll(dir)
	env, err := s.runEnv(dir, j)
	if err != nil {
		log.Error("run not started", "err", err.Error())
		s.forget(j)
		return
	}
	// The deadline frees the worker whatever the run waits on: a hung API
	// call, or a rate limit of this one installation.
	ctx, cancel := context.WithTimeout(ctx, s.cfg.RunTimeout)
	defer cancel()
	start := s.now()
	out := newLogWriter(ctx, log)
	code := s.runAction(ctx, action.Env{
		Getenv:         func(k string) string { return env[k] },
		Stdout:         out,
		HTTPClient:     s.cfg.HTTPClient,
		Sleep:          s.cfg.Sleep,
		Now:            s.cfg.Now,
		InstallationID: j.installation,
		Tokens:         s.tokens,
		NoCheckout:     true,
		CommitStatus:   true,
	})
	out.flush()
	if stopped := ctx.Err(); stopped != nil && code != action.ExitOK && code != action.ExitTooLarge {
		s.forget(j)
		if errors.Is(stopped, context.DeadlineExceeded) {
			log.Error("run stopped at its deadline: redeliver it from the App's settings once GitHub answers again",
				"run_timeout", s.cfg.RunTimeout.String(), "exit", code)
			return
		}
		log.Warn("run cancelled: mvc stopped before it ended; redeliver it from the App's settings", "exit", code)
		return
	}
	if code == action.ExitFailure && out.saw(action.TitleHeadNotShown) {
		s.forget(j)
		log.Warn("pull request not measured: GitHub's API does not show the delivery's head yet; redeliver it from the App's settings",
			"head", j.headSHA)
		return
	}
	s.logOutcome(log, j, code, env["GITHUB_WORKSPACE"], s.now().Sub(start))
}

// dropped logs a job that shutdown's deadline kept from starting. GitHub
// does not redeliver a delivery it got 202 for, so the log names the one
// to redeliver.
func (s *Server) dropped(j job) {
	s.forget(j)
	s.log.Warn("delivery not run: mvc stopped before its turn; redeliver it from the App's settings",
		"delivery", j.delivery, "repo", j.repo, "number", j.number, "event", j.event, "action", j.action)
}

// forget lets a redelivery of j, or of any delivery folded into it, run.
func (s *Server) forget(j job) {
	s.seen.forget(j.delivery)
	for _, d := range j.folded {
		s.seen.forget(d)
	}
}

// modeOf is the Action's mode for each event the App acts on.
var modeOf = map[string]string{"pull_request": "pr", "issues": "issue"}

// runEnv writes the event file and returns the variables a workflow step
// would see. Inputs not set here take the Action's defaults and the
// repository's .github/mvc.yml, exactly as in a workflow.
func (s *Server) runEnv(dir string, j job) (map[string]string, error) {
	eventPath := filepath.Join(dir, "event.json")
	if err := os.WriteFile(eventPath, j.payload, 0o600); err != nil {
		return nil, fmt.Errorf("write the event file: %w", err)
	}
	workspace := filepath.Join(dir, "workspace")
	if err := os.Mkdir(workspace, 0o700); err != nil {
		return nil, fmt.Errorf("create the scratch workspace: %w", err)
	}
	return map[string]string{
		"GITHUB_EVENT_NAME":     j.event,
		"GITHUB_EVENT_PATH":     eventPath,
		"GITHUB_REPOSITORY":     j.repo,
		"GITHUB_API_URL":        s.cfg.APIURL,
		"GITHUB_WORKSPACE":      workspace,
		"INPUT_MODE":            modeOf[j.event],
		"INPUT_APP-ID":          s.cfg.AppID,
		"INPUT_APP-PRIVATE-KEY": s.cfg.PrivateKey,
		"INPUT_REPORT-FILE":     reportFile,
		// The outputs land in the scratch directory, for the outcome line
		// (an issue run writes no report). GITHUB_STEP_SUMMARY stays
		// unset: no one would read it, and the Action skips it when unset.
		"GITHUB_OUTPUT": filepath.Join(dir, outputsFile),
	}, nil
}

func (s *Server) now() time.Time {
	if s.cfg.Now != nil {
		return s.cfg.Now()
	}
	return time.Now()
}
