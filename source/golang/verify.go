// Package golang checks and links Go changes with the Go toolchain: it
// type-checks each prefix of a proposed stack in a temporary worktree, and
// resolves identifiers with go/types over the base and the head. It runs
// git and the go command, so it is an adapter: the analyzer gets plain
// facts from it, never a process.
package golang

import (
	"context"
	"path"
	"strings"
	"time"

	"github.com/mvcbot/mvc/analyzer"
	"github.com/mvcbot/mvc/analyzer/split"
	"github.com/mvcbot/mvc/source/gitrepo"
)

// Options tune verification.
type Options struct {
	// Env is added to the go command's environment, e.g. GOFLAGS=-mod=mod
	// and GOPROXY=off to check without the network.
	Env []string
	// Now is the clock that times verification; time.Now when nil.
	Now func() time.Time
}

// Report is the outcome of verifying a stack.
type Report struct {
	Parts []PartResult `json:"parts"`
	// HeadBuilds says whether the head itself type-checks: the calibration
	// gate. When it does not, no prefix can be expected to, and Repair
	// leaves the plan alone. Nil when the change touches no Go package.
	HeadBuilds *bool `json:"head_builds"`
	// Checks counts the states type-checked; Elapsed is how long it took.
	Checks  int           `json:"checks"`
	Elapsed time.Duration `json:"elapsed_ns"`
	// Repairs says, one line each, how Repair changed the plan.
	Repairs []string `json:"repairs,omitempty"`
}

// PartResult says whether the stack up to a part type-checks.
type PartResult struct {
	Part int `json:"part"`
	// Builds is whether the base with parts 1..Part applied type-checks
	// (the touched packages and their tests); nil when not checked.
	Builds *bool `json:"builds"`
	// Independent is whether the part applied alone on the base
	// type-checks, so it could be its own pull request rather than stacked.
	Independent *bool `json:"independent"`
	// Problems are the first errors of a state that does not build.
	Problems []Problem `json:"problems,omitempty"`
}

// maxProblems bounds the errors kept per part.
const maxProblems = 5

// Verify type-checks every prefix of the stack, and every part alone on
// the base, in a temporary worktree of the base that is removed after. It
// changes nothing in the plan.
func Verify(ctx context.Context, repo *gitrepo.Repo, in split.Input, plan split.Plan, opt Options) (Report, error) {
	_, rep, err := run(ctx, repo, in, plan, opt, false)
	return rep, err
}

// Builds copies the report's verdicts into the plan's parts.
func (r Report) Builds(plan split.Plan) split.Plan {
	out := plan
	out.Parts = append([]split.Part(nil), plan.Parts...)
	for i := range out.Parts {
		if i < len(r.Parts) {
			out.Parts[i].Builds = r.Parts[i].Builds
			out.Parts[i].Independent = r.Parts[i].Independent
		}
	}
	return out
}

// goDirs are the directories of the change's Go files, at either side,
// outside testdata and vendor: the packages a state of the stack can
// break. Vendored packages are third-party code the go command builds
// only through their importers, and `./...` leaves them out too: checking
// a vendored module on its own would need its own dependencies.
func goDirs(files []analyzer.FileChange) []string {
	seen := map[string]bool{}
	var dirs []string
	for _, f := range files {
		for _, p := range []string{f.Path, f.OldPath} {
			if !strings.HasSuffix(p, ".go") || seen[path.Dir(p)] || inTestdata(p) || inVendor(p) {
				continue
			}
			seen[path.Dir(p)] = true
			dirs = append(dirs, path.Dir(p))
		}
	}
	return dirs
}

// inTestdata reports a file under a testdata directory: the go command
// ignores those (they hold inputs to tests, often broken on purpose).
func inTestdata(p string) bool {
	return strings.HasPrefix(p, "testdata/") || strings.Contains(p, "/testdata/")
}

// inVendor reports a file under a vendor directory.
func inVendor(p string) bool {
	return strings.HasPrefix(p, "vendor/") || strings.Contains(p, "/vendor/")
}

// session holds the worktree and what every check of one run shares.
type session struct {
	wt     *worktree
	in     split.Input
	env    []string
	dirs   []string
	checks int
}

// check writes the state after the chosen parts and type-checks it; ok is
// nil when no Go package exists to check.
func (s *session) check(ctx context.Context, plan split.Plan, chosen []int) (*bool, []Problem, error) {
	if err := s.wt.write(ctx, s.in, plan, chosen); err != nil {
		return nil, nil, err
	}
	s.checks++
	problems, checked, err := s.wt.typeCheck(ctx, s.env, s.dirs)
	if err != nil || !checked {
		return nil, nil, err
	}
	ok := len(problems) == 0
	return &ok, problems[:min(len(problems), maxProblems)], nil
}

func prefix(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}
