package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/mvcbot/mvc/analyzer/split"
	"github.com/mvcbot/mvc/source/gitrepo"
	"github.com/mvcbot/mvc/source/golang"
)

// verifySplit is --verify: it splits again with Go's type-resolved links,
// type-checks every prefix of the stack in a temporary worktree, repairs
// the plan where a prefix fails, and says on stderr what it found and how
// long it took.
func verifySplit(ctx context.Context, e *env, repo *gitrepo.Repo, in split.Input, fewest bool) (split.Plan, error) {
	start := e.now()
	opt := golang.Options{Now: e.now}
	if err := addTypeLinks(ctx, repo, &in, opt); err != nil {
		if unavailable(err) != nil {
			return split.Plan{}, unavailable(err)
		}
		// The stack can still be checked; only the links are lost.
		fmt.Fprintf(e.stderr, "mvc split: --verify: no type-resolved links: %v\n", err)
	}
	plan, err := split.Split(in)
	if err != nil {
		return plan, err
	}
	if fewest {
		plan = split.Consolidate(plan)
	}
	fixed, rep, err := golang.Repair(ctx, repo, in, plan, opt)
	if err != nil {
		if unavailable(err) != nil {
			return plan, unavailable(err)
		}
		return plan, fmt.Errorf("verify the stack: %w", err)
	}
	writeVerifySummary(e.stderr, rep, len(in.TypeLinks), e.now().Sub(start))
	return fixed, nil
}

// unavailable is the one line --verify ends with, exit 3, when the
// environment rather than the change keeps it from type-checking: nothing
// is claimed about any part. Nil for any other error.
func unavailable(err error) error {
	var ue *golang.UnavailableError
	switch {
	case errors.Is(err, golang.ErrNoGo):
		return errors.New("--verify needs the go command on PATH: install Go, or add its bin directory to PATH")
	case errors.As(err, &ue):
		return fmt.Errorf("--verify: %s", ue.Reason)
	}
	return nil
}

func writeVerifySummary(w io.Writer, rep golang.Report, links int, took time.Duration) {
	took = took.Round(100 * time.Millisecond)
	switch {
	case rep.HeadBuilds == nil:
		fmt.Fprintf(w, "mvc split: --verify: the change touches no Go package; nothing to type-check\n")
		return
	case !*rep.HeadBuilds:
		fmt.Fprintf(w, "mvc split: --verify: the head itself does not type-check, so no part can be expected to; the plan is left as proposed (%s)\n", took)
	default:
		failing := 0
		for _, p := range rep.Parts {
			if p.Builds != nil && !*p.Builds {
				failing++
			}
		}
		verdict := "every part builds on the ones below it"
		if failing > 0 {
			verdict = fmt.Sprintf("%d of %s do not build on the ones below", failing, count(len(rep.Parts), "part", "parts"))
			if failing == 1 {
				verdict = fmt.Sprintf("1 of %s does not build on the ones below", count(len(rep.Parts), "part", "parts"))
			}
		}
		fmt.Fprintf(w, "mvc split: --verify: %s; %s, %s type-checked, %s, in %s\n",
			verdict, count(links, "type-resolved link", "type-resolved links"), count(rep.Checks, "state", "states"),
			count(len(rep.Repairs), "repair", "repairs"), took)
	}
	for _, note := range rep.Repairs {
		fmt.Fprintf(w, "mvc split: --verify: %s\n", note)
	}
	for _, p := range rep.Parts {
		if p.Builds != nil && !*p.Builds && len(p.Problems) > 0 {
			fmt.Fprintf(w, "mvc split: --verify: part %d: %s\n", p.Part, p.Problems[0])
		}
	}
}
