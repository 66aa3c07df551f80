// Package archtest guards the architecture: the analyzer core stays pure.
package archtest

import (
	"os/exec"
	"strings"
	"testing"
)

// forbidden are packages the analyzer must not import, even transitively:
// it takes plain facts from adapters and never does I/O of its own.
var forbidden = []string{
	"net/http",
	"os/exec",
	"github.com/google/go-github/",
	"github.com/sethvargo/go-githubactions",
	"github.com/bradleyfalzon/ghinstallation/",
}

func TestAnalyzerIsPure(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "github.com/mvcbot/mvc/analyzer/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, dep := range strings.Fields(string(out)) {
		for _, f := range forbidden {
			if dep == strings.TrimSuffix(f, "/") || strings.HasPrefix(dep, f) {
				t.Errorf("analyzer depends on %s", dep)
			}
		}
	}
}
