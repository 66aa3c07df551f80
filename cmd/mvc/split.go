package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/mvcbot/mvc/analyzer/size"
	"github.com/mvcbot/mvc/analyzer/split"
	"github.com/mvcbot/mvc/config"
	"github.com/mvcbot/mvc/report"
	"github.com/mvcbot/mvc/source/gitrepo"
)

func init() {
	register(&command{
		name:    "split",
		summary: "propose how to cut a local change into a stack of small parts",
		usage:   splitUsage,
		order:   20,
		run:     runSplit,
	})
}

const splitUsage = `Usage: mvc split [flags]

Propose how to cut a local change, base..head, into a stack of parts that
each fit the budget (400 weighted lines and 40 reviewable files by
default), to review and merge bottom first. Every changed line lands in
exactly one part, and the parts applied in order give the head exactly.

Hunks are cut at declaration boundaries (Go, TypeScript/JavaScript, Python,
Ruby, Vue/Svelte/Astro components, Rust, Java, Kotlin, C#, Swift, Scala,
Dart, C, C++ and PHP); pieces are linked by shared declarations, names they
mention, directories, tests and the code they test, lockfiles and
manifests, generated files and their sources, co-change in the base's
history and CODEOWNERS; formatting-only edits, moves and sweeps are kept
apart. Parts are ordered dependencies first, then mechanical edits, then
what others use, then its users, then docs, then a version bump. Reads only
the local repository: no token, no network.

The base and head are chosen as by 'mvc analyze'; settings come from the
working tree's .github/mvc.yml (or --config), then the flags.

--verify (Go) resolves the change's identifiers with go/types at the base
and the head and links the pieces that use each other, then applies each
prefix of the stack to the base in a temporary worktree and type-checks the
touched packages with their tests. Where a prefix fails, the later hunk it
needs (the definition of a missing name, or the line the error is on)
moves into it, or else the next part merges into it, and it is checked
again. Prints what it found and how long it took on stderr.

--apply creates the stack as local branches mvc/split/01-<slug>, 02-...,
each one commit on the previous, the first on the base (with no parent when
the change starts at the repository's first commit), without touching the
working tree, the index or the current branch; the last has exactly the
head's tree. It refuses when the working tree has uncommitted changes (the
stack would leave them out) or a branch exists, unless --force, which also
deletes the branches mvc/split/NN-... of an earlier stack that this one
does not recreate (the current branch excepted). It refuses too when git
has no identity to write the commits with (user.name and user.email). Then
it prints how to push them and open stacked pull requests (gh, Graphite,
git-branchless), the bottom one into the trunk: the --base branch (for a
tag or a commit, a branch that holds it), or without --base the default
branch the base was taken from (origin/HEAD as the branch it points to,
main or master) or another branch that holds the base; TRUNK, to replace,
when none is known.

JSON output (--format json): {"base", "head", "budget": {"lines",
"files"}, "fewest_parts", "parts": [{"index", "title", "rationale", "kind",
"files": [{"path", "old_path", "status", "binary", "hunks": [{"old_start",
"old_lines", "new_start", "new_lines"}]}], "weighted_lines",
"changed_lines", "reviewable_files", "over_budget", "depends_on", "builds",
"independent"}]}. Hunk coordinates refer to the whole diff (git diff -U0
--no-renames); a part may hold hunks finer than git's. "fewest_parts" is
how many parts --fewest-parts would leave. "builds" is true or false with
--verify (parts 1..n type-check), "independent" whether the part alone on
the base type-checks (so it could be its own pull request); both are null
without --verify or when the change touches no Go package.

Exit codes: 0 proposed (an empty change: nothing to split or apply); 2 bad
flags, refs or config, or --apply refused (uncommitted changes, existing
branches, no git identity); 3 a git or go failure.

Examples:
  mvc split                                   # the current branch against main
  mvc split --base HEAD~5 --format markdown   # the last five commits, as Markdown
  mvc split --format json > split.json        # for other tools
  mvc split --max-lines 250 --max-files 20    # a tighter budget
  mvc split --verify                          # every part type-checks on the ones below (Go)
  mvc split --verify --apply                  # and create the branches mvc/split/01-...
  mvc split --fewest-parts                    # as few pull requests as the budget allows
`

type splitFlags struct {
	repo, base, head, format, config string
	inputs                           config.Inputs
	verify, apply, force, fewest     bool
}

func (f *splitFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.repo, "repo", ".", "the git repository (any directory inside it)")
	fs.StringVar(&f.base, "base", "", "`ref` the change starts from (default: merge base with the default branch)")
	fs.StringVar(&f.head, "head", "HEAD", "`ref` the change ends at")
	fs.StringVar(&f.format, "format", "text", "output: text, markdown or json")
	fs.StringVar(&f.config, "config", "", "config `file` (default: .github/mvc.yml in the repository's working tree, if present)")
	fs.StringVar(&f.inputs.MaxLines, "max-lines", "", "budget of weighted lines `N` per part (default 400, or budget.lines in the config)")
	fs.StringVar(&f.inputs.MaxFiles, "max-files", "", "budget of reviewable files `N` per part (default 40, or budget.files in the config)")
	fs.BoolVar(&f.fewest, "fewest-parts", false, "merge neighbouring parts into the fewest, most even parts that fit the budget")
	fs.BoolVar(&f.verify, "verify", false, "type-check every prefix of the stack with the Go toolchain and repair the plan where one fails")
	fs.BoolVar(&f.apply, "apply", false, "create the stack as local branches mvc/split/NN-<slug>, then print how to publish it")
	fs.BoolVar(&f.force, "force", false, "with --apply: overwrite existing branches and ignore uncommitted changes")
	f.inputs.Flags = true
}

func runSplit(ctx context.Context, e *env, args []string) error {
	var f splitFlags
	fs := newFlagSet(commands["split"], e)
	f.register(fs)
	if err := parseOnce(fs, args); err != nil {
		return err
	}
	switch f.format {
	case "text", "markdown", "json":
	default:
		return usagef("--format %q: use text, markdown or json", f.format)
	}
	if f.force && !f.apply {
		return usagef("--force only goes with --apply")
	}
	repo, err := analyzeOpen(ctx, f.repo)
	if err != nil {
		return err
	}
	policy, source, err := loadPolicy(ctx, repo, f.config, f.inputs)
	if err != nil {
		return err
	}
	in, plan, base, err := splitRange(ctx, repo, f.base, f.head, policy)
	if err != nil {
		return err
	}
	if f.fewest {
		plan = split.Consolidate(plan)
	}
	if f.verify {
		if plan, err = verifySplit(ctx, e, repo, in, f.fewest); err != nil {
			return err
		}
	}
	parts := "parts"
	if len(plan.Parts) == 1 {
		parts = "part"
	}
	fmt.Fprintf(e.stderr, "mvc split: base %s: %s; head %s: %s; settings: %s; %d %s\n",
		shortSHA(base.SHA), base.How, shortSHA(plan.Head), f.head, source, len(plan.Parts), parts)
	trunk := trunkOf(ctx, repo, f.base, base)
	if err := writeSplit(e.stdout, f.format, plan, trunk); err != nil || !f.apply {
		return err
	}
	out := e.stdout
	if f.format == "json" {
		out = e.stderr // stdout holds the JSON document alone
	}
	return applySplit(ctx, e, out, repo, in, plan, stackTrunk(e, f.base, trunk), f.force, f.format == "markdown")
}

// splitRange picks the base as `mvc analyze` does, reads the change with
// every line and proposes the split.
func splitRange(ctx context.Context, repo *gitrepo.Repo, baseRef, headRef string, p size.Policy) (split.Input, split.Plan, gitrepo.Base, error) {
	var in split.Input
	headSHA, base, err := resolveRange(ctx, repo, baseRef, headRef)
	if err != nil {
		return in, split.Plan{}, base, err
	}
	if in, err = repo.SplitInput(ctx, base.SHA, headSHA); err != nil {
		return in, split.Plan{}, base, err
	}
	in.Policy = p
	plan, err := split.Split(in)
	return in, plan, base, err
}

// writeSplit writes the proposal; its Graphite commands start from trunk
// when it is known.
func writeSplit(w io.Writer, format string, p split.Plan, trunk string) error {
	return writeFormatted(w, format, p, func() report.Doc { return report.SplitDocFor(p, report.SplitOptions{Trunk: trunk}) })
}
