package split

import (
	"path"
	"slices"

	"github.com/mvcbot/mvc/analyzer"
	"github.com/mvcbot/mvc/analyzer/size"
)

// placeImports moves each import the change adds into the earliest part
// that starts using a name it binds, and each import it removes into the
// last part that stops using it. Go refuses both an unused import and a
// use without its import; TypeScript, Java, Kotlin and Rust refuse the
// use without the import, and their linters the unused one; Python fails
// at run time. A part holding the import line but not the code that uses
// it (caddy's tls.go) cannot build, however strongly the merging tied the
// line elsewhere. ordered is the stack, bottom first; groups emptied by a
// move are dropped from it.
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
		if f.lang == langOther || f.lang == langRuby || f.class == size.Generated || f.class == size.Vendored {
			continue
		}
		// Names bound in the base and in the head by the file's changed
		// imports: a name on both sides (an import that moved, or changed
		// its path) is left where it is.
		added, deleted := map[string]bool{}, map[string]bool{}
		for _, id := range f.atoms {
			if a := w.atoms[id]; isImport(a.decl) {
				importNames(f.lang, a.adds, added)
				importNames(f.lang, a.dels, deleted)
			}
		}
		for n := range added {
			if deleted[n] {
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
			importNames(f.lang, a.adds, in)
			importNames(f.lang, a.dels, out)
			// The import goes with the first use of a name it brings
			// in (Go refuses it any earlier, unused), else with the
			// last removal of a use of a name it drops. An edit that
			// swaps imports does both: the first use is no earlier than
			// the last removal, or no place builds, and then the use
			// wins, since a use without its import never builds.
			target := -1
			if anyIn(in, added) {
				target = w.firstUse(f, at, only(in, added))
			}
			if target < 0 && anyIn(out, deleted) {
				target = w.lastUse(f, at, only(out, deleted))
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

// splitImportSwap cuts an import edit that drops some names and brings in
// others, none in common (jsoup's Validate import replaced by StringUtil
// on the same line), into the removal and the addition: each must go with
// its own uses, the removal after the last use of what it drops and the
// addition with the first use of what it brings in, and one piece could
// not do both. An edit that keeps a name (import { a } to import { a, b })
// stays one piece: apart, a part between them would lack a or import it
// twice. Only where a use is found precisely (Go's pkg.Name, Java's and
// Kotlin's class names): elsewhere a dropped name such as t or io also
// names locals, and the pieces flew to unrelated parts (fastify and
// ripgrep lost 0.016 line ARI).
func splitImportSwap(lg language, p string, a atom) []atom {
	if !isImport(a.decl) || len(a.dels) == 0 || len(a.adds) == 0 {
		return []atom{a}
	}
	gone, came := map[string]bool{}, map[string]bool{}
	importNames(lg, a.dels, gone)
	importNames(lg, a.adds, came)
	if len(gone) == 0 || len(came) == 0 || anyIn(gone, came) || !preciseUses(lg, p) && !(allCodeShaped(gone) && allCodeShaped(came)) {
		return []atom{a}
	}
	removal, addition := a, a
	removal.adds, removal.newDecl, removal.decl = nil, "", a.oldDecl
	addition.dels, addition.oldDecl, addition.decl = nil, "", a.newDecl
	addition.oldIdx += len(a.dels)
	return []atom{removal, addition}
}

// allCodeShaped says whether every name is written as only code writes
// one, and long (isBundledDev, StringUtil), so that an identifier of that
// name is a use of the import, not a local sharing it (t, io, Read).
func allCodeShaped(names map[string]bool) bool {
	for n := range names {
		if len(n) < 6 || !codeShaped(n) {
			return false
		}
	}
	return true
}

// preciseUses says whether a file's uses of an imported name are found
// without mistaking other names for them.
func preciseUses(lg language, p string) bool {
	switch path.Ext(p) {
	case ".java", ".kt", ".kts":
		return true
	}
	return lg == langGo
}

// only is the names of m that are also in of.
func only(m, of map[string]bool) map[string]bool {
	out := map[string]bool{}
	for n := range m {
		if of[n] {
			out[n] = true
		}
	}
	return out
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
		if isImport(a.decl) || !usesName(f.lang, a.adds, pkgs) {
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
		if !isImport(a.decl) && usesName(f.lang, a.dels, pkgs) {
			best = max(best, at[id])
		}
	}
	return best
}

// usesName says whether any line uses one of the imported names: in Go
// a selector from the package (pkg.Name), elsewhere the name itself as an
// identifier.
func usesName(lg language, lines []analyzer.Line, names map[string]bool) bool {
	for _, l := range lines {
		t := l.Text
		if lg == langGo {
			for i := 1; i < len(t); i++ {
				if t[i] != '.' {
					continue
				}
				j := i
				for j > 0 && isIdentByte(t[j-1]) {
					j--
				}
				if j < i && (j == 0 || t[j-1] != '.') && names[t[j:i]] {
					return true
				}
			}
			continue
		}
		t = codeOnly(lg, t)
		for i := 0; i < len(t); {
			if !isIdentByte(t[i]) {
				i++
				continue
			}
			j := i
			for j < len(t) && isIdentByte(t[j]) {
				j++
			}
			if names[t[i:j]] && (i == 0 || t[i-1] != '.') {
				return true
			}
			i = j
		}
	}
	return false
}

// codeOnly blanks a line's string literals and drops its trailing
// comment, so a word in a test's name ('handles test input') or a comment
// is not taken for a use of an imported name.
func codeOnly(lg language, t string) string {
	b := []byte(t)
	var quote byte
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case quote != 0:
			if c == '\\' && i+1 < len(b) {
				b[i], b[i+1] = ' ', ' '
				i++
				continue
			}
			if c == quote {
				quote = 0
			} else {
				b[i] = ' '
			}
		case c == '"' || c == '\'' || c == '`' && lg != langBrace:
			quote = c
		case c == '#' && lg == langPython, c == '/' && i+1 < len(b) && b[i+1] == '/' && lg != langPython:
			return string(b[:i])
		}
	}
	return string(b)
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
