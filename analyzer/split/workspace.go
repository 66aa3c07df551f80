package split

import (
	"path"
	"strings"

	"github.com/mvcbot/mvc/analyzer"
)

// workspaceLockfiles are the lockfiles one workspace shares: npm, Yarn,
// pnpm and Bun workspaces, Cargo workspaces and uv workspaces keep a single
// lockfile at their root for the manifests of every member below it.
var workspaceLockfiles = map[string]bool{
	"package-lock.json": true, "npm-shrinkwrap.json": true, "yarn.lock": true, "pnpm-lock.yaml": true,
	"bun.lock": true, "bun.lockb": true, "Cargo.lock": true, "uv.lock": true,
}

// workspaceLocks pairs each changed member manifest that has no changed
// lockfile beside it with the nearest changed workspace lockfile of its
// ecosystem above it: packages/app/package.json gains a dependency and
// the root pnpm-lock.yaml locks it, so a part with one and not the other
// fails a frozen-lockfile install.
func (w *work) workspaceLocks() map[int][]int {
	lockAt := map[string][]int{} // "dir/manifest" -> workspace lockfiles in dir
	for i, f := range w.files {
		dir, base := path.Split(f.Path)
		if workspaceLockfiles[base] {
			lockAt[dir+manifests[base]] = append(lockAt[dir+manifests[base]], i)
		}
	}
	if len(lockAt) == 0 {
		return nil
	}
	pairs := map[int][]int{}
	sides := map[int][2][]string{} // a lockfile's base and head lines, split once: lockfiles run to megabytes
	for i, f := range w.files {
		dir, base := path.Split(f.Path)
		if len(lockAt[f.Path]) > 0 || !isManifest(base) {
			continue
		}
		deps := w.changedDependencies(&w.files[i], analyzer.Add, analyzer.Delete)
		if len(deps) == 0 {
			continue
		}
		for d := path.Dir(path.Clean(dir)); ; d = path.Dir(d) {
			key := base
			if d != "." {
				key = d + "/" + base
			}
			if locks := lockAt[key]; len(locks) > 0 {
				for _, l := range locks {
					if w.locksAny(l, deps, sides) {
						pairs[i] = append(pairs[i], l)
					}
				}
				break
			}
			if d == "." {
				break
			}
		}
	}
	return pairs
}

// locksAny says whether a lockfile's changed lines name one of deps, as
// a whole name: "react" in `react@18.2.0:` or `"node_modules/react"`, not
// in "react-dom".
func (w *work) locksAny(lock int, deps []string, sides map[int][2][]string) bool {
	f := &w.files[lock]
	s, ok := sides[lock]
	if !ok {
		s = [2][]string{strings.Split(string(w.in.Base[f.Path]), "\n"), strings.Split(string(w.in.Head[f.Path]), "\n")}
		sides[lock] = s
	}
	base, head := s[0], s[1]
	names := func(text string) bool {
		for _, d := range deps {
			if containsPackageName(text, d) {
				return true
			}
		}
		return false
	}
	// A lockfile names a package a line or two above the lines that
	// change when it is bumped (Cargo.lock's name = "askama" above its
	// version, pnpm's importer key above its specifier), so those count.
	above := func(lines []string, n int) bool {
		for i := max(0, n-1-lockNameReach); i < n-1 && i < len(lines); i++ {
			if names(lines[i]) {
				return true
			}
		}
		return false
	}
	for _, h := range f.Hunks {
		oldLine, newLine := h.OldStart, h.NewStart
		for _, l := range h.Lines {
			switch l.Op {
			case analyzer.Delete:
				if names(l.Text) || above(base, oldLine) {
					return true
				}
				oldLine++
			case analyzer.Add:
				if names(l.Text) || above(head, newLine) {
					return true
				}
				newLine++
			default:
				oldLine++
				newLine++
			}
		}
	}
	return false
}

// lockNameReach is how many lines above a changed lockfile line may name
// its package.
const lockNameReach = 3

// containsPackageName finds a package name in s with no character of a
// package name on either side: unlike identifiers, they hold dashes.
func containsPackageName(s, name string) bool {
	return containsBounded(s, name, func(s string, i int) bool {
		if i < 0 || i >= len(s) {
			return false
		}
		b := s[i]
		return b == '-' || b == '_' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
	})
}
