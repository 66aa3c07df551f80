package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/mvcbot/mvc/config"
	"github.com/mvcbot/mvc/internal/splitbench"
	"github.com/mvcbot/mvc/report"
)

func init() {
	register(&command{
		name:    "bench",
		summary: "measure mvc on a repository's history (bench split)",
		usage:   benchUsage,
		order:   80,
		run:     runBench,
	})
}

const benchUsage = `Usage: mvc bench split --repo DIR [flags]

Measure split proposals against what authors actually did. Cases are
windows of k consecutive first-parent, non-merge commits by one author
email, each within 14 days of the previous (bots and revert, release,
version-bump, wip and fixup commits left out; each commit 1-1,500 changed
lines and at most 60 files; windows do not overlap), drawn reproducibly
for a seed. Each window is squashed into one synthetic commit on its base
(written to the repository's object store, unreferenced); the splitter
sees only that diff and the base's history.

Ground truth per changed line comes from git blame over the window (git
blame --reverse for deleted lines); lines without a clear label are left
out and counted. Scores: line-level adjusted Rand index (primary; lumping
everything in one part scores 0), hunk- and file-level ARI, pairwise
precision, recall and F1, matched accuracy, part-count error, share of
parts within budget; mean, median and a bootstrap 95% interval, beside the
all-in-one, per-file, per-directory and per-hunk baselines. Every case
also checks diff integrity: the parts applied in order give the head.

--verify (Go) also type-checks every prefix of each proposed stack in a
temporary worktree, as proposed and after the repair of 'mvc split
--verify', and gives the splitter Go's type-resolved links. Only cases
whose true stack (every commit of the window) type-checks with the local
Go (GOTOOLCHAIN=local) count: older cases that need the Go of their day,
or modules that cannot be fetched, fail this calibration gate and are
reported as excluded. Slow: seconds to a minute per case.

Progress goes to stderr, the report to stdout, all figures to --json.

Examples:
  mvc bench split --repo ../tools --until 2025-01-01
  mvc bench split --repo . --cases 50 --k 2,3 --seed 7 --json bench.json
  mvc bench split --repo ../tools --cases 20 --k 2,3 --verify
`

type benchFlags struct {
	repo, k, since, until, jsonPath, config string
	cases                                   int
	seed                                    int64
	verify                                  bool
	inputs                                  config.Inputs
}

func runBench(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || isHelp(args[0]) {
		fs := newFlagSet(commands["bench"], e)
		new(benchFlags).register(fs)
		fs.Usage()
		if len(args) == 0 {
			return usagef("name what to measure: mvc bench split")
		}
		return nil
	}
	if args[0] != "split" {
		return usagef("unknown benchmark %q: the only one is 'mvc bench split'", args[0])
	}
	var f benchFlags
	fs := newFlagSet(commands["bench"], e)
	f.register(fs)
	if err := parseOnce(fs, args[1:]); err != nil {
		return err
	}
	opt, err := f.options(e)
	if err != nil {
		return err
	}
	if err := checkOutputDir("--json", f.jsonPath); err != nil {
		return err
	}
	repo, err := analyzeOpen(ctx, f.repo)
	if err != nil {
		return err
	}
	if _, err := repo.ResolveCommit(ctx, "HEAD"); err != nil {
		return usagef("--repo %s has no commits yet: the benchmark needs history", f.repo)
	}
	if opt.Policy, _, err = loadPolicy(ctx, repo, f.config, f.inputs); err != nil {
		return err
	}
	res, err := splitbench.Run(ctx, repo, f.repo, opt)
	if errors.Is(err, splitbench.ErrNoCases) {
		// The range or the repository to change: not a git failure.
		return &exitError{code: exitBadInput, err: err}
	}
	if err != nil {
		return err
	}
	if f.jsonPath != "" {
		if err := writeBenchJSON(f.jsonPath, res); err != nil {
			return err
		}
	}
	_, err = fmt.Fprint(e.stdout, report.Text(res.Doc()))
	return err
}

func (f *benchFlags) register(fs interface {
	StringVar(*string, string, string, string)
	IntVar(*int, string, int, string)
	Int64Var(*int64, string, int64, string)
	BoolVar(*bool, string, bool, string)
}) {
	fs.StringVar(&f.repo, "repo", ".", "the git repository whose history to use")
	fs.IntVar(&f.cases, "cases", 100, "number of cases `N` to draw")
	fs.StringVar(&f.k, "k", "2,3,4,5", "window sizes in commits, comma-separated; cases are spread evenly over them")
	fs.Int64Var(&f.seed, "seed", 1, "seed `S` of the case sample and the bootstrap")
	fs.StringVar(&f.since, "since", "", "only commits on or after `DATE` (YYYY-MM-DD or RFC 3339)")
	fs.StringVar(&f.until, "until", "", "only commits before `DATE` (YYYY-MM-DD or RFC 3339)")
	fs.StringVar(&f.jsonPath, "json", "", "also write every figure, per case, to `FILE` as JSON")
	fs.StringVar(&f.config, "config", "", "config `file` for the budget (default: the repository's .github/mvc.yml, if present)")
	fs.StringVar(&f.inputs.MaxLines, "max-lines", "", "budget of weighted lines `N` per part")
	fs.StringVar(&f.inputs.MaxFiles, "max-files", "", "budget of reviewable files `N` per part")
	fs.BoolVar(&f.verify, "verify", false, "also type-check every prefix of each Go stack (calibrated cases only; slow)")
	f.inputs.Flags = true
}

func (f *benchFlags) options(e *env) (splitbench.Options, error) {
	opt := splitbench.Options{Cases: f.cases, Seed: f.seed, Progress: e.stderr, Clock: e.now, Verify: f.verify}
	if f.cases < 1 {
		return opt, usagef("--cases %d: draw at least one case", f.cases)
	}
	for _, s := range strings.Split(f.k, ",") {
		k, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || k < 2 || k > 20 {
			return opt, usagef("--k %q: give window sizes from 2 to 20 commits, e.g. 2,3,4,5", f.k)
		}
		opt.K = append(opt.K, k)
	}
	var err error
	if opt.Since, err = parseDate("--since", f.since); err != nil {
		return opt, err
	}
	if opt.Until, err = parseDate("--until", f.until); err != nil {
		return opt, err
	}
	if !opt.Since.IsZero() && !opt.Until.IsZero() && !opt.Since.Before(opt.Until) {
		return opt, usagef("--since %s is not before --until %s", f.since, f.until)
	}
	return opt, nil
}

func parseDate(name, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	for _, layout := range []string{"2006-01-02", time.RFC3339} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, usagef("%s %q: use a date like 2025-01-01 or 2025-01-01T00:00:00Z", name, s)
}

func writeBenchJSON(path string, res splitbench.Result) error {
	data, err := json.MarshalIndent(res, "", "  ")
	if err != nil {
		return fmt.Errorf("encode the benchmark as JSON: %w", err)
	}
	if err := os.WriteFile(path, append(data, '\n'), 0o644); err != nil {
		return fmt.Errorf("write --json %s: %w", path, err)
	}
	return nil
}

// checkOutputDir refuses an output file in a missing directory before any
// work, not after a run that took minutes or API calls.
func checkOutputDir(flag, path string) error {
	if path == "" {
		return nil
	}
	if fi, err := os.Stat(filepath.Dir(path)); err != nil || !fi.IsDir() {
		return usagef("%s %s: the directory %s does not exist", flag, path, filepath.Dir(path))
	}
	return nil
}
