package split

import "strings"

// A line moved is one an atom deletes and another adds, word for word.
// Lines shorter than minMovedLine (closing braces, "return nil, err") or
// deleted by more than maxMoveSources atoms say nothing about a move.
const (
	minMovedLine   = 12
	maxMoveSources = 3
	minMovedLines  = 2
)

// linkMovedLines links atoms where one deletes lines the other adds: code
// cut from one place and pasted in another. A move is one edit by nature,
// and a stack that deletes a function in one part and adds it back in a
// later one would not build in between.
func (l *linker) linkMovedLines() {
	w := l.w
	deletedBy := map[string][]int{}
	for _, a := range w.atoms {
		for _, ln := range a.dels {
			k := moveKey(ln.Text)
			if k == "" {
				continue
			}
			if ids := deletedBy[k]; len(ids) == 0 || ids[len(ids)-1] != a.id {
				deletedBy[k] = append(ids, a.id)
			}
		}
	}
	if len(deletedBy) == 0 {
		return
	}
	moved := map[[2]int]int{}
	for _, b := range w.atoms {
		seen := map[string]bool{}
		for _, ln := range b.adds {
			k := moveKey(ln.Text)
			sources := deletedBy[k]
			if k == "" || seen[k] || len(sources) > maxMoveSources {
				continue
			}
			seen[k] = true
			for _, a := range sources {
				if a != b.id {
					moved[pairKey(a, b.id)]++
				}
			}
		}
	}
	for k, n := range moved {
		a, b := w.atoms[k[0]], w.atoms[k[1]]
		if n < minMovedLines {
			continue
		}
		l.moved[k] = min(1, float64(n)/float64(min(a.changed(), b.changed())))
		l.file(a.file, b.file)
	}
}

// moveKey is a line's text with its indentation and spacing normalised
// ("" when too short to tell a move).
func moveKey(s string) string {
	t := strings.Join(strings.Fields(s), " ")
	if len(t) < minMovedLine {
		return ""
	}
	return t
}
