package split

import (
	"path"

	"github.com/mvcbot/mvc/analyzer"
	"github.com/mvcbot/mvc/analyzer/size"
	"regexp"
	"slices"
	"strings"
)

// goImportSpec matches one Go import spec on a line of its own, or a
// one-line import declaration: an optional local name, then the path.
var goImportSpec = regexp.MustCompile(`^\s*(?:import\s+)?(?:([\p{L}_][\p{L}\p{N}_]*|\.)\s+)?"([^"]+)"\s*(?://.*)?$`)

// placeImports moves each Go import the change adds into the earliest
// part that starts using it, and each import it removes into the last
// part that stops using it. Go refuses both an unused import and a use
// without its import, so a part holding the import line but not the code
// that uses it (caddy's tls.go) cannot build, however strongly the
// merging tied the line elsewhere. ordered is the stack, bottom first;
// groups emptied by a move are dropped from it.
func (w *work) placeImports(ordered []*group) []*group {
	at := map[int]int{} // atom -> index in ordered
	for i, g := range ordered {
		for _, id := range g.atoms {
			at[id] = i
		}
	}
	changed := false
	for fi := range w.files {
		f := &w.files[fi]
		if f.lang != langGo || f.class == size.Generated || f.class == size.Vendored {
			continue
		}
		added, deleted := map[string]bool{}, map[string]bool{}
		for _, id := range f.atoms {
			if a := w.atoms[id]; isImport(a.decl) {
				importNames(a.adds, added)
				importNames(a.dels, deleted)
			}
		}
		for n := range added {
			if deleted[n] { // an import that only moved or changed its path
				delete(added, n)
				delete(deleted, n)
			}
		}
		if len(added) == 0 && len(deleted) == 0 {
			continue
		}
		for _, id := range f.atoms {
			a := w.atoms[id]
			if !isImport(a.decl) || a.mech == moved || a.mech == vendored {
				continue
			}
			in, out := map[string]bool{}, map[string]bool{}
			importNames(a.adds, in)
			importNames(a.dels, out)
			target := -1
			switch {
			case anyIn(in, added) && !anyIn(out, deleted):
				target = w.firstUse(f, at, in)
			case anyIn(out, deleted) && !anyIn(in, added):
				target = w.lastUse(f, at, out)
			}
			if target < 0 || target == at[id] {
				continue
			}
			ordered[at[id]].remove(w, a)
			ordered[target].insert(w, a)
			at[id] = target
			changed = true
		}
	}
	if !changed {
		return ordered
	}
	return slices.DeleteFunc(ordered, func(g *group) bool { return len(g.atoms) == 0 })
}

func anyIn(names, of map[string]bool) bool {
	for n := range names {
		if of[n] {
			return true
		}
	}
	return false
}

// firstUse is the earliest part holding an atom of f whose added lines
// use one of the packages, -1 if none.
func (w *work) firstUse(f *fileInfo, at map[int]int, pkgs map[string]bool) int {
	best := -1
	for _, id := range f.atoms {
		a := w.atoms[id]
		if isImport(a.decl) || !usesPackage(a.adds, pkgs) {
			continue
		}
		if best < 0 || at[id] < best {
			best = at[id]
		}
	}
	return best
}

// lastUse is the latest part holding an atom of f whose deleted lines use
// one of the packages, -1 if none.
func (w *work) lastUse(f *fileInfo, at map[int]int, pkgs map[string]bool) int {
	best := -1
	for _, id := range f.atoms {
		a := w.atoms[id]
		if !isImport(a.decl) && usesPackage(a.dels, pkgs) {
			best = max(best, at[id])
		}
	}
	return best
}

// importNames adds the names the import specs among lines bind: the
// local name when one is given, else the names the package is likely to
// declare (the path's last element, without a major-version suffix or a
// go- prefix). Blank and dot imports bind no name a use would show.
func importNames(lines []analyzer.Line, into map[string]bool) {
	for _, l := range lines {
		m := goImportSpec.FindStringSubmatch(l.Text)
		if m == nil {
			continue
		}
		switch m[1] {
		case "_", ".":
			continue
		case "":
			for _, n := range packageNames(m[2]) {
				into[n] = true
			}
		default:
			into[m[1]] = true
		}
	}
}

// packageNames guesses the names a package of the import path declares.
func packageNames(importPath string) []string {
	last := path.Base(importPath)
	if len(last) > 1 && last[0] == 'v' && strings.Trim(last[1:], "0123456789") == "" && strings.Contains(importPath, "/") {
		last = path.Base(path.Dir(importPath)) // example.com/mod/v2
	}
	if i := strings.Index(last, ".v"); i > 0 {
		last = last[:i] // gopkg.in/yaml.v3
	}
	names := []string{last}
	trimmed := strings.TrimSuffix(strings.TrimPrefix(last, "go-"), "-go")
	names = append(names, trimmed, strings.ReplaceAll(trimmed, "-", ""), strings.ReplaceAll(trimmed, "-", "_"))
	return names
}

// usesPackage says whether any line selects from one of the packages
// (pkg.Name), outside the import specs themselves.
func usesPackage(lines []analyzer.Line, pkgs map[string]bool) bool {
	for _, l := range lines {
		t := l.Text
		for i := 0; i < len(t); i++ {
			if t[i] != '.' || i == 0 {
				continue
			}
			j := i
			for j > 0 && isIdentByte(t[j-1]) {
				j--
			}
			if j < i && (j == 0 || t[j-1] != '.') && pkgs[t[j:i]] {
				return true
			}
		}
	}
	return false
}

func isIdentByte(b byte) bool {
	return b == '_' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

// remove takes atom a out of g.
func (g *group) remove(w *work, a *atom) {
	g.atoms = slices.DeleteFunc(g.atoms, func(id int) bool { return id == a.id })
	g.lines -= a.lines
	g.weight -= a.weight
	for _, id := range g.atoms {
		if w.atoms[id].file == a.file {
			return
		}
	}
	delete(g.files, a.file)
}

// insert puts atom a into g, keeping its atoms in order.
func (g *group) insert(w *work, a *atom) {
	i, _ := slices.BinarySearch(g.atoms, a.id)
	g.atoms = slices.Insert(g.atoms, i, a.id)
	g.lines += a.lines
	g.weight += a.weight
	g.files[a.file] = true
}
