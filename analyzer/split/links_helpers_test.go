package split

import "testing"

// linkedChange prepares in and links its files, for tests of the
// file-level evidence: the work, and the link between two paths (an empty
// link when the files are not candidates for each other).
func linkedChange(t *testing.T, in Input) (*work, func(a, b string) *fileLink) {
	t.Helper()
	w, err := prepare(in)
	if err != nil {
		t.Fatal(err)
	}
	w.describeAtoms()
	l := w.newLinker()
	index := map[string]int{}
	for i, f := range w.files {
		index[f.Path] = i
	}
	return w, func(a, b string) *fileLink {
		ia, oka := index[a]
		ib, okb := index[b]
		if !oka || !okb {
			t.Fatalf("no changed file %s or %s", a, b)
		}
		if fl := l.files[pairKey(ia, ib)]; fl != nil {
			return fl
		}
		return &fileLink{}
	}
}
