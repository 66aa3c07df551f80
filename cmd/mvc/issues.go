package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/mvcbot/mvc/analyzer/issues"
	"github.com/mvcbot/mvc/config"
	"github.com/mvcbot/mvc/report"
	"github.com/mvcbot/mvc/source/github"
	"github.com/mvcbot/mvc/source/gitrepo"
)

func init() {
	register(&command{
		name:    "issues",
		summary: "read an issue graph: issues too big for one MVC, cycles, the critical path",
		usage:   issuesUsage,
		order:   40,
		run:     runIssues,
	})
}

const issuesUsage = `Usage: mvc issues [flags]

Read a repository's issue graph (issues and pull requests; sub-issues,
task lists, "blocked by" dependencies and closing references) and report:

  - open issues too big to ship as one Minimum Viable Change (more than
    --max-tasks open pieces of work: unchecked tasks and open sub-issues),
    each with a proposed breakdown into smaller issues, in order;
  - dependency cycles: issues that wait on each other, so none can finish;
  - the critical path: the longest chain of open issues that must ship
    one after another, flagged when longer than --max-chain;
  - open issues still marked blocked by closed ones.

Issues come from the GitHub API (--github owner/repo, or the repository's
origin remote on github.com, with GITHUB_TOKEN; GITHUB_API_URL for GitHub
Enterprise), or with no token from files exported by the GitHub CLI:

  gh issue list --state all --limit 1000 --json number,title,body,state,labels,createdAt,closedAt > issues.json
  gh pr list --state all --limit 1000 --json number,title,body,state,createdAt,closedAt,url,mergedAt,isDraft,headRefName > prs.json

Exports do not carry sub-issues or blocked-by fields (the API does); their
task lists and "blocked by #n" lines are read either way.

JSON output (--format json): {"source", "root", "notes", "policy":
{"max_open_tasks", "max_chain"}, "findings": {"summary", "too_big":
[{"number", "title", "reasons", "breakdown": [{"title", "tasks", "issue",
"depends_on"}]}], "cycles", "critical_path", "chain_too_long",
"stale_blockers"}}.

Exit codes: 0 reported; 2 bad flags, files or token; 3 an API failure.

Examples:
  mvc issues --from issues.json --from prs.json   # no token, no network
  mvc issues                                      # this clone's GitHub repository (GITHUB_TOKEN)
  mvc issues --github octo/app --state all        # closed issues too
  mvc issues --github octo/app --issue 42         # one issue and what hangs below it
  mvc issues --from issues.json --issue 42        # the same from an export
  mvc issues --format markdown > issues.md
`

type issuesFlags struct {
	repo, github, state, format string
	config                      string
	from                        fileList
	issue, maxIssues            int
	maxTasks, maxChain          int
}

func (f *issuesFlags) register(fs *flag.FlagSet) {
	def := issues.DefaultPolicy()
	fs.StringVar(&f.repo, "repo", ".", "the clone whose origin remote names the GitHub repository, and whose .github/mvc.yml sets the thresholds")
	fs.StringVar(&f.config, "config", "", "config `file` (default: .github/mvc.yml in the clone's working tree, if present)")
	fs.StringVar(&f.github, "github", "", "read `owner/repo` from the GitHub API (needs GITHUB_TOKEN)")
	fs.Var(&f.from, "from", "read issues from a JSON `file` exported by gh issue list --json (repeatable)")
	fs.StringVar(&f.state, "state", "open", "with the API: open, closed or all issues")
	fs.IntVar(&f.issue, "issue", 0, "only issue `N`, its sub-issues and task-list issues (recursively) and what blocks them")
	fs.IntVar(&f.maxIssues, "max-issues", github.DefaultMaxIssues, "with the API: read at most `N` issues and pull requests")
	fs.IntVar(&f.maxTasks, "max-tasks", def.MaxOpenTasks, "an open issue with more than `N` open pieces of work is too big for one MVC (or issues.max-tasks in the config)")
	fs.IntVar(&f.maxChain, "max-chain", def.MaxChain, "flag a critical path longer than `N` issues (or issues.max-chain in the config)")
	fs.StringVar(&f.format, "format", "text", "output: text, markdown or json")
}

func (f *issuesFlags) validate() error {
	switch {
	case f.format != "text" && f.format != "markdown" && f.format != "json":
		return usagef("--format %q: use text, markdown or json", f.format)
	case f.state != "open" && f.state != "closed" && f.state != "all":
		return usagef("--state %q: use open, closed or all", f.state)
	case f.maxTasks < 1:
		return usagef("--max-tasks %d: use 1 or more", f.maxTasks)
	case f.maxChain < 1:
		return usagef("--max-chain %d: use 1 or more", f.maxChain)
	case f.maxIssues < 1:
		return usagef("--max-issues %d: use 1 or more", f.maxIssues)
	case f.issue < 0:
		return usagef("--issue %d: use an issue number", f.issue)
	case len(f.from) > 0 && f.github != "":
		return usagef("use --from or --github, not both")
	}
	return nil
}

// issuesOutput is the JSON report.
type issuesOutput struct {
	Source   string          `json:"source"`
	Root     int             `json:"root,omitempty"`
	Notes    []string        `json:"notes"`
	Policy   issuesPolicy    `json:"policy"`
	Findings issues.Findings `json:"findings"`
}

type issuesPolicy struct {
	MaxOpenTasks int `json:"max_open_tasks"`
	MaxChain     int `json:"max_chain"`
}

func runIssues(ctx context.Context, e *env, args []string) error {
	var f issuesFlags
	fs := newFlagSet(commands["issues"], e)
	f.register(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := f.validate(); err != nil {
		return err
	}
	policy, err := f.policy(ctx, fs)
	if err != nil {
		return err
	}
	set, err := f.read(ctx, e)
	if err != nil {
		return err
	}
	findings := issues.Analyze(issues.BuildIn(set.repo, set.list), policy)
	out := issuesOutput{Source: set.source, Root: f.issue, Notes: set.notes, Policy: issuesPolicy{policy.MaxOpenTasks, policy.MaxChain}, Findings: findings}
	emptyNotNull(&out)
	return writeFormatted(e.stdout, f.format, out, func() report.Doc {
		return report.IssuesDoc(findings, report.IssuesMeta{Source: set.source, Root: f.issue, Notes: set.notes, Policy: policy})
	})
}

// read takes the issues from the files, the named repository, or the
// clone's GitHub remote, in that order.
func (f *issuesFlags) read(ctx context.Context, e *env) (issueSet, error) {
	if len(f.from) > 0 {
		set, err := readIssueFiles(f.from)
		if err != nil {
			return set, err
		}
		// An export does not say its repository; the clone's origin, when
		// on github.com, tells an issue URL of this repository from another's.
		set.repo = originRepo(ctx, f.repo)
		if f.issue == 0 {
			return set, nil
		}
		if set.list = issues.TreeIn(set.repo, set.list, f.issue); set.list == nil {
			return issueSet{}, usagef("--issue %d: no such issue in %s", f.issue, set.source)
		}
		return set, nil
	}
	full := f.github
	if full == "" {
		if full = originRepo(ctx, f.repo); full == "" {
			return issueSet{}, usagef("no issues to read: pass --from FILE (exported with gh issue list --json), or --github owner/repo, or run it in a clone whose origin is on github.com")
		}
	}
	set, client, err := readIssuesAPI(ctx, e, full, *f)
	if err != nil {
		return issueSet{}, err
	}
	s := client.Stats()
	fmt.Fprintf(e.stderr, "mvc issues: read %s of %s in %s\n", count(len(set.list), "issue or pull request", "issues and pull requests"), full,
		count(s.Reads+s.Writes, "GitHub API request", "GitHub API requests"))
	return set, nil
}

// emptyNotNull gives JSON readers [] rather than null for empty lists.
func emptyNotNull(o *issuesOutput) {
	f := &o.Findings
	if o.Notes == nil {
		o.Notes = []string{}
	}
	if f.TooBig == nil {
		f.TooBig = []issues.TooBig{}
	}
	if f.Cycles == nil {
		f.Cycles = [][]int{}
	}
	if f.Loops == nil {
		f.Loops = []issues.Loop{}
	}
	if f.CriticalPath == nil {
		f.CriticalPath = []int{}
	}
	if f.Stale == nil {
		f.Stale = []issues.Stale{}
	}
	if f.Summary.Missing == nil {
		f.Summary.Missing = []int{}
	}
}

// policy is the thresholds: the config file's issues section (--config,
// else the clone's .github/mvc.yml when present), with the flags given on
// top.
func (f *issuesFlags) policy(ctx context.Context, fs *flag.FlagSet) (issues.Policy, error) {
	p := issues.DefaultPolicy()
	if repo, err := gitrepo.Open(ctx, f.repo); err == nil || f.config != "" {
		file, err := loadConfigFile(ctx, repo, f.config)
		if err != nil {
			return p, err
		}
		cfg, err := config.Resolve(file, config.Inputs{})
		if err != nil {
			return p, usagef("%v", err)
		}
		p = cfg.Issues
	}
	fs.Visit(func(fl *flag.Flag) {
		switch fl.Name {
		case "max-tasks":
			p.MaxOpenTasks = f.maxTasks
		case "max-chain":
			p.MaxChain = f.maxChain
		}
	})
	return p, nil
}
