package split

import (
	"strings"
	"unicode"
)

// maxDefiners ignores names declared by many atoms (String, Close): a
// mention of them could mean any of those.
const maxDefiners = 8

// linkMentions links an atom that changes a declaration with the atoms
// whose changed lines name it.
func (l *linker) linkMentions() {
	definers := map[int32][]int{}
	for _, a := range l.w.atoms {
		for _, n := range a.names {
			if len(n) >= 3 && !stopWords[n] {
				id := l.w.names.id(n)
				definers[id] = append(definers[id], a.id)
			}
		}
	}
	for _, b := range l.w.atoms {
		settings := isInfra(l.w.files[b.file].Path)
		for _, id := range b.idents {
			defs := definers[id]
			if len(defs) == 0 || len(defs) > maxDefiners {
				continue
			}
			// Build files and CI settings name a declaration for sure
			// only by a name no sentence uses: a workflow's "# for build
			// provenance" does not build on a function named build, and
			// would otherwise leave the bottom of the stack for it. (Docs
			// go last whatever they name.)
			name := l.w.names.names[id]
			uses := !settings || codeShaped(name)
			arriving, retiring := l.w.arriving[name], l.w.arriving["-"+name]
			for _, a := range defs {
				if a == b.id || l.w.atoms[a].decl == b.decl && l.w.atoms[a].file == b.file {
					continue
				}
				l.mentions[pairKey(a, b.id)] = true
				switch {
				case !uses:
				case retiring && l.w.atoms[a].mentionsRemoved(name) && b.mentionsRemoved(name):
					// Both remove the name's last mentions: the definition
					// goes once its uses are gone, or the parts between do
					// not build (a helper deleted two parts before the
					// file importing it stops doing so).
					l.uses[[2]int{a, b.id}] = true
				case arriving && len(defs) == 1 && distinctive(name):
					// A name no base file mentions, declared once and
					// spelled as no other word is, can only mean that
					// declaration: as sure as an import (caddy's Caddyfile
					// parser came before the new ech.go whose types it uses).
					l.uses[[2]int{b.id, a}] = true
					l.resolved[[2]int{b.id, a}] = byNewName
				default:
					l.uses[[2]int{b.id, a}] = true
				}
				l.file(l.w.atoms[a].file, b.file)
			}
		}
	}
}

// mentionsRemoved reports whether the atom deletes a line naming name.
func (a *atom) mentionsRemoved(name string) bool {
	for _, l := range a.dels {
		if containsWord(l.Text, name) {
			return true
		}
	}
	return false
}

// distinctive reports whether a name is unlikely to be two local names
// that happen to agree: code-shaped, or capitalised as an exported or
// type name is (ECH, Walker), unlike a local "table" or "cases".
func distinctive(name string) bool {
	return codeShaped(name) || unicode.IsUpper([]rune(name)[0])
}

// codeShaped reports whether a name is written as only code writes one:
// with an underscore or a digit, or a capital letter inside it
// (maxDepth, NewWalker), unlike a word of prose (build, next, Walker).
func codeShaped(name string) bool {
	for i, r := range name {
		if r == '_' || unicode.IsDigit(r) || i > 0 && unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// linkReferences links a file whose text (anywhere, changed or not) names
// a declaration another file's change touches: the change to the
// declaration and the change to its user likely serve one purpose.
func (l *linker) linkReferences() {
	changedBy := map[int32][]int{} // declaration name -> files changing it
	for _, a := range l.w.atoms {
		for _, n := range a.names {
			if len(n) >= 3 && !stopWords[n] {
				id := l.w.names.id(n)
				if fs := changedBy[id]; len(fs) == 0 || fs[len(fs)-1] != a.file {
					changedBy[id] = append(fs, a.file)
				}
			}
		}
	}
	for i := range l.w.files {
		seen := map[int]bool{}
		for _, id := range l.w.files[i].text {
			fs := changedBy[id]
			if len(fs) > maxDefiners {
				continue
			}
			for _, j := range fs {
				if j != i && !seen[j] {
					seen[j] = true
					l.file(i, j).refers = true
				}
			}
		}
	}
}

// maxIdentAtoms ignores identifiers that many atoms mention: they link
// everything to everything and say little.
const maxIdentAtoms = 30

// linkSharedIdentifiers makes files whose changed lines mention the same
// uncommon identifiers candidates, so their overlap gets scored.
func (l *linker) linkSharedIdentifiers() {
	byIdent := make([][]int, len(l.w.names.names))
	for _, a := range l.w.atoms {
		for _, id := range a.idents {
			byIdent[id] = append(byIdent[id], a.file)
		}
	}
	for _, files := range byIdent {
		if len(files) < 2 || len(files) > maxIdentAtoms {
			continue
		}
		for x, i := range files {
			for _, j := range files[x+1:] {
				l.file(i, j)
			}
		}
	}
}

// containsWord reports whether s holds name as a whole identifier, not
// inside a longer one.
func containsWord(s, name string) bool { return containsBounded(s, name, identByteAt) }

// containsBounded finds name in s where inName says no character of it
// stands just before or after.
func containsBounded(s, name string, inName func(s string, i int) bool) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], name)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(name)
		if !inName(s, start-1) && !inName(s, end) {
			return true
		}
		i = start + 1
	}
}

func identByteAt(s string, i int) bool {
	if i < 0 || i >= len(s) {
		return false
	}
	c := s[i]
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}
