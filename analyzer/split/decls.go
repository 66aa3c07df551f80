package split

import (
	"bytes"
	"path"
	"sort"
	"strings"
)

// segment is a declaration's extent in a file: lines [start, end), 0-based.
// key identifies the declaration on both sides of the change (a function
// keeps its key when its body changes); name is the identifier other code
// would use to mention it ("" when it has none).
type segment struct {
	start, end int
	key, name  string
}

// declIndex answers which declaration a line of one file belongs to.
type declIndex struct {
	segs []segment // sorted, non-overlapping
}

// at returns the key of the declaration holding line i ("" if none).
func (d declIndex) at(i int) string {
	if s := d.segment(i); s != nil {
		return s.key
	}
	return ""
}

func (d declIndex) segment(i int) *segment {
	k := sort.Search(len(d.segs), func(k int) bool { return d.segs[k].end > i })
	if k < len(d.segs) && d.segs[k].start <= i {
		return &d.segs[k]
	}
	return nil
}

// names maps declaration keys to the identifiers they define.
func (d declIndex) names() map[string]string {
	m := make(map[string]string, len(d.segs))
	for _, s := range d.segs {
		if s.name != "" {
			m[s.key] = s.name
		}
	}
	return m
}

// indexFile finds the declarations of a file by its language. Languages
// without a scanner get no declarations: their hunks stay whole.
func indexFile(p string, content []byte) declIndex {
	if content == nil || len(content) > maxScanBytes {
		return declIndex{}
	}
	var segs []segment
	switch lang(p) {
	case langGo:
		segs = goSegments(content)
	case langScript:
		segs = scriptSegments(content)
	case langPython:
		segs = pythonSegments(content)
	case langBrace:
		segs = braceSegments(content, path.Ext(p))
	case langRuby:
		segs = rubySegments(content)
	case langComponent:
		segs = sfcSegments(content, path.Ext(p) == ".astro")
	}
	return declIndex{segs: fillGaps(segs, countLines(content))}
}

// maxScanBytes skips declaration scanning of huge files (generated
// bundles): their hunks stay whole, and the split stays fast.
const maxScanBytes = 1 << 20

type language int

const (
	langOther language = iota
	langGo
	langScript
	langPython
	langBrace // the C family: Rust, Java, Kotlin, C#, Swift, Scala, Dart, C, C++, PHP
	langRuby
	langComponent // single-file components: Vue, Svelte, Astro
)

func lang(p string) language {
	switch strings.ToLower(path.Ext(p)) {
	case ".go":
		return langGo
	case ".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts":
		return langScript
	case ".py", ".pyi":
		return langPython
	case ".rs", ".java", ".kt", ".kts", ".cs", ".swift", ".scala", ".dart",
		".c", ".h", ".cc", ".cpp", ".cxx", ".hpp", ".hh", ".hxx", ".php":
		return langBrace
	case ".rb", ".rake", ".gemspec", ".ru":
		return langRuby
	case ".vue", ".svelte", ".astro":
		return langComponent
	}
	return langOther
}

// fillGaps gives the lines between declarations (blank lines, comments
// above a declaration) to the declaration that follows, and the lines after
// the last one to it. Nested segments (methods) must come sorted by start
// and not overlap: scanners emit them flattened.
func fillGaps(segs []segment, lines int) []segment {
	if len(segs) == 0 {
		return nil
	}
	sort.SliceStable(segs, func(i, j int) bool { return segs[i].start < segs[j].start })
	out := make([]segment, 0, len(segs))
	prevEnd := 0
	for _, s := range segs {
		if s.start < prevEnd {
			s.start = prevEnd
		}
		if s.end <= s.start {
			continue
		}
		s.start = prevEnd
		out = append(out, s)
		prevEnd = s.end
	}
	if last := &out[len(out)-1]; last.end < lines {
		last.end = lines
	}
	return out
}

func countLines(content []byte) int {
	n := bytes.Count(content, []byte{'\n'})
	if len(content) > 0 && content[len(content)-1] != '\n' {
		n++
	}
	return n
}

// importKey starts the key of one import among several in a block; a
// lone import or a block the scanner cannot cut is keyed "import".
const importKey = "import "

// isImport says whether a declaration key is an import.
func isImport(key string) bool {
	key = strings.TrimPrefix(key, "script.") // a component's script block
	return key == "import" || strings.HasPrefix(key, importKey)
}
