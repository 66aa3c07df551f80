package split

import (
	"fmt"
	"path"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/mvcbot/mvc/analyzer"
	"github.com/mvcbot/mvc/analyzer/size"
)

// fileInfo is one changed file with what the splitter derived from it.
type fileInfo struct {
	analyzer.FileChange
	class      size.Class
	addW, delW float64 // weight of one added and one deleted line
	reviewable bool
	dir        string
	lang       language
	atoms      []int // indexes into work.atoms, in file order
	// oldNames and newNames map declaration keys to their identifiers.
	oldNames, newNames map[string]string
	idents             idSet // every identifier its atoms mention
	text               idSet // every identifier of its head (or base) content
}

// work is the state of one split.
type work struct {
	in    Input
	files []fileInfo
	atoms []*atom
	moves []move    // files moved or renamed, as git's rename detection would pair them
	names interner  // identifiers, numbered
	idf   []float64 // inverse frequency of each identifier among atoms
	// arriving and leaving hold the names (interned, "-" marking those
	// that leave) the change brings in or retires, however many atoms
	// mention them: what orders a use after its new declaration, or a
	// declaration's removal after its last uses.
	arriving map[string]bool
	// baseLogit and base are the log-odds and probability that two lines
	// with no evidence between them belong together, in this change.
	baseLogit, base float64
	// shownLines holds, for each half of a move or rename, the changed
	// lines git shows for it once it pairs the two: none for a move, the
	// differing lines for a renamed and edited file. A part counts those,
	// not every line of both halves.
	shownLines map[int]int
}

// prepare classifies and weighs the files and cuts them into atoms.
func prepare(in Input) (*work, error) {
	w := &work{in: in, files: make([]fileInfo, len(in.Change.Files))}
	cl := size.NewClassifier(in.Change, in.Policy)
	weights := FileWeights(in)
	blockID := 0
	for i, f := range in.Change.Files {
		if err := checkHunks(f); err != nil {
			return nil, err
		}
		fi := &w.files[i]
		fi.FileChange = f
		fi.class = cl.Classify(f).Class
		fi.addW, fi.delW, fi.reviewable = weights[i].Add, weights[i].Delete, weights[i].Reviewable
		fi.dir = path.Dir(f.Path)
		fi.lang = lang(f.Path)
	}
	indexes := w.indexAll()
	for i := range w.files {
		w.cutFile(i, &blockID, indexes[i])
	}
	return w, nil
}

// cutFile turns one file's hunks into atoms: whole when the file has no
// lines to cut, else each hunk cut at declaration boundaries.
func (w *work) cutFile(i int, blockID *int, idx sides) {
	f := &w.files[i]
	bs := blocks(f.Hunks)
	if len(bs) == 0 || f.Binary {
		w.addAtom(i, atom{whole: true, block: *blockID})
		*blockID++
		return
	}
	oldIdx, newIdx := idx.old, idx.new
	f.oldNames, f.newNames = oldIdx.names(), newIdx.names()
	for _, b := range bs {
		for _, a := range cut(b, oldIdx.at, newIdx.at) {
			for _, piece := range splitImportSwap(f.lang, f.Path, a) {
				piece.block = *blockID
				w.addAtom(i, piece)
			}
		}
		*blockID++
	}
}

func (w *work) addAtom(file int, a atom) {
	a.id, a.file = len(w.atoms), file
	w.atoms = append(w.atoms, &a)
	w.files[file].atoms = append(w.files[file].atoms, a.id)
}

// sides are a file's declarations in the base and in the head.
type sides struct{ old, new declIndex }

// indexAll finds every file's declarations, parsing files in parallel:
// parsing is most of a large split's time and files are independent.
func (w *work) indexAll() []sides {
	out := make([]sides, len(w.files))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < len(w.files); i = int(next.Add(1) - 1) {
				f := &w.files[i]
				if f.Binary || len(f.Hunks) == 0 {
					continue
				}
				out[i].old = indexFile(f.Path, w.content(w.in.Base, f, analyzer.Delete))
				out[i].new = indexFile(f.Path, w.content(w.in.Head, f, analyzer.Add))
			}
		}()
	}
	wg.Wait()
	return out
}

// content returns a file's text on one side: from the adapter's contents,
// or, for an added or removed file, rebuilt from its only hunk.
func (w *work) content(side map[string][]byte, f *fileInfo, op analyzer.Op) []byte {
	if c, ok := side[f.Path]; ok {
		return c
	}
	whole := (op == analyzer.Add && f.Status == analyzer.Added) || (op == analyzer.Delete && f.Status == analyzer.Removed)
	if !whole {
		return nil
	}
	var b []byte
	for _, h := range f.Hunks {
		for _, l := range h.Lines {
			if l.Op == op {
				b = append(append(b, l.Text...), '\n')
			}
		}
	}
	return b
}

// FileWeights returns how each file of the change counts toward the
// budget: the weight of one added and one deleted line and whether it is
// a reviewable file, by the policy's classification, as parts are
// measured. Tools that score other groupings of the same lines (the split
// benchmark's baselines) measure them with it.
func FileWeights(in Input) []FileWeight {
	cl := size.NewClassifier(in.Change, in.Policy)
	out := make([]FileWeight, len(in.Change.Files))
	for i, f := range in.Change.Files {
		c := cl.Classify(f).Class
		add := in.Policy.Weights.Of(c)
		out[i] = FileWeight{Add: add, Delete: add * in.Policy.Weights.Deletion, Reviewable: c.Reviewable()}
	}
	return out
}

// FileWeight is how one file's changed lines count toward the budget.
type FileWeight struct {
	Add, Delete float64
	Reviewable  bool
}

// checkHunks refuses hunks whose bodies disagree with their headers, the
// sign of a truncated or hand-edited patch, before they mislead the cut.
func checkHunks(f analyzer.FileChange) error {
	for _, h := range f.Hunks {
		var old, new int
		for _, l := range h.Lines {
			switch l.Op {
			case analyzer.Context:
				old, new = old+1, new+1
			case analyzer.Delete:
				old++
			case analyzer.Add:
				new++
			default:
				return fmt.Errorf("file %s: hunk at line %d has a line of unknown kind %q", f.Path, h.OldStart, l.Op)
			}
		}
		if old != h.OldLines || new != h.NewLines {
			return fmt.Errorf("file %s: hunk -%d,%d +%d,%d has %d old and %d new lines in its body: the patch is truncated or damaged",
				f.Path, h.OldStart, h.OldLines, h.NewStart, h.NewLines, old, new)
		}
	}
	return nil
}
