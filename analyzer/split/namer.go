package split

// Namer names parts that a caller changed after Split, as Split names its
// own: from the declarations and files their hunks hold. --verify's
// repairs move hunks between parts; a part that lost its main function to
// the part before must not keep the function's name.
type Namer struct {
	w      *work
	byPath map[string]int
}

// NewNamer reads the change once; Name is then cheap.
func NewNamer(in Input) (*Namer, error) {
	if err := checkInput(in); err != nil {
		return nil, err
	}
	w, err := prepare(in)
	if err != nil {
		return nil, err
	}
	w.describeAtoms()
	w.hardLinks() // marks moves, renames and sweeps, which titles name
	n := &Namer{w: w, byPath: map[string]int{}}
	for i, f := range w.files {
		n.byPath[f.Path] = i
	}
	return n, nil
}

// Name returns the title and kind Split would give a part holding p's
// files and hunks. A part of code keeps p's provider or consumer kind,
// which depends on the parts around it.
func (n *Namer) Name(p Part) (string, Kind) {
	w := n.w
	g := &group{files: map[int]bool{}, alive: true}
	first := true
	for _, pf := range p.Files {
		fi, ok := n.byPath[pf.Path]
		if !ok {
			continue
		}
		for _, id := range w.files[fi].atoms {
			a := w.atoms[id]
			if !a.whole && len(pf.Hunks) > 0 && !inHunks(a, pf.Hunks) {
				continue
			}
			if first {
				g.mech, first = a.mech, false
			}
			g.add(a)
		}
	}
	if len(g.atoms) == 0 {
		return p.Title, p.Kind
	}
	kind := w.kindOf(g, p.Kind == KindProvider)
	if (kind == KindProvider || kind == KindConsumer) && (p.Kind == KindProvider || p.Kind == KindConsumer) {
		kind = p.Kind
	}
	return printable(w.title(g, kind)), kind
}

// inHunks says whether the atom's lines lie inside one of the hunks,
// which hold whole atoms (Split writes a run of adjacent atoms as one).
func inHunks(a *atom, hunks []PartHunk) bool {
	for _, h := range hunks {
		oldFrom, newFrom := h.OldStart, h.NewStart
		if h.OldLines > 0 {
			oldFrom--
		}
		if h.NewLines > 0 {
			newFrom--
		}
		oldOK := len(a.dels) == 0 || a.oldIdx >= oldFrom && a.oldIdx+len(a.dels) <= oldFrom+h.OldLines
		newOK := len(a.adds) == 0 || a.newIdx >= newFrom && a.newIdx+len(a.adds) <= newFrom+h.NewLines
		if oldOK && newOK && (len(a.dels) > 0 && h.OldLines > 0 || len(a.adds) > 0 && h.NewLines > 0) {
			return true
		}
	}
	return false
}
