package report

import (
	"fmt"
	"path"
	"strings"

	"github.com/mvcbot/mvc/analyzer"
	"github.com/mvcbot/mvc/analyzer/split"
)

// stackCommands shows how to build the stack: with mvc split --apply, by
// hand with git (one branch per part, each started from the previous one;
// files shared between parts taken hunk by hunk with git checkout -p, the
// lines to take named in a comment), and how Graphite and git-branchless
// take it from there. byHand leaves the git steps in or out,
// which name every file: a compact comment leaves them to mvc split.
func stackCommands(p split.Plan, byHand bool, o SplitOptions) Doc {
	var d Doc
	if o.FromPatches {
		// --apply cuts its own proposal from the clone: these branch names
		// are this one's.
		text := "From a clone of this change with a clean working tree, `mvc split --apply` builds the proposal `mvc split` makes there " +
			"(from history and imports too, so it may differ from this one): stacked branches it names itself, and how to push them and open the pull requests."
		if !byHand {
			// No steps for this proposal's branches: nothing creates them.
			d.Add(Paragraph{Text: text})
			return d
		}
		d.Add(Paragraph{Text: text + " The steps below build this comment's proposal instead."})
	} else {
		d.Add(Paragraph{Text: "In one step, from a clone of this change with a clean working tree: `mvc split --apply` creates these branches, " +
			"each on the previous one, without touching the working tree, and prints how to push them and open the stacked pull requests " +
			"(`gh`, Graphite, git-branchless); `mvc split --verify --apply` first type-checks every part on the ones below it (Go) " +
			"and repairs the stack where one does not build."})
	}
	if byHand {
		d.Add(Paragraph{Text: "Or by hand with git (`" + sizeShortSHA(p.Head) + "` is this change's head):"})
		d.Add(Code{Lang: "sh", Text: gitSteps(p)})
	}
	var track strings.Builder
	parent, unknown := shellQuote(o.Trunk), ""
	if o.Trunk == "" {
		parent, unknown = "main", " (use your trunk if it is not `main`)"
	}
	for _, part := range p.Parts {
		fmt.Fprintf(&track, "gt track %s --parent %s\n", branchName(part), parent)
		parent = branchName(part)
	}
	d.Add(Paragraph{Text: "With Graphite, track the branches bottom first" + unknown + " and submit the stack:"})
	d.Add(Code{Lang: "sh", Text: track.String() + "gt submit --stack\n"})
	d.Add(Paragraph{Text: "With git-branchless, the branches are already a stack: `git sl` shows it, `git submit --create` pushes every branch."})
	return d
}

// gitSteps creates each part's branch on the previous one, stages the
// part's share of the head and commits it.
func gitSteps(p split.Plan) string {
	var b strings.Builder
	shared := sharedFiles(p)
	present := presentPerDir(p)
	removals := planRemovals(p, shared)
	start := p.Base
	for i, part := range p.Parts {
		fmt.Fprintf(&b, "# %d. %s\n", part.Index, part.Title)
		if i == 0 && isEmptyTree(p.Base) {
			// The change starts at the repository's first commit: a branch
			// cannot start at a tree, so the first starts with no commit
			// (git switch --orphan empties the index and the tracked files).
			fmt.Fprintf(&b, "git switch --orphan %s\n", branchName(part))
		} else {
			fmt.Fprintf(&b, "git switch -c %s%s\n", branchName(part), strings.TrimRight(" "+start, " "))
		}
		commit := "git commit -qm"
		if !stageCommands(&b, p.Head, part, removals[i], shared, present) {
			// Its removals went to an earlier part (see there).
			commit = "git commit -q --allow-empty -m"
		}
		fmt.Fprintf(&b, "%s %s\n", commit, shellQuote(part.Title))
		start = ""
	}
	return b.String()
}

// isEmptyTree reports whether a base is git's empty tree (SHA-1 or
// SHA-256), which the change of a root commit is measured from.
func isEmptyTree(sha string) bool {
	return sha == "4b825dc642cb6eb9a060e54bf8d69288fbee4904" || sha == "6ef19b41225c5369f1c104d45d8d85efa9b057b53b14b4b9b939dd74decc5321"
}

// literalGit runs git with every path taken as a name, not a pattern:
// git rm -- 'x[1].txt' would otherwise also remove an unchanged x1.txt.
const literalGit = "git --literal-pathspecs"

// stageCommands writes the commands that stage one part's files, the
// removals first: a path that turns from a directory into a file (or back)
// must be gone before the new one is checked out. It reports whether the
// part stages anything.
func stageCommands(b *strings.Builder, head string, part split.Part, rm removals, shared map[string]bool, present map[string]int) bool {
	if len(rm.paths) > 0 {
		if len(rm.note) > 0 {
			fmt.Fprintf(b, "# %s\n", strings.Join(rm.note, "; "))
		}
		quoted := make([]string, len(rm.paths))
		for i, p := range rm.paths {
			quoted[i] = shellQuote(p)
		}
		fmt.Fprintf(b, "%s rm -q -- %s\n", literalGit, strings.Join(quoted, " "))
	}
	var whole []string
	patched := false
	for _, f := range part.Files {
		switch {
		case f.Status == analyzer.Removed && !shared[f.Path]:
		case shared[f.Path]:
			patched = true
			fmt.Fprintf(b, "%s checkout -p %s -- %s   # take %s\n", literalGit, sizeShortSHA(head), shellQuote(f.Path), hunkRanges(f))
		default:
			whole = append(whole, f.Path)
		}
	}
	if len(whole) > 0 {
		paths := collapseDirs(whole, present)
		for i, p := range paths {
			paths[i] = shellQuote(p)
		}
		fmt.Fprintf(b, "%s checkout %s -- %s\n", literalGit, sizeShortSHA(head), strings.Join(paths, " "))
	}
	return len(rm.paths) > 0 || patched || len(whole) > 0
}

// presentPerDir counts, per directory, the changed files the head has
// under it (at any depth).
func presentPerDir(p split.Plan) map[string]int {
	seen := map[string]bool{}
	count := map[string]int{}
	for _, part := range p.Parts {
		for _, f := range part.Files {
			if f.Status == analyzer.Removed || seen[f.Path] {
				continue
			}
			seen[f.Path] = true
			for d := path.Dir(f.Path); d != "."; d = path.Dir(d) {
				count[d]++
			}
		}
	}
	return count
}

// collapseDirs names a part's whole files by the highest directories all
// of whose changed files the head has are among them: checking out such
// a directory takes exactly those (its unchanged files are already there,
// and files it deletes are git rm'd by their own part). A vendored drop of
// thousands of files is then one path, not a line of hundreds of
// kilobytes.
func collapseDirs(files []string, present map[string]int) []string {
	mine := map[string]int{}
	for _, f := range files {
		for d := path.Dir(f); d != "."; d = path.Dir(d) {
			mine[d]++
		}
	}
	var out []string
	taken := map[string]bool{}
	for _, f := range files {
		use := f
		for d := path.Dir(f); d != "."; d = path.Dir(d) {
			if mine[d] >= 2 && mine[d] == present[d] {
				use = d
			}
		}
		if !taken[use] {
			taken[use] = true
			out = append(out, use)
		}
	}
	return out
}

// sharedFiles are the files whose hunks more than one part takes.
func sharedFiles(p split.Plan) map[string]bool {
	seen, shared := map[string]bool{}, map[string]bool{}
	for _, part := range p.Parts {
		for _, f := range part.Files {
			if seen[f.Path] {
				shared[f.Path] = true
			}
			seen[f.Path] = true
		}
	}
	return shared
}

// hunkRanges names a part's hunks of a file by their head lines (or base
// lines for pure deletions), as git checkout -p shows them.
func hunkRanges(f split.PartFile) string {
	var r []string
	for _, h := range f.Hunks {
		switch {
		case h.NewLines > 0:
			r = append(r, fmt.Sprintf("+%d,%d", h.NewStart, h.NewLines))
		default:
			r = append(r, fmt.Sprintf("-%d,%d", h.OldStart, h.OldLines))
		}
	}
	return "the hunks at " + strings.Join(r, " ")
}

// shellQuote quotes a word for a POSIX shell when it needs it.
func shellQuote(s string) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r == '/' || r == '.' || r == '_' || r == '-' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
