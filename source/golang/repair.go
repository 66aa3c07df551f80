package golang

import (
	"context"
	"time"

	"github.com/mvcbot/mvc/analyzer/split"
	"github.com/mvcbot/mvc/source/gitrepo"
)

// Repair verifies the stack like Verify and, while a prefix fails to
// type-check and the head itself does, changes the plan until it builds:
// a hunk of a later part that the failing prefix needs (the definition of
// an undefined name, or a changed line where the error is) moves into the
// failing part; when no such hunk is found, the failing part merges into
// the one before. Diff integrity is kept: hunks only move between parts.
// It returns the repaired plan, with Builds filled, and its report.
func Repair(ctx context.Context, repo *gitrepo.Repo, in split.Input, plan split.Plan, opt Options) (split.Plan, Report, error) {
	fixed, rep, err := run(ctx, repo, in, plan, opt, true)
	if err != nil {
		return plan, rep, err
	}
	return rep.Builds(retitle(in, plan, fixed)), rep, nil
}

// run checks the head, then each prefix bottom up, repairing when asked,
// then each part alone.
func run(ctx context.Context, repo *gitrepo.Repo, in split.Input, plan split.Plan, opt Options, repair bool) (_ split.Plan, rep Report, err error) {
	now := opt.Now
	if now == nil {
		now = time.Now
	}
	start := now()
	rep = Report{Parts: unchecked(plan)}
	dirs := goDirs(in.Change.Files)
	if len(dirs) == 0 || len(plan.Parts) == 0 {
		return plan, rep, nil
	}
	if err := needGo(); err != nil {
		return plan, rep, err
	}
	wt, err := addWorktree(ctx, repo, in.Change.Base)
	if err != nil {
		return plan, rep, err
	}
	defer wt.remove()
	s := &session{wt: wt, in: in, env: opt.Env, dirs: dirs}
	defer func() { rep.Checks, rep.Elapsed = s.checks, now().Sub(start) }()

	head, headProblems, err := s.check(ctx, plan, prefix(len(plan.Parts)))
	if err != nil || head == nil {
		return plan, rep, err
	}
	rep.HeadBuilds = head
	// On an error the plan stays as proposed and no part is judged.
	fixed, results, err := s.prefixes(ctx, plan, head, headProblems, repair, &rep.Repairs)
	if err == nil {
		err = s.alone(ctx, fixed, results)
	}
	if err != nil {
		rep.Repairs = nil
		return plan, rep, err
	}
	rep.Parts = results
	return fixed, rep, nil
}

// maxMoves bounds the rounds that bring hunks forward: each costs a type
// check, and a stack that needs more is better merged. After it, only
// merges, which end at the head, which builds. maxRepairs bounds the whole
// loop on a pathological stack.
const (
	maxMoves   = 12
	maxRepairs = 200
)

// prefixes checks the stack up to each part, bottom up. With repair, a
// failing prefix is fixed and checked again, starting from the part before
// it since a merge changes that part too.
func (s *session) prefixes(ctx context.Context, plan split.Plan, head *bool, headProblems []Problem, repair bool, notes *[]string) (split.Plan, []PartResult, error) {
	var results []PartResult
	repairs := 0
	for n := 1; n <= len(plan.Parts); n++ {
		ok, problems := head, headProblems
		if n < len(plan.Parts) {
			var err error
			if ok, problems, err = s.check(ctx, plan, prefix(n)); err != nil {
				return plan, nil, err
			}
		}
		if repair && *head && ok != nil && !*ok && repairs < maxRepairs {
			if fixed, done, changed := fix(s.in, plan, n-1, problems, repairs < maxMoves); changed {
				plan, repairs = fixed, repairs+1
				*notes = append(*notes, done...)
				n = max(n-2, 0)
				results = results[:n]
				continue
			}
		}
		results = append(results, PartResult{Part: n, Builds: ok, Problems: problems})
	}
	return plan, results, nil
}

// alone checks each part applied alone on the base: only then is it
// independent. The first part alone is the first prefix.
func (s *session) alone(ctx context.Context, plan split.Plan, results []PartResult) error {
	for i := range results {
		if i == 0 {
			results[0].Independent = results[0].Builds
			continue
		}
		ok, _, err := s.check(ctx, plan, []int{i})
		if err != nil {
			return err
		}
		results[i].Independent = ok
	}
	return nil
}

func unchecked(plan split.Plan) []PartResult {
	out := make([]PartResult, len(plan.Parts))
	for i := range out {
		out[i].Part = i + 1
	}
	return out
}
