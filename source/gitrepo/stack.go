package gitrepo

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/mvcbot/mvc/analyzer/split"
)

// StackPrefix is where `mvc split --apply` puts the stack's branches.
const StackPrefix = "mvc/split/"

// StackOptions tune CreateStack.
type StackOptions struct {
	// Force overwrites existing branches of the same names and creates the
	// stack even when the working tree has uncommitted changes.
	Force bool
}

// StackBranch is one branch of a created stack.
type StackBranch struct {
	Part   int    // 1-based index of the plan's part
	Name   string // branch name without refs/heads/
	Commit string
	Tree   string
}

// ErrDirty is returned when the working tree has uncommitted changes: they
// are not part of head, so the stack would silently leave them out.
var ErrDirty = errors.New("the working tree has uncommitted changes, which the stack would leave out: commit or stash them, or pass --force")

// ErrRootBase is returned when the change starts at the empty tree (head
// is a root commit): a branch needs a commit to start from.
var ErrRootBase = errors.New("the change starts at the repository's first commit, so the first branch would have no parent: split a later range (--base a commit)")

// CreateStack writes the plan as a stack of local branches, one commit
// each, every branch based on the previous one and the first on the base.
// The branch of the last part has exactly the head's tree. It works on git
// objects and a temporary index only: the working tree, the real index and
// the current branch are never touched. The branches are created only when
// every commit was written.
func (r *Repo) CreateStack(ctx context.Context, in split.Input, plan split.Plan, opt StackOptions) ([]StackBranch, error) {
	if len(plan.Parts) == 0 {
		return nil, errors.New("create stack: the plan has no parts")
	}
	if err := r.checkStackTarget(ctx, plan, opt.Force); err != nil {
		return nil, err
	}
	b, err := r.newStackBuilder(ctx, in, plan)
	if err != nil {
		return nil, err
	}
	defer b.close()
	branches, err := b.build(ctx)
	if err != nil {
		return nil, err
	}
	for _, br := range branches {
		if err := r.setBranch(ctx, br, opt.Force); err != nil {
			return nil, err
		}
	}
	return branches, nil
}

// checkStackTarget refuses a dirty working tree and existing branches.
func (r *Repo) checkStackTarget(ctx context.Context, plan split.Plan, force bool) error {
	if force {
		return nil
	}
	if bare, _ := r.GitString(ctx, "rev-parse", "--is-bare-repository"); bare != "true" {
		status, err := r.Git(ctx, "status", "--porcelain", "--untracked-files=no")
		if err != nil {
			return fmt.Errorf("check the working tree of %s: %w", r.Dir, err)
		}
		if len(bytes.TrimSpace(status)) > 0 {
			return ErrDirty
		}
	}
	var taken []string
	for _, p := range plan.Parts {
		name := StackBranchName(p)
		if _, err := r.Git(ctx, "rev-parse", "--verify", "--quiet", "refs/heads/"+name); err == nil {
			taken = append(taken, name)
		}
	}
	if len(taken) > 0 {
		return &BranchExistsError{Names: taken}
	}
	return nil
}

// BranchExistsError is returned when branches of the stack exist already:
// a previous --apply, or the user's own.
type BranchExistsError struct{ Names []string }

func (e *BranchExistsError) Error() string {
	return fmt.Sprintf("branch %s already exists: delete it (git branch -D %s) or pass --force", e.Names[0], strings.Join(e.Names, " "))
}

func (r *Repo) setBranch(ctx context.Context, br StackBranch, force bool) error {
	args := []string{"update-ref", "-m", "mvc split --apply", "refs/heads/" + br.Name, br.Commit}
	if !force {
		// The all-zero old value makes git refuse a branch created meanwhile.
		args = append(args, strings.Repeat("0", len(br.Commit)))
	}
	if _, err := r.Git(ctx, args...); err != nil {
		return fmt.Errorf("create branch %s: %w", br.Name, err)
	}
	return nil
}

// StackBranchName is the branch of a part: mvc/split/01-<slug of title>.
func StackBranchName(p split.Part) string {
	return fmt.Sprintf("%s%02d-%s", StackPrefix, p.Index, slug(p.Title))
}

var slugUnsafe = regexp.MustCompile(`[^a-z0-9]+`)

// slug keeps a title's letters and digits, lowercased, joined by dashes,
// cut at a word boundary near 40 characters, as the pull request
// comment's commands name the branches.
func slug(title string) string {
	const maxLen = 40
	s := strings.Trim(slugUnsafe.ReplaceAllString(strings.ToLower(title), "-"), "-")
	if len(s) > maxLen {
		s = s[:maxLen+1]
		if i := strings.LastIndexByte(s, '-'); i > maxLen/2 {
			s = s[:i]
		}
		s = strings.TrimRight(s[:min(len(s), maxLen)], "-")
	}
	if s == "" {
		return "part"
	}
	return s
}

// tempIndex is a private index file for building trees without touching
// the user's index.
type tempIndex struct {
	dir string
	env []string
}

func newTempIndex() (*tempIndex, error) {
	dir, err := os.MkdirTemp("", "mvc-stack-")
	if err != nil {
		return nil, fmt.Errorf("create a temporary index: %w", err)
	}
	return &tempIndex{dir: dir, env: []string{"GIT_INDEX_FILE=" + filepath.Join(dir, "index")}}, nil
}

func (t *tempIndex) close() { os.RemoveAll(t.dir) }

// gitWith runs git with extra environment and standard input.
func (r *Repo) gitWith(ctx context.Context, env []string, stdin []byte, args ...string) (string, error) {
	cmd := r.Command(ctx, args...)
	cmd.Env = append(cmd.Env, env...)
	cmd.Stdin = bytes.NewReader(stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return "", &Error{Args: args, Stderr: stderr.String(), Err: err}
	}
	return strings.TrimSpace(stdout.String()), nil
}
