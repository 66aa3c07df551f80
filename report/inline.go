package report

import "strings"

// Text given to blocks is GitHub-flavoured Markdown inline text: **bold**
// and `code` spans. Names that come from users (paths, titles, refs,
// labels) go through code or mdText on their way in, so a file named
// "<script>x.md" or "a`b.txt" shows as itself in Markdown and in text.

// code returns s as a Markdown code span that holds it verbatim: the
// fence is one backtick longer than any run of backticks in s, padded by
// a space when s begins or ends with one, and a line break (legal in a
// file name) shows as a space, since a span cannot hold one.
func code(s string) string {
	s = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
	longest, run := 0, 0
	for _, r := range s {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		s = " " + s + " "
	}
	return fence + s + fence
}

// mdText escapes the characters Markdown would read as HTML ("<" and "&")
// or as emphasis ("_" and "*": Python's __init__ rendered as a bold
// "init") in text outside its code spans, so a title written with `code`
// keeps it.
func mdText(s string) string {
	var b strings.Builder
	forSpans(s, func(raw, text string, isCode bool) {
		if isCode {
			b.WriteString(raw)
		} else {
			b.WriteString(htmlEscaper.Replace(text))
		}
	})
	return b.String()
}

var (
	htmlEscaper   = strings.NewReplacer("&", "&amp;", "<", "&lt;", "_", "\\_", "*", "\\*")
	htmlUnescaper = strings.NewReplacer("&amp;", "&", "&lt;", "<", "\\_", "_", "\\*", "*")
	boldMarkup    = strings.NewReplacer("**", "")
)

// plain turns inline Markdown into text for a terminal: a code span's
// content as it is, bold markers dropped and escapes undone elsewhere.
func plain(s string) string {
	var b strings.Builder
	forSpans(s, func(_, text string, isCode bool) {
		if isCode {
			if len(text) > 2 && text[0] == ' ' && text[len(text)-1] == ' ' && strings.Trim(text, " ") != "" {
				text = text[1 : len(text)-1]
			}
			b.WriteString(text)
		} else {
			b.WriteString(htmlUnescaper.Replace(boldMarkup.Replace(text)))
		}
	})
	return b.String()
}

// forSpans calls f on the runs of s outside and inside code spans, in
// order: raw as written, text without a span's fences. A span opens with a run of
// backticks and closes with the next run of the same length, as CommonMark
// has it; a run that no run closes is text.
func forSpans(s string, f func(raw, text string, isCode bool)) {
	start := 0 // where the pending text began
	for i := 0; i < len(s); {
		if s[i] != '`' {
			i++
			continue
		}
		n := backticks(s[i:])
		end := closingRun(s, i+n, n)
		if end < 0 {
			i += n
			continue
		}
		if start < i {
			f(s[start:i], s[start:i], false)
		}
		f(s[i:end+n], s[i+n:end], true)
		i = end + n
		start = i
	}
	if start < len(s) {
		f(s[start:], s[start:], false)
	}
}

func backticks(s string) int {
	n := 0
	for n < len(s) && s[n] == '`' {
		n++
	}
	return n
}

// closingRun finds, from i on, a run of exactly n backticks.
func closingRun(s string, i, n int) int {
	for i < len(s) {
		if s[i] != '`' {
			i++
			continue
		}
		m := backticks(s[i:])
		if m == n {
			return i
		}
		i += m
	}
	return -1
}
