package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/mvcbot/mvc/analyzer/size"
	"github.com/mvcbot/mvc/config"
	"github.com/mvcbot/mvc/report"
	"github.com/mvcbot/mvc/source/gitrepo"
)

func init() {
	register(&command{
		name:    "analyze",
		summary: "measure a local change's reviewable size (no token, no network)",
		usage:   analyzeUsage,
		order:   10,
		run:     runAnalyze,
	})
}

const analyzeUsage = `Usage: mvc analyze [flags]

Measure the reviewable size of a local change, base..head, the way the
Action measures a pull request: every changed file gets one class (code,
test, docs, generated, lockfile, vendored, binary, rename, ignored), code,
tests and docs are weighted into "weighted lines", and the change is judged
against the budget (400 weighted lines and 40 reviewable files by default).
Reads only the local git repository: no token, no network.

The base is --base if given, else the merge base of --head with the default
branch (origin/HEAD, else main, origin/main, master, origin/master); when
that is --head itself (you are on the default branch), its first parent; for
a root commit, the empty tree. stderr says which base was chosen. A shallow
clone without the base is an error: fetch more history (git fetch
--unshallow) or pass --base.

Settings come from the working tree's .github/mvc.yml (or --config), then
the flags below; .gitattributes (linguist-generated, linguist-vendored,
binary, -diff) are read at the base commit, never from the working tree.

Exit codes: 0 measured (whatever the verdict, unless --fail-on too-large);
1 too large with --fail-on too-large; 2 bad flags, refs or config, or a
shallow clone without the base; 3 a git failure.

Examples:
  mvc analyze                                  # the current branch against main
  mvc analyze --base HEAD~3                    # the last three commits
  mvc analyze --repo ../app --base v1.2.0 --head v1.3.0
  mvc analyze --format json > mvc-report.json  # the Action's report file
  mvc analyze --format markdown --max-lines 250 --ignore 'fixtures/'
  mvc analyze --fail-on too-large              # exit 1 when too large, e.g. in a pre-push hook
`

// analyzeFlags are the parsed flags of `mvc analyze`.
type analyzeFlags struct {
	repo, base, head, format, failOn, config string
	// inputs carries --max-lines, --max-files and --ignore to config, which
	// layers them over the config file exactly as it does Action inputs.
	inputs config.Inputs
}

func (f *analyzeFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.repo, "repo", ".", "the git repository (any directory inside it)")
	fs.StringVar(&f.base, "base", "", "`ref` the change starts from (default: merge base with the default branch)")
	fs.StringVar(&f.head, "head", "HEAD", "`ref` the change ends at")
	fs.StringVar(&f.format, "format", "text", "output: text, markdown or json")
	fs.StringVar(&f.failOn, "fail-on", string(config.FailNever), "exit 1 on this verdict: never or too-large")
	fs.StringVar(&f.config, "config", "", "config `file` (default: .github/mvc.yml in the repository's working tree, if present)")
	fs.StringVar(&f.inputs.MaxLines, "max-lines", "", "budget of weighted lines `N` (default 400, or budget.lines in the config)")
	fs.StringVar(&f.inputs.MaxFiles, "max-files", "", "budget of reviewable files `N` (default 40, or budget.files in the config)")
	fs.Func("ignore", "extra ignore `pattern` (gitignore syntax, from the repository root); repeatable", func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New("must not be empty") // as ignore: [""] in the config
		}
		f.inputs.Ignore += s + "\n"
		return nil
	})
	f.inputs.Flags = true
}

func (f *analyzeFlags) check() error {
	switch f.format {
	case "text", "markdown", "json":
	default:
		return usagef("--format %q: use text, markdown or json", f.format)
	}
	switch config.FailOn(f.failOn) {
	case config.FailNever, config.FailTooLarge:
	default:
		return usagef("--fail-on %q: use never or too-large", f.failOn)
	}
	if strings.TrimSpace(f.head) == "" {
		return usagef("--head is empty: name a commit, e.g. HEAD")
	}
	return nil
}

func runAnalyze(ctx context.Context, e *env, args []string) error {
	var f analyzeFlags
	fs := newFlagSet(commands["analyze"], e)
	f.register(fs)
	if err := parseOnce(fs, args); err != nil {
		return err
	}
	if err := f.check(); err != nil {
		return err
	}
	repo, err := analyzeOpen(ctx, f.repo)
	if err != nil {
		return err
	}
	policy, policySource, err := loadPolicy(ctx, repo, f.config, f.inputs)
	if err != nil {
		return err
	}
	result, base, err := analyzeRange(ctx, repo, f.base, f.head, policy)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "mvc analyze: base %s: %s; head %s: %s; settings: %s\n",
		shortSHA(base.SHA), base.How, shortSHA(result.Head), f.head, policySource)
	if err := writeAnalysis(e.stdout, f.format, result); err != nil {
		return err
	}
	if f.failOn == string(config.FailTooLarge) && result.Verdict == size.VerdictTooLarge {
		return &exitError{code: exitTooLarge, err: fmt.Errorf("too large: %s", strings.Join(result.OverBudget, "; "))}
	}
	return nil
}

// parseOnce parses flags so that a mistake gives only parseFlags' one-line
// error and --help prints the help once: the flag package itself calls
// Usage both on a mistake and on -help, before parseFlags does.
func parseOnce(fs *flag.FlagSet, args []string) error {
	help := fs.Usage
	fs.Usage = func() {}
	err := parseFlags(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		help()
	}
	return err
}

// analyzeOpen opens the repository; a directory that is not one is a
// mistake in the flags, not a failure of git, and so are a file and a path
// that does not exist, each said as it is.
func analyzeOpen(ctx context.Context, dir string) (*gitrepo.Repo, error) {
	switch info, err := os.Stat(dir); {
	case errors.Is(err, fs.ErrNotExist):
		return nil, usagef("--repo %s does not exist", dir)
	case err == nil && !info.IsDir():
		return nil, usagef("--repo %s is a file: name a directory inside the repository", dir)
	}
	repo, err := gitrepo.Open(ctx, dir)
	var gitErr *gitrepo.Error
	if errors.As(err, &gitErr) {
		return nil, usagef("--repo %s is not inside a git repository", dir)
	}
	return repo, err
}

// loadPolicy is the one place the CLI's settings are decided: the config
// file (--config, else the working tree's .github/mvc.yml when present,
// else the built-in defaults) with the budget and ignore flags layered on
// top. It returns the policy and a description of where it came from.
func loadPolicy(ctx context.Context, repo *gitrepo.Repo, path string, in config.Inputs) (size.Policy, string, error) {
	file, err := loadConfigFile(ctx, repo, path)
	if err != nil {
		return size.Policy{}, "", err
	}
	cfg, err := config.Resolve(file, in)
	if err != nil {
		return size.Policy{}, "", usagef("%v", err)
	}
	if err := cfg.Size.Validate(); err != nil {
		return size.Policy{}, "", usagef("%s: %v", cfg.Source, strings.ReplaceAll(err.Error(), "\n", "; "))
	}
	return cfg.Size, cfg.Source, nil
}

// loadConfigFile reads --config, which must exist, or the working tree's
// .github/mvc.yml, which may not (nil: the built-in defaults). A bare
// repository has no working tree, hence no config file.
func loadConfigFile(ctx context.Context, repo *gitrepo.Repo, path string) (*config.File, error) {
	explicit, name := path != "", path
	if !explicit {
		top, err := repo.GitString(ctx, "rev-parse", "--show-toplevel")
		if err != nil || top == "" {
			return nil, nil
		}
		// Named from the repository root, as the Action and the README
		// name it, not by where this clone happens to be.
		path, name = filepath.Join(top, filepath.FromSlash(config.DefaultPath)), config.DefaultPath
	}
	file, err := config.LoadFileAs(path, name)
	switch {
	case errors.Is(err, config.ErrNotFound) && !explicit:
		return nil, nil
	case err != nil:
		return nil, usagef("%v", err)
	}
	file.Source = name + " (working tree)"
	return file, nil
}

// analyzeRange picks the base, reads the change and measures it. Refs that
// do not resolve and shallow clones are the user's to fix (exit 2); a git
// failure on a valid range is a runtime failure (exit 3).
func analyzeRange(ctx context.Context, repo *gitrepo.Repo, baseRef, headRef string, p size.Policy) (size.Result, gitrepo.Base, error) {
	headSHA, base, err := resolveRange(ctx, repo, baseRef, headRef)
	if err != nil {
		return size.Result{}, base, err
	}
	change, err := repo.Change(ctx, base.SHA, headSHA)
	if err != nil {
		return size.Result{}, base, err
	}
	return size.Measure(change, p), base, nil
}

func writeAnalysis(w io.Writer, format string, r size.Result) error {
	return writeFormatted(w, format, r, func() report.Doc { return report.SizeDoc(r) })
}

func shortSHA(sha string) string {
	if len(sha) > 12 {
		return sha[:12]
	}
	return sha
}
