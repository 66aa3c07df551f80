package gitrepo

import (
	"context"
	"testing"

	"github.com/mvcbot/mvc/internal/gittest"
)

// openRepo opens a gittest repository the way the code under test sees it,
// with no global or system git config leaking in.
func openRepo(t *testing.T, g *gittest.Repo) *Repo {
	t.Helper()
	t.Setenv("GIT_CONFIG_GLOBAL", "/dev/null")
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	r, err := Open(context.Background(), g.Dir)
	if err != nil {
		t.Fatal(err)
	}
	return r
}
