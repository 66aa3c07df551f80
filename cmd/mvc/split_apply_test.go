package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mvcbot/mvc/internal/gittest"
)

func TestSplitApplyCreatesTheStack(t *testing.T) {
	g, base := twoTopicsRepo(t)
	head := g.Git("rev-parse", "HEAD")
	res := runMVC(t, g.Dir, nil, "split", "--base", base, "--max-lines", "150", "--apply")
	if res.code != 0 {
		t.Fatalf("mvc split --apply: exit %d\n%s", res.code, res.stderr)
	}
	branches := strings.Fields(g.Git("for-each-ref", "--format=%(refname:short)", "refs/heads/mvc/split/"))
	if len(branches) < 2 {
		t.Fatalf("branches %v, want a stack of at least 2", branches)
	}
	top := branches[len(branches)-1]
	if got, want := g.Git("rev-parse", top+"^{tree}"), g.Git("rev-parse", "HEAD^{tree}"); got != want {
		t.Errorf("top branch %s has tree %s, head has %s", top, got, want)
	}
	if g.Git("rev-parse", "HEAD") != head || g.Git("status", "--porcelain") != "" {
		t.Error("--apply moved HEAD or touched the working tree")
	}
	// The plan's hand-written commands and --apply name the same branches.
	for _, want := range []string{"git switch -c " + branches[0] + " " + base, "git switch -c " + top + "\n", "Stack created", "git push -u origin " + branches[0], "gh pr create --base main --head " + branches[0], "gt submit --stack", "git submit --create"} {
		if !strings.Contains(res.stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, res.stdout)
		}
	}

	again := runMVC(t, g.Dir, nil, "split", "--base", base, "--max-lines", "150", "--apply")
	if again.code != 2 || !strings.Contains(again.stderr, "already exists") {
		t.Errorf("second --apply: exit %d, stderr %s", again.code, again.stderr)
	}
	g.Write("search/index.go", "package search\n// uncommitted\n")
	dirty := runMVC(t, g.Dir, nil, "split", "--base", base, "--max-lines", "150", "--apply", "--force")
	if dirty.code != 0 {
		t.Errorf("--apply --force on a dirty tree: exit %d, stderr %s", dirty.code, dirty.stderr)
	}
	refused := runMVC(t, g.Dir, nil, "split", "--base", base, "--max-lines", "150", "--apply", "--format", "json")
	if refused.code != 2 || !strings.Contains(refused.stderr, "uncommitted changes") {
		t.Errorf("--apply on a dirty tree: exit %d, stderr %s", refused.code, refused.stderr)
	}
	if bad := runMVC(t, g.Dir, nil, "split", "--force"); bad.code != 2 {
		t.Errorf("--force without --apply: exit %d", bad.code)
	}
}

// Without a git identity --apply is refused as the user's setup to fix
// (exit 2), in one line that says what to set, not git's message nor the
// commit message echoed with the command.
func TestSplitApplyWithoutIdentity(t *testing.T) {
	g, base := twoTopicsRepo(t)
	var env []string
	for _, kv := range gittest.Env() {
		if !strings.HasPrefix(kv, "GIT_AUTHOR_") && !strings.HasPrefix(kv, "GIT_COMMITTER_") {
			env = append(env, kv)
		}
	}
	res := runMVCEnv(t, g.Dir, env, "split", "--base", base, "--max-lines", "150", "--apply")
	lines := strings.Split(strings.TrimSpace(res.stderr), "\n")
	last := lines[len(lines)-1]
	if res.code != exitBadInput || !strings.HasPrefix(last, "mvc split: --apply: ") || !strings.Contains(last, "user.name") || !strings.Contains(last, "GIT_AUTHOR_NAME") ||
		strings.Contains(res.stderr, "commit-tree") || strings.Contains(res.stderr, "proposed by mvc split") {
		t.Errorf("exit %d, want 2 and one line naming user.name and GIT_AUTHOR_NAME:\n%s", res.code, res.stderr)
	}
	if refs := g.Git("for-each-ref", "refs/heads/mvc/"); refs != "" {
		t.Errorf("a refused --apply created branches: %s", refs)
	}
}

func TestSplitVerifyFillsBuilds(t *testing.T) {
	g, base := twoTopicsRepo(t)
	offline := []string{"GOFLAGS=-mod=mod", "GOPROXY=off", "GOTOOLCHAIN=local", "GOWORK=off"}
	res := runMVC(t, g.Dir, offline, "split", "--format", "json", "--base", base, "--max-lines", "150", "--verify")
	if res.code != 0 {
		t.Fatalf("mvc split --verify: exit %d\n%s", res.code, res.stderr)
	}
	if n := strings.Count(res.stdout, `"builds": true`); n < 2 || strings.Contains(res.stdout, `"builds": null`) || strings.Contains(res.stdout, `"builds": false`) {
		t.Errorf("want every part to build, %d do:\n%s", n, res.stdout)
	}
	if !strings.Contains(res.stdout, `"independent": true`) && !strings.Contains(res.stdout, `"independent": false`) {
		t.Errorf("--verify must say of each part whether it builds alone on the base:\n%s", res.stdout)
	}
	if !strings.Contains(res.stderr, "--verify: every part builds on the ones below it") || !strings.Contains(res.stderr, "states type-checked") {
		t.Errorf("stderr lacks the verification summary:\n%s", res.stderr)
	}
	plain := runMVC(t, g.Dir, nil, "split", "--format", "json", "--base", base, "--max-lines", "150")
	if strings.Contains(plain.stdout, `"builds": true`) || !strings.Contains(plain.stdout, `"builds": null`) || !strings.Contains(plain.stdout, `"independent": null`) {
		t.Errorf("without --verify builds must be null:\n%s", plain.stdout)
	}
}

// Without --base the printed commands target the default branch the base
// was taken from: origin/HEAD as the branch it points to (master here,
// not "HEAD" or a made-up main), a local master, or another branch that
// holds the base; a placeholder, said on stderr, only when none does.
func TestSplitApplyDefaultTrunk(t *testing.T) {
	for _, tc := range []struct {
		name  string
		setup func(g *gittest.Repo, base string)
		want  string
	}{
		{"origin/HEAD points to master", func(g *gittest.Repo, base string) {
			g.Git("branch", "-m", "main", "feature")
			g.Git("update-ref", "refs/remotes/origin/master", base)
			g.Git("symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/master")
		}, "master"},
		{"a local master", func(g *gittest.Repo, base string) {
			g.Git("branch", "-m", "main", "feature")
			g.Git("branch", "master", base)
		}, "master"},
		{"on master", func(g *gittest.Repo, base string) {
			g.Git("branch", "-m", "main", "master")
		}, "master"},
		{"another branch holds the base", func(g *gittest.Repo, base string) {
			g.Git("branch", "-m", "main", "feature")
			g.Git("branch", "develop", base)
		}, "develop"},
		{"no branch but the current one", func(g *gittest.Repo, base string) {
			g.Git("branch", "-m", "main", "feature")
		}, "TRUNK"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g, base := twoTopicsRepo(t)
			tc.setup(g, base)
			res := runMVC(t, g.Dir, nil, "split", "--max-lines", "150", "--apply")
			if res.code != 0 || !strings.Contains(res.stdout, "gh pr create --base "+tc.want+" ") || !strings.Contains(res.stdout, "--parent "+tc.want+"\n") {
				t.Errorf("exit %d, want the trunk %s in the commands:\n%s%s", res.code, tc.want, res.stdout, res.stderr)
			}
			if placeholder := strings.Contains(res.stderr, "replace TRUNK"); placeholder != (tc.want == "TRUNK") {
				t.Errorf("stderr says to replace TRUNK: %v, want %v:\n%s", placeholder, tc.want == "TRUNK", res.stderr)
			}
			// The proposal's Graphite commands, before any branch exists,
			// start from the same trunk, or from main with a note.
			parent := tc.want
			if parent == "TRUNK" {
				parent = "main"
			}
			proposal := runMVC(t, g.Dir, nil, "split", "--max-lines", "150")
			if !strings.Contains(proposal.stdout, "--parent "+parent+"\n") || strings.Contains(proposal.stdout, "use your trunk") != (tc.want == "TRUNK") {
				t.Errorf("the proposal's Graphite commands do not start from %s:\n%s", parent, proposal.stdout)
			}
		})
	}
	// A change that starts at the repository's first commit merges into
	// the branch it is on.
	g := gittest.New(t)
	g.Git("checkout", "-q", "-b", "master")
	g.Write("a.go", "package a\n")
	g.Commit("root")
	if res := runMVC(t, g.Dir, nil, "split", "--apply"); res.code != 0 || !strings.Contains(res.stdout, "gh pr create --base master ") {
		t.Errorf("root commit on master: exit %d\n%s%s", res.code, res.stdout, res.stderr)
	}
}

func TestSplitFewestParts(t *testing.T) {
	g, base := twoTopicsRepo(t)
	fine := runMVC(t, g.Dir, nil, "split", "--format", "json", "--base", base, "--max-lines", "150")
	fewest := runMVC(t, g.Dir, nil, "split", "--format", "json", "--base", base, "--max-lines", "100000", "--fewest-parts")
	if fine.code != 0 || fewest.code != 0 {
		t.Fatalf("exit %d / %d\n%s%s", fine.code, fewest.code, fine.stderr, fewest.stderr)
	}
	if n := strings.Count(fine.stdout, `"index"`); n < 2 {
		t.Fatalf("the fine split has %d parts, want several", n)
	}
	if n := strings.Count(fewest.stdout, `"index"`); n != 1 {
		t.Errorf("--fewest-parts under a huge budget gave %d parts, want 1:\n%s", n, fewest.stdout)
	}
}

// A directory replaced by a symlink: --apply either builds each part as
// planned or fails with exit 3 and writes no branch; it never moves one
// part's removals into another's commit.
func TestSplitApplyDirectoryToSymlink(t *testing.T) {
	g := gittest.New(t)
	g.Write("real/x", "r\n")
	g.Write("alias/x", "a\n")
	g.Write("alias/y", "b\n")
	base := g.Commit("base")
	g.Git("rm", "-rq", "alias")
	if err := os.Symlink("real", filepath.Join(g.Dir, "alias")); err != nil {
		t.Fatal(err)
	}
	g.Git("add", "-A")
	g.Commit("head")
	res := runMVC(t, g.Dir, nil, "split", "--base", base, "--apply")
	branches := strings.Fields(g.Git("for-each-ref", "--format=%(refname:short)", "refs/heads/mvc/split/"))
	switch res.code {
	case 0:
		for _, br := range branches {
			if g.Git("diff-tree", "--no-commit-id", "-r", "--name-only", br+"~1", br) == "" {
				t.Errorf("%s is an empty commit: its changes went into another part", br)
			}
		}
	case exitFailure:
		if len(branches) > 0 || !strings.Contains(res.stderr, "cannot be built as planned") {
			t.Errorf("exit 3 with branches %v, stderr %s", branches, res.stderr)
		}
	default:
		t.Errorf("exit %d: %s", res.code, res.stderr)
	}
}

// An empty change has nothing to apply: exit 0, one line, no branch.
func TestSplitApplyEmptyChange(t *testing.T) {
	g, _ := twoTopicsRepo(t)
	res := runMVC(t, g.Dir, nil, "split", "--base", "HEAD", "--apply")
	if res.code != 0 || !strings.Contains(res.stderr, "--apply: the change is empty: there is nothing to split") {
		t.Errorf("exit %d, stderr %q", res.code, res.stderr)
	}
	if refs := g.Git("for-each-ref", "refs/heads/mvc/"); refs != "" {
		t.Errorf("branches written: %s", refs)
	}
}

// --apply --force replaces the whole stack: the branches of an earlier,
// longer stack that the new one does not recreate are deleted and named;
// a branch of the user's under the prefix by another name stays.
func TestSplitApplyForceDeletesTheStaleBranches(t *testing.T) {
	g, base := twoTopicsRepo(t)
	if res := runMVC(t, g.Dir, nil, "split", "--base", base, "--max-lines", "150", "--apply"); res.code != 0 {
		t.Fatalf("first --apply: exit %d\n%s", res.code, res.stderr)
	}
	old := strings.Fields(g.Git("for-each-ref", "--format=%(refname:short)", "refs/heads/mvc/split/"))
	g.Git("branch", "mvc/split/notes", "HEAD")
	res := runMVC(t, g.Dir, nil, "split", "--base", base, "--max-lines", "100000", "--fewest-parts", "--apply", "--force")
	if res.code != 0 {
		t.Fatalf("--apply --force: exit %d\n%s", res.code, res.stderr)
	}
	now := strings.Fields(g.Git("for-each-ref", "--format=%(refname:short)", "refs/heads/mvc/split/"))
	if len(now) != 2 || now[1] != "mvc/split/notes" || !strings.HasPrefix(now[0], "mvc/split/01-") {
		t.Errorf("branches after --force: %v (before: %v); want the one new part and mvc/split/notes", now, old)
	}
	for _, b := range old {
		if b != now[0] && !strings.Contains(res.stderr, b) {
			t.Errorf("stderr does not name the deleted %s:\n%s", b, res.stderr)
		}
	}
}

// With --format markdown the stack section is Markdown too: its commands
// in a fenced code block, not indented plain text.
func TestSplitApplyMarkdown(t *testing.T) {
	g, base := twoTopicsRepo(t)
	res := runMVC(t, g.Dir, nil, "split", "--base", base, "--max-lines", "150", "--apply", "--format", "markdown")
	if res.code != 0 {
		t.Fatalf("exit %d\n%s", res.code, res.stderr)
	}
	_, stack, ok := strings.Cut(res.stdout, "Stack created")
	if !ok || !strings.Contains(stack, "```sh\ngit push -u origin ") || strings.Contains(stack, "\n  gh pr create") {
		t.Errorf("the stack section is not Markdown:\n%s", stack)
	}
}

// A pull request's base must be a branch: a --base given as a tag gives
// the branch that holds it, a remote branch its name on the remote, and a
// commit no branch holds a placeholder the user is told to replace.
func TestSplitApplyTrunkIsABranch(t *testing.T) {
	g, base := twoTopicsRepo(t)
	g.Tag("v1.2.0", base)
	g.Git("update-ref", "refs/remotes/upstream/release", base)
	for _, tc := range []struct{ base, want string }{
		{"v1.2.0", "main"},
		{"upstream/release", "release"},
	} {
		res := runMVC(t, g.Dir, nil, "split", "--base", tc.base, "--max-lines", "150", "--apply", "--force")
		if res.code != 0 || !strings.Contains(res.stdout, "gh pr create --base "+tc.want+" ") || !strings.Contains(res.stdout, "--parent "+tc.want+"\n") {
			t.Errorf("--base %s: exit %d, want the trunk %s:\n%s%s", tc.base, res.code, tc.want, res.stdout, res.stderr)
		}
	}
	g.Git("switch", "-q", "--detach", "HEAD")
	for _, ref := range strings.Fields(g.Git("for-each-ref", "--format=%(refname)", "refs/heads/", "refs/remotes/")) {
		g.Git("update-ref", "-d", ref)
	}
	res := runMVC(t, g.Dir, nil, "split", "--base", "v1.2.0", "--max-lines", "150", "--apply")
	if res.code != 0 || !strings.Contains(res.stdout, "gh pr create --base TRUNK ") || !strings.Contains(res.stderr, "must be a branch") {
		t.Errorf("no branch holds the base: exit %d\n%s%s", res.code, res.stdout, res.stderr)
	}
}
