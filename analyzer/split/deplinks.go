package split

import (
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/mvcbot/mvc/analyzer"
)

// Dependencies a manifest's added lines declare: a package.json entry
// ("name": "^1.2.0"), a go.mod requirement (example.com/mod v1.2.0), a
// Cargo.toml entry (name = "1.2").
var (
	jsonDep  = regexp.MustCompile(`^\s*"((?:@[\w.-]+/)?[\w.-]+)"\s*:\s*"[^"]*"`)
	goModDep = regexp.MustCompile(`^\s*(?:require\s+)?([\w.-]+\.[\w.-]+/[\w./~-]+)\s+v\d`)
	tomlDep  = regexp.MustCompile(`^\s*([\w-]+)\s*=\s*(?:"|\{)`)
	// requirements.txt (requests>=2.0) and pyproject.toml ("requests>=2.0",).
	reqDep       = regexp.MustCompile(`^\s*([A-Za-z0-9][\w.-]*)\s*(?:[<>=!~;\[]|$)`)
	pyprojectDep = regexp.MustCompile(`^\s*"([A-Za-z0-9][\w.-]*)\s*(?:[<>=!~;\[]|")`)
)

// Module specifiers a source line imports: from 'x', require("x"),
// import("x"), import 'x', a Python import; a Go import path is read by
// goImportSpec.
var (
	scriptImport = regexp.MustCompile(`(?:\bfrom\s+|\brequire\(\s*|\bimport\(\s*|^\s*import\s+)['"]([^'"]+)['"]`)
	pyImport     = regexp.MustCompile(`^\s*(?:from\s+([\w.]+)\s+import|import\s+([\w.]+))`)
	rustUse      = regexp.MustCompile(`^\s*(?:pub\s+)?use\s+(\w+)::`)
)

// addedDependencies lists the dependencies a manifest file's added lines
// declare.
func (w *work) addedDependencies(f *fileInfo) []string {
	return w.changedDependencies(f, analyzer.Add)
}

// changedDependencies lists the dependencies that a manifest file's
// changed lines of the given kinds declare. With the file's contents, only
// lines inside its dependency sections count: a package.json script
// ("dev": "vite") or Cargo.toml's edition is no dependency.
func (w *work) changedDependencies(f *fileInfo, ops ...analyzer.Op) []string {
	var re *regexp.Regexp
	switch base := path.Base(f.Path); {
	case base == "package.json":
		re = jsonDep
	case base == "go.mod":
		re = goModDep
	case base == "Cargo.toml":
		re = tomlDep
	case base == "pyproject.toml":
		re = pyprojectDep
	case strings.HasPrefix(base, "requirements") && strings.HasSuffix(base, ".txt"):
		re = reqDep
	default:
		return nil
	}
	oldIn, newIn := dependencyLines(f.Path, w.in.Base[f.Path]), dependencyLines(f.Path, w.in.Head[f.Path])
	var deps []string
	for _, h := range f.Hunks {
		oldLine, newLine := h.OldStart, h.NewStart
		if h.OldLines == 0 {
			oldLine++
		}
		if h.NewLines == 0 {
			newLine++
		}
		for _, l := range h.Lines {
			inSection, named := true, ""
			switch l.Op {
			case analyzer.Delete:
				named, inSection = oldIn[oldLine]
				inSection = inSection || oldIn == nil
				oldLine++
			case analyzer.Add:
				named, inSection = newIn[newLine]
				inSection = inSection || newIn == nil
				newLine++
			default:
				oldLine++
				newLine++
			}
			if !inSection || !slices.Contains(ops, l.Op) {
				continue
			}
			if named != "" { // a line of [dependencies.serde]: the table names it
				deps = append(deps, named)
			} else if m := re.FindStringSubmatch(l.Text); m != nil {
				deps = append(deps, m[1])
			}
		}
	}
	return deps
}

// dependencyLines gives the 1-based numbers of the lines inside a
// manifest's dependency sections, or nil when that is unknown (no
// contents, or a manifest whose every line is a dependency). A line of a
// table that names its dependency ([dependencies.serde],
// [target.'cfg(unix)'.dependencies.jemalloc]) maps to that name.
func dependencyLines(p string, content []byte) map[int]string {
	if content == nil {
		return nil
	}
	lines := strings.Split(string(content), "\n")
	in := map[int]string{}
	switch path.Base(p) {
	case "package.json":
		depth, open := 0, -1 // open: the depth of the dependency object we are in
		for i, l := range lines {
			t := strings.TrimSpace(l)
			if open < 0 && jsonDepSection.MatchString(t) {
				open = depth + 1
			} else if open >= 0 && depth >= open {
				in[i+1] = ""
			}
			depth += strings.Count(t, "{") - strings.Count(t, "}")
			if open >= 0 && depth < open {
				open = -1
			}
		}
	case "Cargo.toml", "pyproject.toml":
		section, array, table := false, false, ""
		for i, l := range lines {
			t := strings.TrimSpace(l)
			switch {
			case strings.HasPrefix(t, "["):
				h := strings.Trim(t, "[] ")
				section = strings.HasSuffix(h, "dependencies") || h == "dependency-groups"
				table, array = "", false
				if _, name, ok := strings.Cut(h, "dependencies."); ok && !strings.Contains(name, ".") {
					table = strings.Trim(name, `"'`)
				}
			case table != "":
				in[i+1] = table
			case tomlDepArray.MatchString(t):
				array = !strings.Contains(t, "]")
				in[i+1] = "" // dependencies = ["x>=1"] on one line
			case array:
				in[i+1] = ""
				array = !strings.HasPrefix(t, "]")
			case section:
				in[i+1] = ""
			}
		}
	default:
		return nil
	}
	return in
}

var (
	// "dependencies": {, "devDependencies": { and the like.
	jsonDepSection = regexp.MustCompile(`^"(?:dependencies|devDependencies|peerDependencies|optionalDependencies|bundleDependencies|bundledDependencies|resolutions|overrides)"\s*:\s*\{`)
	// dependencies = [ in pyproject's [project] (or a dev group's list).
	tomlDepArray = regexp.MustCompile(`^[\w-]*dependencies\s*=\s*\[`)
)

// importedModules lists the modules an atom's added lines import.
func importedModules(a *atom, f *fileInfo) []string {
	var mods []string
	for _, l := range a.adds {
		var m []string
		switch f.lang {
		case langGo:
			// A module path: its first element holds a dot (a host).
			if s := goImportSpec.FindStringSubmatch(l.Text); s != nil {
				if first, _, ok := strings.Cut(s[2], "/"); ok && strings.Contains(first, ".") {
					m = []string{s[0], s[2]}
				}
			}
		case langScript:
			m = scriptImport.FindStringSubmatch(l.Text)
		case langPython:
			m = pyImport.FindStringSubmatch(l.Text)
		default:
			if path.Ext(f.Path) == ".rs" {
				m = rustUse.FindStringSubmatch(l.Text)
			}
		}
		for _, s := range m[min(1, len(m)):] {
			if s != "" {
				mods = append(mods, s)
			}
		}
	}
	return mods
}

// importsDependency says whether an import names a dependency: the module itself
// or a path inside it (a Go package of a required module, a subpath
// export of an npm package). Python and Rust spell names with _ for -, and
// Python's distribution names are case-insensitive.
func importsDependency(module, dep string) bool {
	if module == dep || strings.HasPrefix(module, dep+"/") {
		return true
	}
	d := strings.ToLower(strings.NewReplacer("-", "_", ".", "_").Replace(dep))
	m := strings.ToLower(module)
	return m == d || strings.HasPrefix(m, d+".")
}

// linkDependencies links a manifest that adds a dependency, and the
// lockfile that locks it, with the code that starts importing it: they land
// together, or the build breaks.
func (l *linker) linkDependencies() {
	w := l.w
	deps := map[int][]string{}
	for i := range w.files {
		if d := w.addedDependencies(&w.files[i]); len(d) > 0 {
			deps[i] = d
		}
	}
	if len(deps) == 0 {
		return
	}
	locks := map[string][]int{} // manifest path -> its lockfiles
	for i, f := range w.files {
		for _, k := range companionKeys(f.Path) {
			if m, ok := strings.CutPrefix(k, "manifest:"); ok && m != f.Path {
				locks[m] = append(locks[m], i)
			}
		}
	}
	for m, ls := range w.workspaceLocks() {
		locks[w.files[m].Path] = append(locks[w.files[m].Path], ls...)
	}
	for _, a := range w.atoms {
		for _, mod := range importedModules(a, &w.files[a.file]) {
			for m, ds := range deps {
				if !slices.ContainsFunc(ds, func(d string) bool { return importsDependency(mod, d) }) {
					continue
				}
				l.file(m, a.file).dependency = true
				for _, f := range locks[w.files[m].Path] {
					l.file(f, a.file).dependency = true
				}
				// The import builds on the manifest that brings the
				// module in, wherever the two land (caddy's go.mod came
				// two parts after the file importing its new module).
				for _, ma := range w.files[m].atoms {
					if len(w.atoms[ma].adds) > 0 {
						l.uses[[2]int{a.id, ma}] = true
						l.resolved[[2]int{a.id, ma}] = byImport
					}
				}
			}
		}
	}
}
