package gitrepo

import (
	"os"
	"testing"

	"github.com/mvcbot/mvc/internal/gittest"
)

// TestMain runs the package's tests with no git identity or config from
// the machine, as on a fresh CI container: a test that commits must bring
// its own identity (gittest.Env), or it fails here too.
func TestMain(m *testing.M) {
	gittest.Isolate()
	os.Exit(m.Run())
}
