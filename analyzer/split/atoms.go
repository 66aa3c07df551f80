package split

import (
	"github.com/mvcbot/mvc/analyzer"
)

// An atom is the smallest piece of the change the splitter moves between
// parts: a run of deleted lines replaced by a run of added lines, inside
// one declaration of one file, or a whole file that has no lines to cut
// (binary, mode-only, empty). Every changed line is in exactly one atom,
// which is what keeps the parts' union equal to the change.
type atom struct {
	id   int
	file int // index into the change's files
	// oldIdx and newIdx count the base and head lines before the atom.
	oldIdx, newIdx int
	dels, adds     []analyzer.Line
	whole          bool // a file without hunks
	// unlisted is the changed lines of a whole text file listed without
	// its hunks: counted, but not laid out line by line.
	unlisted int
	block    int // the git hunk the atom was cut from, global index
	// oldDecl and newDecl name the declaration the atom's deleted and added
	// lines sit in ("" for none); decl is whichever is set.
	oldDecl, newDecl, decl string

	// What the analysis learns about the atom.
	lines  int        // changed lines, at least 1, the atom's share of pairs
	weight float64    // weighted lines, as size measures them
	mech   mechanical // a mechanical edit, kept apart from the rest
	tidied mechanical // the formatting or comment kind of an edit now ordinary (keepTidyingWithEdits)
	names  []string   // identifiers of the declarations it changes
	idents idSet      // identifiers its changed lines mention
	delta  idSet      // identifiers it removes ("-x") or introduces ("+y")
	// newNames are the identifiers it adds that no base file of the
	// change mentions, and those it deletes that no head file mentions
	// (marked -): names the change brings in or retires.
	newNames idSet
	norm     float64 // length of its identifiers' rarity vector
}

// changed is the atom's number of changed lines.
func (a *atom) changed() int { return len(a.dels) + len(a.adds) }

// counted is the lines the atom changes as size counts them: its own, or
// for a file GitHub listed without a patch (it leaves the patch out of very
// large diffs and keeps the counts), the file's counts.
func (a *atom) counted() int { return max(a.changed(), a.unlisted) }

// partHunk gives the atom's coordinates the way git writes them.
func (a *atom) partHunk() PartHunk {
	h := PartHunk{OldLines: len(a.dels), NewLines: len(a.adds)}
	h.OldStart, h.NewStart = a.oldIdx, a.newIdx
	if h.OldLines > 0 {
		h.OldStart++
	}
	if h.NewLines > 0 {
		h.NewStart++
	}
	h.Lines = make([]analyzer.Line, 0, len(a.dels)+len(a.adds))
	h.Lines = append(append(h.Lines, a.dels...), a.adds...)
	return h
}

// block is one contiguous run of changed lines, as a -U0 hunk.
type block struct {
	oldIdx, newIdx int
	dels, adds     []analyzer.Line
}

// blocks cuts a file's hunks at their context lines, so hunks with context
// (GitHub's patches) become the -U0 hunks git would have written.
func blocks(hunks []analyzer.Hunk) []block {
	var out []block
	for _, h := range hunks {
		oldPos, newPos := h.OldStart-1, h.NewStart-1
		if h.OldLines == 0 {
			oldPos = h.OldStart
		}
		if h.NewLines == 0 {
			newPos = h.NewStart
		}
		var cur *block
		for _, l := range h.Lines {
			if l.Op == analyzer.Context {
				cur = nil
				oldPos++
				newPos++
				continue
			}
			if cur == nil {
				out = append(out, block{oldIdx: oldPos, newIdx: newPos})
				cur = &out[len(out)-1]
			}
			if l.Op == analyzer.Delete {
				cur.dels = append(cur.dels, l)
				oldPos++
			} else {
				cur.adds = append(cur.adds, l)
				newPos++
			}
		}
	}
	return out
}

// run is a stretch of one side of a block inside one declaration.
type run struct {
	decl       string
	start, end int // indexes into the block's dels or adds
}

// runs groups n consecutive lines, starting at file line first, by the
// declaration each one belongs to.
func runs(n, first int, declAt func(int) string) []run {
	var out []run
	for i := 0; i < n; i++ {
		d := declAt(first + i)
		if len(out) > 0 && out[len(out)-1].decl == d {
			out[len(out)-1].end = i + 1
			continue
		}
		out = append(out, run{decl: d, start: i, end: i + 1})
	}
	return out
}

// cut splits a block into atoms at declaration boundaries. Deleted and
// added runs of the same declaration pair up into one atom (an edit);
// the others stand alone. Pieces stay in order on both sides, so each is
// a valid hunk on its own and any subset applies cleanly to the base.
func cut(b block, oldDecl, newDecl func(int) string) []atom {
	dr := runs(len(b.dels), b.oldIdx, oldDecl)
	ar := runs(len(b.adds), b.newIdx, newDecl)
	var out []atom
	oldPos, newPos := b.oldIdx, b.newIdx
	emit := func(d, a *run) {
		at := atom{oldIdx: oldPos, newIdx: newPos}
		if d != nil {
			at.dels, at.oldDecl = b.dels[d.start:d.end], d.decl
			oldPos += d.end - d.start
		}
		if a != nil {
			at.adds, at.newDecl = b.adds[a.start:a.end], a.decl
			newPos += a.end - a.start
		}
		at.decl = at.newDecl
		if a == nil {
			at.decl = at.oldDecl
		}
		out = append(out, at)
	}
	i, j := 0, 0
	for i < len(dr) && j < len(ar) {
		switch {
		case dr[i].decl == ar[j].decl:
			emit(&dr[i], &ar[j])
			i, j = i+1, j+1
		case declIn(ar[j].decl, dr[i+1:]):
			emit(&dr[i], nil) // the added run's declaration comes later
			i++
		case declIn(dr[i].decl, ar[j+1:]):
			emit(nil, &ar[j])
			j++
		default: // a declaration replaced by another: one edit
			emit(&dr[i], &ar[j])
			i, j = i+1, j+1
		}
	}
	for ; i < len(dr); i++ {
		emit(&dr[i], nil)
	}
	for ; j < len(ar); j++ {
		emit(nil, &ar[j])
	}
	return out
}

func declIn(decl string, rs []run) bool {
	for _, r := range rs {
		if r.decl == decl {
			return true
		}
	}
	return false
}
