package split

import "github.com/mvcbot/mvc/analyzer"

// minNewNameLen keeps short words (ids, tmp) out of the new names: they
// come and go in unrelated edits.
const minNewNameLen = 4

// maxNewNameAtoms drops a new name found in more atoms: boilerplate that
// every new file repeats (a test helper, a license word) ties unrelated
// new code together. Up to 16 atoms measured the same as no bound.
const maxNewNameAtoms = 16

// findNewNames marks, per atom, the names the change brings in (added,
// and in no base file of the change) or retires (deleted, and in no head
// file of the change). Two atoms sharing one were most likely written
// together: a new option and the code reading it, the last two callers of
// a function that goes away.
//
// A name is judged against the contents the change comes with, so a side
// whose contents are missing for any text file (a split from the API's
// patches alone, as the App makes) is not judged: every name would look
// new against nothing.
//
// dels and adds are the words of each atom's deleted and added lines; the
// head side of each file is its text, already read.
func (w *work) findNewNames(dels, adds []map[string]bool) {
	base := map[string]bool{}
	inHead := make([]bool, len(w.names.names))
	baseKnown, headKnown := true, true
	for _, f := range w.files {
		if f.Binary { // bytes, not names
			continue
		}
		b, inBase := w.in.Base[f.Path]
		_, hasHead := w.in.Head[f.Path]
		baseKnown = baseKnown && (inBase || f.Status == analyzer.Added)
		headKnown = headKnown && (hasHead || f.Status == analyzer.Removed)
		if f.Status == analyzer.Removed {
			for _, id := range f.text { // a removed file's text is its base
				base[w.names.names[id]] = true
			}
			continue
		}
		identifiers(string(b), base)
		for _, id := range f.text {
			inHead[id] = true
		}
	}
	if !baseKnown && !headKnown {
		return
	}
	perAtom := make([]map[string]bool, len(w.atoms))
	atomsOf := map[string]int{}
	for _, a := range w.atoms {
		names := map[string]bool{}
		if baseKnown {
			for id := range adds[a.id] {
				if len(id) >= minNewNameLen && !base[id] {
					names[id] = true
				}
			}
		}
		if headKnown {
			for id := range dels[a.id] {
				if n, ok := w.names.ids[id]; len(id) >= minNewNameLen && !(ok && int(n) < len(inHead) && inHead[n]) {
					names["-"+id] = true
				}
			}
		}
		perAtom[a.id] = names
		for id := range names {
			atomsOf[id]++
		}
	}
	w.arriving = make(map[string]bool, len(atomsOf))
	for id := range atomsOf {
		w.arriving[id] = true
	}
	for _, a := range w.atoms {
		for id := range perAtom[a.id] {
			if atomsOf[id] > maxNewNameAtoms {
				delete(perAtom[a.id], id)
			}
		}
		if len(perAtom[a.id]) > 0 {
			a.newNames = w.names.setOf(perAtom[a.id])
		}
	}
}
