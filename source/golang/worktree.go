package golang

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/mvcbot/mvc/analyzer/split"
	"github.com/mvcbot/mvc/source/gitrepo"
)

// worktree is a temporary detached checkout of the base where states of
// the stack are written, so the user's working tree is never touched.
type worktree struct {
	repo *gitrepo.Repo // the user's repository
	tmp  string        // the temporary directory that holds the checkout
	dir  string        // the checkout
	git  *gitrepo.Repo // git inside the checkout
}

func addWorktree(ctx context.Context, repo *gitrepo.Repo, base string) (*worktree, error) {
	tmp, err := os.MkdirTemp("", "mvc-verify-")
	if err != nil {
		return nil, fmt.Errorf("create a temporary worktree: %w", err)
	}
	w := &worktree{repo: repo, tmp: tmp, dir: filepath.Join(tmp, "tree")}
	if _, err := repo.Git(ctx, "worktree", "add", "--detach", "--quiet", w.dir, base); err != nil {
		os.RemoveAll(tmp)
		return nil, fmt.Errorf("check out base %s in a temporary worktree: %w", base, err)
	}
	w.git = &gitrepo.Repo{Dir: w.dir}
	return w, nil
}

// remove deletes the checkout and its administrative files in the user's
// repository. It runs with a fresh context so a cancelled run still
// cleans up.
func (w *worktree) remove() {
	ctx := context.Background()
	if _, err := w.repo.Git(ctx, "worktree", "remove", "--force", w.dir); err != nil {
		os.RemoveAll(w.tmp)
		w.repo.Git(ctx, "worktree", "prune") //nolint:errcheck // best effort after a failed remove
	}
	os.RemoveAll(w.tmp)
}

// reset brings the checkout back to the base exactly.
func (w *worktree) reset(ctx context.Context) error {
	if _, err := w.git.Git(ctx, "reset", "--quiet", "--hard"); err != nil {
		return fmt.Errorf("reset the temporary worktree: %w", err)
	}
	if _, err := w.git.Git(ctx, "clean", "-fdq"); err != nil {
		return fmt.Errorf("clean the temporary worktree: %w", err)
	}
	return nil
}

// write puts the checkout in the state after the chosen parts, applied to
// the base in the given order. Only files those parts touch are written;
// the rest stay as in the base.
func (w *worktree) write(ctx context.Context, in split.Input, plan split.Plan, chosen []int) error {
	if err := w.reset(ctx); err != nil {
		return err
	}
	reordered := reorder(plan, chosen)
	files, err := split.Apply(in, reordered, len(chosen))
	if err != nil {
		return err
	}
	for _, i := range chosen {
		for _, f := range plan.Parts[i].Files {
			if err := w.writeFile(f.Path, files); err != nil {
				return err
			}
		}
	}
	return nil
}

func (w *worktree) writeFile(path string, files map[string][]byte) error {
	full := filepath.Join(w.dir, filepath.FromSlash(path))
	content, exists := files[path]
	if !exists {
		if err := os.Remove(full); err != nil && !os.IsNotExist(err) {
			return fmt.Errorf("remove %s from the temporary worktree: %w", path, err)
		}
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		return fmt.Errorf("write %s to the temporary worktree: %w", path, err)
	}
	if err := os.WriteFile(full, content, 0o644); err != nil {
		return fmt.Errorf("write %s to the temporary worktree: %w", path, err)
	}
	return nil
}

// reorder returns the plan with the chosen parts (by 0-based position)
// first, in the given order, and the others after, so that split.Apply of
// the first len(chosen) parts is the state after exactly those parts.
func reorder(plan split.Plan, chosen []int) split.Plan {
	out := plan
	out.Parts = make([]split.Part, 0, len(plan.Parts))
	taken := map[int]bool{}
	for _, i := range chosen {
		out.Parts = append(out.Parts, plan.Parts[i])
		taken[i] = true
	}
	for i, p := range plan.Parts {
		if !taken[i] {
			out.Parts = append(out.Parts, p)
		}
	}
	return out
}
