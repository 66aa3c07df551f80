package split

import (
	"math"

	"github.com/mvcbot/mvc/analyzer"
)

// lineWords returns the identifiers an atom's deleted and added lines
// mention.
func lineWords(a *atom) (del, add map[string]bool) {
	del, add = map[string]bool{}, map[string]bool{}
	for _, l := range a.dels {
		identifiers(l.Text, del)
	}
	for _, l := range a.adds {
		identifiers(l.Text, add)
	}
	return del, add
}

// mentions returns the identifiers of both sides, and those only the
// deleted or only the added lines mention (marked - and +): what the edit
// takes away and brings in.
func mentions(del, add map[string]bool) (all, delta map[string]bool) {
	all, delta = make(map[string]bool, len(del)+len(add)), map[string]bool{}
	for id := range del {
		all[id] = true
		if !add[id] {
			delta["-"+id] = true
		}
	}
	for id := range add {
		all[id] = true
		if !del[id] {
			delta["+"+id] = true
		}
	}
	return all, delta
}

// weighIdentifiers computes each identifier's inverse frequency among the
// atoms, and each atom's vector length for the cosine.
func (w *work) weighIdentifiers() {
	df := make([]int, len(w.names.names))
	for _, a := range w.atoms {
		for _, id := range a.idents {
			df[id]++
		}
	}
	w.idf = make([]float64, len(df))
	for id, n := range df {
		if n > 0 {
			w.idf[id] = math.Log(float64(len(w.atoms)+1) / float64(n))
		}
	}
	for _, a := range w.atoms {
		_, sq := a.idents.overlap(a.idents, w.idf)
		a.norm = math.Sqrt(sq)
	}
}

func declNames(a *atom, f *fileInfo) []string {
	var names []string
	if n := f.oldNames[a.oldDecl]; n != "" && len(a.dels) > 0 {
		names = append(names, n)
	}
	if n := f.newNames[a.newDecl]; n != "" && len(a.adds) > 0 && (len(names) == 0 || names[0] != n) {
		names = append(names, n)
	}
	return names
}

// textIdentifiers lists the identifiers of a file's whole content, head
// side (base side for a removed file).
func (w *work) textIdentifiers(f *fileInfo) idSet {
	content, ok := w.in.Head[f.Path]
	if !ok || f.Status == analyzer.Removed {
		content = w.in.Base[f.Path]
	}
	if f.Binary || len(content) == 0 {
		return nil
	}
	m := map[string]bool{}
	identifiers(string(content), m)
	return w.names.setOf(m)
}
