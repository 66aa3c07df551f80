package issues

import (
	"regexp"
	"strings"
)

// proseLines returns the lines of a Markdown body that are the author's own
// words: lines inside fenced code blocks (``` and ~~~), inside HTML
// comments and quoted lines ("> ") are left out, because "blocked by #3"
// in a pasted log, a hidden template hint or someone else's quoted words
// says nothing about this issue. Issue templates put their hints in HTML
// comments, which is why those matter most.
func proseLines(body string) []proseLine {
	var lines []proseLine
	var fence string // the opening fence while inside a code block
	inComment := false
	for _, line := range strings.Split(strings.ReplaceAll(body, "\r\n", "\n"), "\n") {
		if fence != "" {
			if closesFence(line, fence) {
				fence = ""
			}
			continue
		}
		line, inComment = dropComments(line, inComment)
		if f := opensFence(line); f != "" {
			fence = f
			continue
		}
		if strings.HasPrefix(strings.TrimLeft(line, " \t"), ">") {
			continue
		}
		words := line
		if strings.Contains(line, "`") {
			words = codeSpan.ReplaceAllStringFunc(line, blank)
		}
		lines = append(lines, proseLine{Text: line, Words: words})
	}
	return lines
}

// proseLine is one line of prose. Words is Text with its code spans
// blanked, byte for byte, so that offsets found in Words hold in Text:
// references are looked for in Words, and quoted from Text.
type proseLine struct{ Text, Words string }

var codeSpan = regexp.MustCompile("`[^`]*`")

func blank(s string) string { return strings.Repeat(" ", len(s)) }

// opensFence returns the fence a line opens (three or more backticks or
// tildes, at any indentation so that fences inside list items count), or "".
func opensFence(line string) string {
	t := strings.TrimLeft(line, " \t")
	for _, c := range []string{"`", "~"} {
		if strings.HasPrefix(t, c+c+c) {
			return c + strings.Repeat(c, len(t)-len(strings.TrimLeft(t, c))-1)
		}
	}
	return ""
}

// closesFence reports whether line closes a block opened by fence: the
// same character, at least as many, and nothing else on the line.
func closesFence(line, fence string) bool {
	t := strings.TrimSpace(line)
	return strings.HasPrefix(t, fence) && strings.Trim(t, fence[:1]) == ""
}

// dropComments removes the parts of line inside HTML comments, given
// whether a comment was open at its start, and says whether one is open at
// its end.
func dropComments(line string, inComment bool) (string, bool) {
	var kept strings.Builder
	for {
		if inComment {
			end := strings.Index(line, "-->")
			if end < 0 {
				return kept.String(), true
			}
			line, inComment = line[end+len("-->"):], false
			continue
		}
		start := strings.Index(line, "<!--")
		if start < 0 {
			kept.WriteString(line)
			return kept.String(), false
		}
		kept.WriteString(line[:start])
		line, inComment = line[start+len("<!--"):], true
	}
}
