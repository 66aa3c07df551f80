package split

import "github.com/mvcbot/mvc/analyzer"

// TypeLink is a fact a type checker found between two changed lines: the
// line From uses what the line To defines, or implements it, or calls it
// with a changed signature, or needs it imported. Old says both lines are
// deleted lines numbered in the base file; else both are added lines
// numbered in the head file. An adapter fills them (source/golang, for
// Go); the splitter treats each as a use between the atoms holding the
// lines, as it does a changed line that names a changed declaration, but
// resolved by types rather than by name.
type TypeLink struct {
	FromPath string `json:"from_path"`
	FromLine int    `json:"from_line"`
	ToPath   string `json:"to_path"`
	ToLine   int    `json:"to_line"`
	Old      bool   `json:"old"`
	Kind     string `json:"kind"`
}

// FileLink says that file From imports file To (head paths), as a parser
// found it: TypeScript and JavaScript through esbuild, Python by a
// scanner. Both files must be changed to matter.
type FileLink struct {
	From string `json:"from"`
	To   string `json:"to"`
	Kind string `json:"kind"`
}

// lineKey names one changed line of one side of a file.
type lineKey struct {
	file int
	old  bool
	line int
}

// lineAtoms maps every changed line to the atom that holds it.
func (w *work) lineAtoms() map[lineKey]int {
	at := map[lineKey]int{}
	for _, a := range w.atoms {
		for i := range a.dels {
			at[lineKey{a.file, true, a.oldIdx + i + 1}] = a.id
		}
		for i := range a.adds {
			at[lineKey{a.file, false, a.newIdx + i + 1}] = a.id
		}
	}
	return at
}

// linkTypes records the adapter's type links as uses between atoms, and
// its import links as references between files.
func (l *linker) linkTypes() {
	if len(l.w.in.TypeLinks) == 0 && len(l.w.in.FileLinks) == 0 {
		return
	}
	index := map[string]int{}
	for i, f := range l.w.files {
		index[f.Path] = i
	}
	at := l.w.lineAtoms()
	for _, t := range l.w.in.TypeLinks {
		fi, ok1 := index[t.FromPath]
		ti, ok2 := index[t.ToPath]
		a, ok3 := at[lineKey{fi, t.Old, t.FromLine}]
		b, ok4 := at[lineKey{ti, t.Old, t.ToLine}]
		if !ok1 || !ok2 || !ok3 || !ok4 || a == b {
			continue
		}
		l.mentions[pairKey(a, b)] = true
		l.uses[[2]int{a, b}] = true
		l.resolved[[2]int{a, b}] = byImport
		l.file(fi, ti)
	}
	for _, f := range l.w.in.FileLinks {
		i, ok1 := index[f.From]
		j, ok2 := index[f.To]
		if !ok1 || !ok2 || i == j {
			continue
		}
		l.file(i, j).refers = true
		// A new module comes before the lines that import it: zod's
		// bench scripts imported ./harness.js from a later part.
		if to := &l.w.files[j]; to.Status == analyzer.Added && len(to.atoms) > 0 {
			for _, a := range l.w.files[i].atoms {
				if len(l.w.atoms[a].adds) > 0 {
					l.uses[[2]int{a, to.atoms[0]}] = true
					l.resolved[[2]int{a, to.atoms[0]}] = byImport
				}
			}
		}
	}
}
