package gitrepo

import (
	"bytes"
	"context"
	"fmt"
)

// TreePaths lists every file path in rev's tree, for resolving imports
// between files without a checkout.
func (r *Repo) TreePaths(ctx context.Context, rev string) (map[string]bool, error) {
	out, err := r.Git(ctx, "ls-tree", "-r", "-z", "--name-only", "--full-tree", rev)
	if err != nil {
		return nil, fmt.Errorf("list the files of %s: %w", short(rev), err)
	}
	paths := map[string]bool{}
	for _, p := range bytes.Split(out, []byte{0}) {
		if len(p) > 0 {
			paths[string(p)] = true
		}
	}
	return paths, nil
}
