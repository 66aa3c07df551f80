package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"time"

	"github.com/mvcbot/mvc/analyzer/delivery"
	"github.com/mvcbot/mvc/source/gitrepo"
)

func init() {
	register(&command{
		name:    "report",
		summary: "delivery metrics: the five DORA metrics, their levels and what PR size costs",
		usage:   reportUsage,
		order:   30,
		run:     runReport,
	})
}

const reportUsage = `Usage: mvc report [flags]

Report DORA's five delivery metrics over a window: deployment frequency,
lead time for changes, change failure rate, failed deployment recovery time
and deployment rework rate, with their performance levels (--dora-edition)
and Quick Check scores. From a local git clone: no token, no network. With
--github owner/repo and GITHUB_TOKEN it can also read GitHub deployments,
workflow runs, releases, incident issues and hotfix or revert pull requests.

A deployment ships the non-merge commits reachable from it and from no
earlier deployment; lead time is deployment time minus each commit's author
date. The first deployment ever ships no measured lead time. The window is
(until - window-days, until]; weekly series use ISO weeks in UTC.

Deploy sources (--deploy-source), in the order auto tries them:
  deployments  GitHub deployments to --environment whose latest status is success (API)
  workflow     successful runs of --deploy-workflow on the default branch (API)
  releases     published, non-draft GitHub releases (API)
  tags         release tags (v1.2.3, pkg@1.2.3, ...) or tags matching --tag-pattern; annotated: tagger date, else commit date
  merges       first-parent merge commits on the default branch (a proxy)
auto takes the first with at least one deployment ever and says which.

A deployment failed if a later one remediated it: rolled back (shipped a
strict ancestor of its commit), reverted (shipped "This reverts commit
<sha>" or a GitHub "Revert" pull request of one of its commits), hotfixed
(shipped a pull request from --hotfix-branch, or labelled --hotfix-label),
or if an incident issue (--incident-label) names it, or, naming none, was
opened within --incident-window after it. Rollbacks and reverts are read
from git; labels and incidents need --github.

With --github, squash merges made on GitHub are measured from their pull
request's original commits, and the pull requests the window shipped are
broken down by stage (coding, pickup, review, merge wait, deploy wait) and
grouped by mvc's size buckets with their lead time and how often they were
reverted or hotfixed (--max-pr-lookups). --path measures one service
of a monorepo: every deployment counts, lead time only for commits touching
the path.

Environment: GITHUB_TOKEN (with --github), GITHUB_API_URL (default
https://api.github.com/).

Examples:
  mvc report
  mvc report --deploy-source tags --tag-pattern 'v*' --window-days 90
  mvc report --format json --until 2024-06-30T23:59:59Z
  mvc report --dora-edition 2021 --hotfix-branch fix/
  mvc report --format markdown --chart delivery.svg > delivery.md
  GITHUB_TOKEN=... mvc report --github octo/app --deploy-source deployments --environment production
  GITHUB_TOKEN=... mvc report --github octo/app --deploy-source workflow --deploy-workflow deploy.yml
`

// reportFlags are the parsed flags of `mvc report`.
type reportFlags struct {
	repo, source, tagPattern, until, format, chart string
	github, environment, workflow, branch          string
	windowDays, prLookups                          int
	excludePrereleases                             bool
	paths                                          []string
	stability                                      stabilityFlags
}

func (f *reportFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.repo, "repo", ".", "the git clone to read")
	fs.StringVar(&f.source, "deploy-source", delivery.SourceAuto, "auto, deployments, workflow, releases, tags or merges")
	fs.StringVar(&f.tagPattern, "tag-pattern", delivery.DefaultTagPattern, "glob of tags that are deployments; * does not cross a slash (default: release tags: v and a digit, and versions such as 1.2.3, pkg@1.2.3, pkg-1.2.3, mod/v1.2.3)")
	fs.IntVar(&f.windowDays, "window-days", delivery.DefaultWindowDays, "length of the window in days")
	fs.StringVar(&f.until, "until", "", "end of the window, not in the future: RFC 3339, or a date for its first instant in UTC (default now)")
	fs.StringVar(&f.format, "format", "text", "text, markdown or json")
	fs.StringVar(&f.chart, "chart", "", "also write the weekly charts to this SVG file")
	fs.StringVar(&f.github, "github", "", "owner/repo on GitHub, for the API sources (needs GITHUB_TOKEN)")
	fs.StringVar(&f.environment, "environment", "production", "deployment environment to count (deployments source)")
	fs.StringVar(&f.workflow, "deploy-workflow", "", "workflow file or name whose successful runs are deployments")
	fs.BoolVar(&f.excludePrereleases, "exclude-prereleases", false, "do not count pre-releases (releases source)")
	fs.IntVar(&f.prLookups, "max-pr-lookups", 200, "with --github, measure up to `n` squash merges from their pull request's own commits, and look up the commits, reviews and files of up to n shipped pull requests (a few requests each; 0: off)")
	fs.Func("path", "measure only commits touching `dir`, for one service of a monorepo (repeatable)", func(p string) error {
		f.paths = append(f.paths, p)
		return nil
	})
	fs.StringVar(&f.branch, "branch", "", "the default `branch`: its first-parent merges are the merges proxy (read as origin/branch when the clone has no branch of that name) and its workflow runs the workflow source's deployments (default: for merges origin/HEAD, else HEAD; for workflow, GitHub's default branch)")
	f.stability.register(fs)
}

func runReport(ctx context.Context, e *env, args []string) error {
	var f reportFlags
	c := commands["report"]
	fs := newFlagSet(c, e)
	f.register(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	opts, err := f.options(e)
	if err != nil {
		return err
	}
	repo, err := gitrepo.Open(ctx, f.repo)
	if err != nil {
		return &exitError{code: exitBadInput, err: fmt.Errorf("%w (run mvc report inside a git clone, or pass --repo DIR)", err)}
	}
	r := &deliveryRun{f: f, opts: opts, repo: repo, local: gitrepo.NewDeliveries(repo), progress: newReportProgress(e, "report"), stderr: e.stderr}
	r.local.Branch = f.branch
	if err := f.checkBranch(ctx, r.local); err != nil {
		return err
	}
	if f.github != "" {
		if r.api, err = newReportAPI(ctx, e, f.github, r.local); err != nil {
			return err
		}
		r.api.deliveries.Branch = f.branch
	}
	if r.api == nil && repo.IsShallow(ctx) {
		// Deployments and the commits they shipped before the clone's
		// cut are missing: the figures would be wrong, not just partial.
		return &exitError{code: exitBadInput, err: errors.New("this is a shallow clone, so deployments and commits before its first commit are missing: " +
			"fetch the whole history (git fetch --unshallow --tags, or fetch-depth: 0 in actions/checkout) or add --github owner/repo to read it from GitHub")}
	}
	in, err := r.measure(ctx)
	if r.api != nil {
		fmt.Fprintf(e.stderr, "mvc report: %s\n", r.api.summary())
	}
	if errors.Is(err, gitrepo.ErrUnknownBranch) {
		return f.unknownBranch()
	}
	if err != nil {
		return err
	}
	return writeReport(e, f, in)
}

// options checks every flag value up front, so a mistake costs nothing.
func (f *reportFlags) options(e *env) (delivery.Options, error) {
	if err := delivery.ValidSource(f.source); err != nil {
		return delivery.Options{}, usagef("--deploy-source: %v", err)
	}
	if needsDeliveryAPI(f.source) && f.github == "" {
		return delivery.Options{}, usagef("--deploy-source %s reads the GitHub API: add --github owner/repo and set GITHUB_TOKEN", f.source)
	}
	if f.source == delivery.SourceWorkflow && f.workflow == "" {
		return delivery.Options{}, usagef("--deploy-source workflow needs --deploy-workflow (a file such as deploy.yml, or the workflow's name)")
	}
	if err := checkOutputDir("--chart", f.chart); err != nil {
		return delivery.Options{}, err
	}
	if err := delivery.ValidatePattern(f.tagPattern); err != nil {
		return delivery.Options{}, usagef("--tag-pattern: %v", err)
	}
	if f.format != "text" && f.format != "markdown" && f.format != "json" {
		return delivery.Options{}, usagef("--format %q: use text, markdown or json", f.format)
	}
	now := e.now()
	until := now
	if f.until != "" {
		t, err := parseDate("--until", f.until)
		if err != nil {
			return delivery.Options{}, err
		}
		// A window that has not happened yet, whole or in part, would be
		// rated as if it had: its days without deployments still to come
		// would count as days without deployments.
		if t.After(now) {
			return delivery.Options{}, usagef("--until %s is in the future (it is %s now): a window is rated once it has happened; leave --until out for one ending now",
				f.until, now.UTC().Format(time.RFC3339))
		}
		until = t
	}
	if f.prLookups < 0 {
		return delivery.Options{}, usagef("--max-pr-lookups %d: give a number of pull requests, or 0 for none", f.prLookups)
	}
	opts := delivery.Options{Until: until, WindowDays: f.windowDays, Environment: f.environment}
	if err := opts.Validate(); err != nil {
		return delivery.Options{}, usagef("--window-days: %v", err)
	}
	if err := f.stability.apply(&opts); err != nil {
		return delivery.Options{}, err
	}
	return opts, nil
}

// checkBranch refuses a --branch the clone does not have, before any
// work, when only the clone reads it: the merges proxy, named or reached
// by auto without --github. With --github it may name a branch only
// GitHub has, for the workflow source; the merges proxy still refuses it
// if auto comes to that.
func (f *reportFlags) checkBranch(ctx context.Context, local *gitrepo.Deliveries) error {
	if f.branch == "" || !(f.source == delivery.SourceMerges || f.source == delivery.SourceAuto && f.github == "") {
		return nil
	}
	if err := local.CheckBranch(ctx); errors.Is(err, gitrepo.ErrUnknownBranch) {
		return f.unknownBranch()
	}
	return nil
}

func (f *reportFlags) unknownBranch() error {
	return usagef("--branch %s: no such branch or commit in the clone, nor origin/%s: name the default branch, such as main", f.branch, f.branch)
}

func needsDeliveryAPI(source string) bool {
	return source == delivery.SourceDeployments || source == delivery.SourceWorkflow || source == delivery.SourceReleases
}
