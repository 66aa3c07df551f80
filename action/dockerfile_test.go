package action

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/moby/buildkit/frontend/dockerfile/instructions"
	"github.com/moby/buildkit/frontend/dockerfile/parser"
)

// Docker cannot run on the development machines, so the Dockerfile is kept
// correct by construction: parsed with BuildKit's own parser and checked for
// the properties a Docker action depends on.
func TestDockerfileStructure(t *testing.T) {
	f, err := os.Open("../Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	res, err := parser.Parse(f)
	if err != nil {
		t.Fatalf("parse Dockerfile: %v", err)
	}
	stages, _, err := instructions.Parse(res.AST, nil)
	if err != nil {
		t.Fatalf("Dockerfile instructions: %v", err)
	}
	if len(stages) < 2 {
		t.Fatalf("want a multi-stage build, got %d stage(s)", len(stages))
	}
	build, final := stages[0], stages[len(stages)-1]
	if !strings.HasPrefix(build.BaseName, "golang:") {
		t.Errorf("build stage base = %q, want a golang image", build.BaseName)
	}

	var sawDownload, sawStaticBuild bool
	var copiedSource bool
	for _, c := range build.Commands {
		switch c := c.(type) {
		case *instructions.CopyCommand:
			if slices.Contains(c.SourcePaths, "go.mod") && !copiedSource {
				continue
			}
			copiedSource = true
		case *instructions.RunCommand:
			line := strings.Join(c.CmdLine, " ")
			if strings.Contains(line, "go mod download") {
				if copiedSource {
					t.Error("go mod download runs after the source is copied: the module layer is not cached")
				}
				sawDownload = true
			}
			if strings.Contains(line, "go build") {
				sawStaticBuild = strings.Contains(line, "CGO_ENABLED=0") &&
					strings.Contains(line, "-trimpath") && strings.Contains(line, "-s -w")
			}
		}
	}
	if !sawDownload {
		t.Error("build stage has no 'go mod download' layer")
	}
	if !sawStaticBuild {
		t.Error("build stage does not build a static, trimmed binary (CGO_ENABLED=0 -trimpath -ldflags='-s -w')")
	}

	var entrypoint, cmd []string
	var installsGit, installsCerts, safeDir bool
	for _, c := range final.Commands {
		switch c := c.(type) {
		case *instructions.UserCommand:
			t.Errorf("final stage sets USER %s: Docker actions must run as root", c.User)
		case *instructions.WorkdirCommand:
			t.Errorf("final stage sets WORKDIR %s: the runner chooses the working directory", c.Path)
		case *instructions.EntrypointCommand:
			entrypoint = c.CmdLine
		case *instructions.CmdCommand:
			cmd = c.CmdLine
		case *instructions.RunCommand:
			line := strings.Join(c.CmdLine, " ")
			installsGit = installsGit || strings.Contains(line, " git")
			installsCerts = installsCerts || strings.Contains(line, "ca-certificates")
			safeDir = safeDir || strings.Contains(line, "safe.directory")
		case *instructions.CopyCommand:
			if c.From != build.Name {
				t.Errorf("final stage copies from %q, want only the build stage's binary", c.From)
			}
		}
	}
	if !installsGit || !installsCerts {
		t.Errorf("final image must carry git (%v) and CA certificates (%v)", installsGit, installsCerts)
	}
	if !safeDir {
		t.Error("final image does not mark the mounted workspace as a safe git directory")
	}
	if !slices.Equal(entrypoint, []string{"/mvc"}) || !slices.Equal(cmd, []string{"action"}) {
		t.Errorf(`ENTRYPOINT %q CMD %q, want ["/mvc"] and ["action"]`, entrypoint, cmd)
	}
}
