package golang

import (
	"context"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/packages"
)

// Problem is one error that kept a state of the stack from type-checking.
type Problem struct {
	Path string `json:"path"` // repository-relative file; "" when the go command failed as a whole
	Line int    `json:"line"`
	Msg  string `json:"message"`
}

// String gives the problem on one line: go/types adds "have/want" lines
// to some messages.
func (p Problem) String() string {
	msg, _, _ := strings.Cut(p.Msg, "\n")
	if p.Path == "" {
		return msg
	}
	return fmt.Sprintf("%s:%d: %s", p.Path, p.Line, msg)
}

// checkMode type-checks the packages' own files from source; their
// dependencies come from export data, which the go command builds. The
// import graph is kept to tell why a dependency could not be loaded.
const checkMode = packages.NeedName | packages.NeedTypes | packages.NeedSyntax | packages.NeedImports

// typeCheck type-checks the packages in dirs (repository-relative), with
// their tests, each in its own module (the nearest go.mod above it), as
// they are now on disk. Directories without Go files are skipped. It
// reports whether any package was checked.
func (w *worktree) typeCheck(ctx context.Context, env []string, dirs []string) ([]Problem, bool, error) {
	modules := w.modulesOf(dirs)
	var problems []Problem
	for _, root := range sortedKeys(modules) {
		cfg := &packages.Config{Context: ctx, Mode: checkMode, Dir: filepath.Join(w.dir, root), Env: goEnv(env), Tests: true}
		pkgs, err := packages.Load(cfg, modules[root]...)
		if ctx.Err() != nil {
			return nil, false, ctx.Err()
		}
		if err != nil {
			if reason, ok := fetchFailure("", loadError(err)); ok {
				return nil, false, &UnavailableError{Reason: reason}
			}
			problems = append(problems, Problem{Msg: fmt.Sprintf("load the packages of the module %s: %v", orRoot(root), loadError(err))})
			continue
		}
		found, unfetched := w.problemsOf(pkgs)
		if unfetched != "" {
			return nil, false, &UnavailableError{Reason: unfetched}
		}
		problems = append(problems, found...)
	}
	return dedupe(problems), len(modules) > 0, nil
}

// goEnv is the go command's environment: the process's, the caller's
// additions, and -trimpath. The worktree's path is new on every run;
// without -trimpath it is part of every compiled package's cache key, and
// each run would compile the module's packages again.
func goEnv(extra []string) []string {
	env := append(os.Environ(), extra...)
	flags := ""
	for _, kv := range env {
		if v, ok := strings.CutPrefix(kv, "GOFLAGS="); ok {
			flags = v
		}
	}
	return append(env, "GOFLAGS="+strings.TrimSpace(flags+" -trimpath"))
}

// modulesOf groups the directories that hold Go files by the directory of
// their nearest go.mod, as package patterns relative to it.
func (w *worktree) modulesOf(dirs []string) map[string][]string {
	modules := map[string][]string{}
	for _, d := range dirs {
		if !w.hasGoFiles(d) {
			continue
		}
		root, ok := w.moduleRoot(d)
		if !ok {
			continue // GOPATH-style code: nothing to check it against
		}
		rel := strings.TrimPrefix(strings.TrimPrefix(d, root), "/")
		modules[root] = append(modules[root], "./"+rel)
	}
	return modules
}

func (w *worktree) hasGoFiles(dir string) bool {
	entries, err := os.ReadDir(filepath.Join(w.dir, filepath.FromSlash(dir)))
	if err != nil {
		return false
	}
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".go") {
			return true
		}
	}
	return false
}

// moduleRoot walks up from dir to the nearest directory with a go.mod.
func (w *worktree) moduleRoot(dir string) (string, bool) {
	for d := dir; ; d = path.Dir(d) {
		if _, err := os.Stat(filepath.Join(w.dir, filepath.FromSlash(d), "go.mod")); err == nil {
			if d == "." {
				return "", true
			}
			return d, true
		}
		if d == "." || d == "/" {
			return "", false
		}
	}
}

// problemsOf collects the loaded packages' errors with repository-relative
// positions. When the type checker explains a package's failure, the go
// command's summary of the same failure is left out. A dependency that
// could not be loaded at all makes go/types say only `could not import X
// (invalid package name: "")`: the dependency's own error replaces that.
// unfetched is set when a module could not be fetched: the environment,
// not the code, is at fault.
func (w *worktree) problemsOf(pkgs []*packages.Package) (out []Problem, unfetched string) {
	why := map[string]string{} // import path: the go command's error for it
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			if e.Kind != packages.ListError {
				continue
			}
			if reason, ok := fetchFailure(p.PkgPath, e.Msg); ok && unfetched == "" {
				unfetched = reason
			}
			if why[p.PkgPath] == "" {
				why[p.PkgPath] = e.Msg
			}
		}
	})
	for _, p := range pkgs {
		typed := false
		for _, e := range p.Errors {
			typed = typed || e.Kind != packages.ListError
		}
		for _, e := range p.Errors {
			if typed && e.Kind == packages.ListError {
				continue
			}
			if m := unloadedImport.FindStringSubmatch(e.Msg); m != nil && why[m[1]] != "" {
				e.Msg = fmt.Sprintf("could not import %s: %s", m[1], why[m[1]])
			}
			out = append(out, w.problem(e))
		}
	}
	return out, unfetched
}

// unloadedImport is go/types' message for an import the go command could
// not load.
var unloadedImport = regexp.MustCompile(`^could not import (\S+) \(invalid package name: ""\)$`)

func (w *worktree) problem(e packages.Error) Problem {
	file, line := splitPos(e.Pos)
	if rel, err := filepath.Rel(w.dir, file); err == nil && !strings.HasPrefix(rel, "..") && file != "" {
		return Problem{Path: filepath.ToSlash(rel), Line: line, Msg: e.Msg}
	}
	return Problem{Msg: strings.TrimSpace(e.Pos + " " + e.Msg)}
}

// posPattern matches "file:line:col" and "file:line".
var posPattern = regexp.MustCompile(`^(.*?):(\d+)(?::\d+)?$`)

func splitPos(pos string) (string, int) {
	m := posPattern.FindStringSubmatch(pos)
	if m == nil {
		return pos, 0
	}
	line, _ := strconv.Atoi(m[2])
	return m[1], line
}

// dedupe drops the copies of an error that a package and its test variant
// both report.
func dedupe(ps []Problem) []Problem {
	seen := map[Problem]bool{}
	out := ps[:0]
	for _, p := range ps {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	return out
}

func sortedKeys(m map[string][]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// orRoot names a module by its directory: "at the root" or "in dir".
func orRoot(dir string) string {
	if dir == "" {
		return "at the root"
	}
	return "in " + dir
}

// loadError is go/packages' error for a go command that failed as a
// whole, without its "err: " prefix and an empty "stderr: " tail.
func loadError(err error) string {
	msg := strings.TrimPrefix(err.Error(), "err: ")
	return strings.TrimSuffix(strings.TrimSpace(msg), ": stderr:")
}
