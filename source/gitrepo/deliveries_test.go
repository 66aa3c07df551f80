package gitrepo

import (
	"context"
	"errors"
	"testing"

	"github.com/mvcbot/mvc/internal/gittest"
)

// The merges proxy's Branch is a ref of the clone, or a branch as GitHub
// names it, read as the remote's; one that names nothing is
// ErrUnknownBranch, the caller's to refuse, not a git failure.
func TestDeliveriesBranch(t *testing.T) {
	g := gittest.New(t)
	g.Write("a.txt", "a\n")
	first := g.Commit("first")
	g.Write("a.txt", "b\n")
	head := g.Commit("second")
	g.Git("update-ref", "refs/remotes/origin/release", first)
	d := NewDeliveries(openRepo(t, g))
	for _, tc := range []struct {
		branch, want string
		err          error
	}{
		{"", head, nil},
		{"main", head, nil},
		{"release", first, nil},
		{"origin/release", first, nil},
		{first[:10], first, nil},
		{"nosuch", "", ErrUnknownBranch},
	} {
		d.Branch = tc.branch
		sha, err := d.branchTip(context.Background())
		if sha != tc.want || !errors.Is(err, tc.err) || (tc.err == nil) != (err == nil) {
			t.Errorf("Branch %q: %s, %v; want %s, %v", tc.branch, sha, err, tc.want, tc.err)
		}
		if err := d.CheckBranch(context.Background()); !errors.Is(err, tc.err) || (tc.err == nil) != (err == nil) {
			t.Errorf("CheckBranch with Branch %q: %v, want %v", tc.branch, err, tc.err)
		}
	}
}
