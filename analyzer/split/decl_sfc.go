package split

import (
	"bytes"
	"strings"
)

// sfcSegments finds the declarations of a single-file component (.vue,
// .svelte, .astro): its script is cut like TypeScript, and the markup
// and styles around it are sections of their own. An Astro component's
// script is its front matter, between two --- lines at the top.
func sfcSegments(src []byte, astro bool) []segment {
	lines := bytes.Split(src, []byte{'\n'})
	var segs []segment
	section := func(start int, key string) {
		segs = append(segs, segment{start: start, end: start + 1, key: key})
	}
	script := func(from, to int) { // lines [from, to) are script
		if from >= to {
			return
		}
		// Component scripts are often indented a level: scan them as if
		// they were not, so top-level statements start in column 0.
		body := bytes.Join(dedent(lines[from:to]), []byte{'\n'})
		for _, s := range scriptSegments(body) {
			s.start += from
			s.end = min(s.end+from, to)
			s.key = "script." + s.key
			segs = append(segs, s)
		}
	}
	if astro {
		if len(lines) > 0 && strings.TrimSpace(string(lines[0])) == "---" {
			for i := 1; i < len(lines); i++ {
				if strings.TrimSpace(string(lines[i])) == "---" {
					section(0, "frontmatter")
					script(1, i)
					section(i, "template")
					return closeSegments(segs, len(lines))
				}
			}
		}
		section(0, "template")
		return closeSegments(segs, len(lines))
	}
	inMarkup := false // markup since the last script or style block
	for i := 0; i < len(lines); i++ {
		t := strings.TrimSpace(string(lines[i]))
		switch {
		case hasTagStart(t, "script"):
			section(i, "script")
			end := i
			for end < len(lines) && !strings.Contains(string(lines[end]), "</script>") {
				end++
			}
			if end > i && !strings.Contains(t, "</script>") {
				script(i+1, min(end, len(lines)))
			}
			i, inMarkup = end, false
		case hasTagStart(t, "style"):
			section(i, "style")
			for i < len(lines) && !strings.Contains(string(lines[i]), "</style>") {
				i++
			}
			inMarkup = false
		case t != "" && !inMarkup:
			section(i, "markup")
			inMarkup = true
		}
	}
	return closeSegments(segs, len(lines))
}

// hasTagStart reports whether t opens the element: <script>, <script lang="ts">.
func hasTagStart(t, tag string) bool {
	rest, ok := strings.CutPrefix(t, "<"+tag)
	return ok && (rest == "" || rest[0] == '>' || rest[0] == ' ' || rest[0] == '\t')
}

// closeSegments makes each segment run to the next one's start (a
// section's body follows its opening tag), and the last to the file's end.
func closeSegments(segs []segment, lines int) []segment {
	for i := range segs {
		if i+1 < len(segs) && segs[i+1].start > segs[i].end {
			segs[i].end = segs[i+1].start
		}
	}
	if n := len(segs); n > 0 && segs[n-1].end < lines {
		segs[n-1].end = lines
	}
	return segs
}

// dedent removes the indentation all non-blank lines share.
func dedent(lines [][]byte) [][]byte {
	var common []byte
	first := true
	for _, l := range lines {
		if len(bytes.TrimSpace(l)) == 0 {
			continue
		}
		indent := l[:len(l)-len(bytes.TrimLeft(l, " \t"))]
		if first {
			common, first = indent, false
			continue
		}
		n := 0
		for n < len(common) && n < len(indent) && common[n] == indent[n] {
			n++
		}
		common = common[:n]
	}
	if len(common) == 0 {
		return lines
	}
	out := make([][]byte, len(lines))
	for i, l := range lines {
		out[i] = bytes.TrimPrefix(l, common)
	}
	return out
}
