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
func (w *work) findNewNames() {
	base, head := map[string]bool{}, map[string]bool{}
	baseKnown, headKnown := true, true
	for _, f := range w.files {
		if f.Binary { // bytes, not names
			continue
		}
		b, inBase := w.in.Base[f.Path]
		h, inHead := w.in.Head[f.Path]
		baseKnown = baseKnown && (inBase || f.Status == analyzer.Added)
		headKnown = headKnown && (inHead || f.Status == analyzer.Removed)
		identifiers(string(b), base)
		identifiers(string(h), head)
	}
	if !baseKnown && !headKnown {
		return
	}
	perAtom := make([]map[string]bool, len(w.atoms))
	atomsOf := map[string]int{}
	for _, a := range w.atoms {
		names := map[string]bool{}
		collect := func(text string, absent map[string]bool, mark string) {
			m := map[string]bool{}
			identifiers(text, m)
			for id := range m {
				if len(id) >= minNewNameLen && !absent[id] {
					names[mark+id] = true
				}
			}
		}
		if baseKnown {
			for _, l := range a.adds {
				collect(l.Text, base, "")
			}
		}
		if headKnown {
			for _, l := range a.dels {
				collect(l.Text, head, "-")
			}
		}
		perAtom[a.id] = names
		for id := range names {
			atomsOf[id]++
		}
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
