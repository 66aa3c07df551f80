package split

import (
	"fmt"
	"math/rand"
	"sort"
	"strings"

	"github.com/mvcbot/mvc/analyzer"
)

// genChange builds a random change by construction: base files, edits as
// -U0 hunks (at least one unchanged line apart, as git writes them), and
// the head contents those edits produce. No diff algorithm is involved, so
// the test's expectation is independent of the code under test.
func genChange(r *rand.Rand) Input {
	in := Input{Base: map[string][]byte{}, Head: map[string][]byte{}}
	in.Change.Base, in.Change.Head = "base", "head"
	n := 1 + r.Intn(12)
	used := map[string]bool{}
	for i := 0; i < n; i++ {
		p := genPath(r)
		if used[p] {
			continue
		}
		used[p] = true
		if f, ok := genFile(r, p, &in); ok {
			in.Change.Files = append(in.Change.Files, f)
		}
	}
	sort.Slice(in.Change.Files, func(i, j int) bool { return in.Change.Files[i].Path < in.Change.Files[j].Path })
	return in
}

var genDirs = []string{"", "pkg/a/", "pkg/b/", "web/src/", "docs/", "tools/py/", "vendor/example.com/lib/"}
var genExts = []string{".go", "_test.go", ".ts", ".test.ts", ".py", ".md", ".txt", ".bin"}

func genPath(r *rand.Rand) string {
	return fmt.Sprintf("%sf%d%s", genDirs[r.Intn(len(genDirs))], r.Intn(6), genExts[r.Intn(len(genExts))])
}

// genFile makes one changed file: added, removed, modified, binary or
// mode-only; it reports false for a file that ended up unchanged.
func genFile(r *rand.Rand, p string, in *Input) (analyzer.FileChange, bool) {
	if strings.HasSuffix(p, ".bin") {
		in.Base[p], in.Head[p] = []byte{0, byte(r.Intn(9))}, []byte{0, 1, 2}
		return analyzer.FileChange{Path: p, Status: analyzer.Modified, Binary: true}, true
	}
	base := genLines(r, p, r.Intn(40))
	baseNL := r.Intn(5) > 0
	switch k := r.Intn(10); {
	case k == 0: // added
		return finish(p, analyzer.Added, nil, true, base, baseNL, in)
	case k == 1: // removed
		return finish(p, analyzer.Removed, base, baseNL, nil, true, in)
	case k == 2: // mode change only
		in.Base[p] = join(base, baseNL)
		in.Head[p] = in.Base[p]
		return analyzer.FileChange{Path: p, Status: analyzer.Modified}, true
	}
	head := editLines(r, p, base)
	headNL := baseNL
	if r.Intn(6) == 0 {
		headNL = !baseNL
	}
	return finish(p, analyzer.Modified, base, baseNL, head, headNL, in)
}

// finish records the contents and computes hunks from the edit script
// kept in genEdits.
func finish(p string, st analyzer.Status, base []string, baseNL bool, head []string, headNL bool, in *Input) (analyzer.FileChange, bool) {
	base, baseNL = settle(base, baseNL)
	head, headNL = settle(head, headNL)
	if st != analyzer.Added {
		in.Base[p] = join(base, baseNL)
	}
	if st != analyzer.Removed {
		in.Head[p] = join(head, headNL)
	}
	hunks := lcsHunks(base, baseNL, head, headNL)
	if st == analyzer.Modified && len(hunks) == 0 {
		return analyzer.FileChange{}, false
	}
	f := analyzer.FileChange{Path: p, Status: st, Hunks: hunks}
	for _, h := range hunks {
		f.Deletions += h.OldLines
		f.Additions += h.NewLines
	}
	return f, true
}

// settle makes a line list and its final-newline flag describe a real
// file: an empty last line without a newline would not exist.
func settle(lines []string, nl bool) ([]string, bool) {
	if len(lines) == 0 {
		return lines, true
	}
	if !nl && lines[len(lines)-1] == "" {
		lines = append(lines[:len(lines)-1:len(lines)-1], "end")
	}
	return lines, nl
}

func join(lines []string, nl bool) []byte {
	if len(lines) == 0 {
		return []byte{}
	}
	s := strings.Join(lines, "\n")
	if nl {
		s += "\n"
	}
	return []byte(s)
}

// genLines writes plausible source: declarations of the file's language
// with bodies, comments and blank lines, so declaration cutting runs.
func genLines(r *rand.Rand, p string, n int) []string {
	var out []string
	for len(out) < n {
		name := fmt.Sprintf("f%d", r.Intn(50))
		switch lang(p) {
		case langGo:
			out = append(out, "// "+name+" does things.", "func "+name+"() {", "\tcall(x"+name+")", "}", "")
		case langScript:
			out = append(out, "export function "+name+"() {", "  return `t${"+name+"}`", "}", "")
		case langPython:
			out = append(out, "def "+name+"():", "    \"\"\"doc", "    \"\"\"", "    return 1", "")
		default:
			// Text files mix in CRLF line ends, which the diff keeps as a
			// trailing \r on the line.
			eol := ""
			if r.Intn(3) == 0 {
				eol = "\r"
			}
			out = append(out, "line "+name+eol, eol)
		}
	}
	return out[:n]
}

// editLines replaces, inserts and deletes random stretches of lines.
func editLines(r *rand.Rand, p string, base []string) []string {
	head := append([]string(nil), base...)
	for e := r.Intn(5); e >= 0; e-- {
		at := r.Intn(len(head) + 1)
		del := min(r.Intn(4), len(head)-at)
		ins := genLines(r, p, r.Intn(6))
		if r.Intn(4) == 0 && at < len(head) { // a whitespace-only edit
			ins = []string{"  " + head[at]}
			del = 1
		}
		head = append(head[:at], append(ins, head[at+del:]...)...)
	}
	return head
}

// lcsHunks diffs two line lists with a plain longest-common-subsequence
// table and returns -U0 hunks. A last line without a newline differs from
// the same text with one, as in git.
func lcsHunks(base []string, baseNL bool, head []string, headNL bool) []analyzer.Hunk {
	key := func(lines []string, nl bool, i int) string {
		if i == len(lines)-1 && !nl {
			return lines[i] + "\x00"
		}
		return lines[i]
	}
	n, m := len(base), len(head)
	t := make([][]int, n+1)
	for i := range t {
		t[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if key(base, baseNL, i) == key(head, headNL, j) {
				t[i][j] = t[i+1][j+1] + 1
			} else {
				t[i][j] = max(t[i+1][j], t[i][j+1])
			}
		}
	}
	var hunks []analyzer.Hunk
	var cur *analyzer.Hunk
	line := func(op analyzer.Op, lines []string, nl bool, i int) analyzer.Line {
		return analyzer.Line{Op: op, Text: lines[i], NoNewline: i == len(lines)-1 && !nl}
	}
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && key(base, baseNL, i) == key(head, headNL, j):
			cur = nil
			i, j = i+1, j+1
			continue
		case cur == nil:
			hunks = append(hunks, analyzer.Hunk{OldStart: i, NewStart: j})
			cur = &hunks[len(hunks)-1]
		}
		if i < n && (j >= m || t[i+1][j] >= t[i][j+1]) {
			cur.Lines = append(cur.Lines, line(analyzer.Delete, base, baseNL, i))
			cur.OldLines++
			i++
		} else {
			cur.Lines = append(cur.Lines, line(analyzer.Add, head, headNL, j))
			cur.NewLines++
			j++
		}
	}
	for k := range hunks {
		h := &hunks[k]
		sort.SliceStable(h.Lines, func(a, b int) bool { return h.Lines[a].Op == analyzer.Delete && h.Lines[b].Op == analyzer.Add })
		if h.OldLines > 0 {
			h.OldStart++
		}
		if h.NewLines > 0 {
			h.NewStart++
		}
	}
	return hunks
}
