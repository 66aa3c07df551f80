package patch

import (
	"bytes"
	"fmt"
	"sort"

	"github.com/mvcbot/mvc/analyzer"
)

// Apply applies hunks to content and returns the result. The hunks' old
// coordinates refer to content; they may come in any order but must not
// overlap. Insertions at the same place go in the order of their new
// coordinates, so any subset of a diff's hunks, or of finer pieces cut
// from them, applies as it would in the full diff. Context and deleted lines must match content exactly, including
// a missing newline at the end, or Apply fails naming the line: that is
// how callers prove a split still reproduces the head byte for byte.
func Apply(content []byte, hunks []analyzer.Hunk) ([]byte, error) {
	base := toLines(content)
	sorted := append([]analyzer.Hunk(nil), hunks...)
	sort.SliceStable(sorted, func(i, j int) bool {
		si, sj := hunkStart(sorted[i]), hunkStart(sorted[j])
		if si != sj {
			return si < sj
		}
		return newStart(sorted[i]) < newStart(sorted[j])
	})
	var out bytes.Buffer
	next := 0 // index of the first base line not yet copied
	for _, h := range sorted {
		start := hunkStart(h)
		if start < next || start > len(base) {
			return nil, fmt.Errorf("hunk %s does not fit: it starts at line %d of %d, after line %d was already used", headerText(h), start+1, len(base), next)
		}
		for ; next < start; next++ {
			base[next].write(&out)
		}
		var err error
		if next, err = applyHunk(&out, base, next, h); err != nil {
			return nil, err
		}
	}
	for ; next < len(base); next++ {
		base[next].write(&out)
	}
	return out.Bytes(), nil
}

// hunkStart is the 0-based index of the first base line a hunk touches; a
// hunk without old lines inserts after line OldStart.
func hunkStart(h analyzer.Hunk) int {
	if h.OldLines == 0 {
		return h.OldStart
	}
	return h.OldStart - 1
}

// newStart is hunkStart for the new side: the head lines before the hunk.
func newStart(h analyzer.Hunk) int {
	if h.NewLines == 0 {
		return h.NewStart
	}
	return h.NewStart - 1
}

func applyHunk(out *bytes.Buffer, base []line, next int, h analyzer.Hunk) (int, error) {
	for _, l := range h.Lines {
		if l.Op == analyzer.Add {
			line{text: l.Text, newline: !l.NoNewline}.write(out)
			continue
		}
		if next >= len(base) || base[next].text != l.Text || base[next].newline == l.NoNewline {
			return 0, fmt.Errorf("hunk %s: line %d does not match the content", headerText(h), next+1)
		}
		if l.Op == analyzer.Context {
			base[next].write(out)
		}
		next++
	}
	return next, nil
}

type line struct {
	text    string
	newline bool
}

func (l line) write(out *bytes.Buffer) {
	out.WriteString(l.text)
	if l.newline {
		out.WriteByte('\n')
	}
}

// toLines splits content into lines, remembering whether the last one
// ends with a newline.
func toLines(content []byte) []line {
	var lines []line
	for len(content) > 0 {
		i := bytes.IndexByte(content, '\n')
		if i < 0 {
			lines = append(lines, line{text: string(content)})
			break
		}
		lines = append(lines, line{text: string(content[:i]), newline: true})
		content = content[i+1:]
	}
	return lines
}
