package imports

import (
	"path"
	"strings"
)

// ResolvePython returns the repository files that an import of the file
// from names: the module itself (mod.py or mod/__init__.py) and, for a
// from-import, the submodules it takes by name. A relative import starts
// from the importing file's package; an absolute one is tried from each
// directory above the importing file, nearest first, so both a
// repository-root layout and a src/ layout resolve. Packages installed
// from elsewhere resolve to nothing.
func ResolvePython(from string, imp Import, exists func(string) bool) []string {
	mod := strings.TrimLeft(imp.Module, ".")
	dots := len(imp.Module) - len(mod)
	modPath := strings.ReplaceAll(mod, ".", "/")
	if dots > 0 {
		dir := path.Dir(from)
		for i := 1; i < dots; i++ {
			dir = path.Dir(dir)
		}
		return pythonTargets(path.Join(dir, modPath), imp.Names, exists)
	}
	for dir := path.Dir(from); ; dir = path.Dir(dir) {
		if found := pythonTargets(path.Join(dir, modPath), imp.Names, exists); len(found) > 0 {
			return found
		}
		if dir == "." || dir == "/" {
			return nil
		}
	}
}

func pythonTargets(base string, names []string, exists func(string) bool) []string {
	var found []string
	try := func(candidates ...string) {
		for _, c := range candidates {
			if exists(c) {
				found = append(found, c)
				return
			}
		}
	}
	try(base+".py", base+"/__init__.py")
	for _, n := range names {
		if n != "*" {
			try(path.Join(base, n)+".py", path.Join(base, n, "__init__.py"))
		}
	}
	return found
}
