package patch

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/mvcbot/mvc/analyzer"
)

// noNewline is the marker line git writes after a line that has no
// newline at the end of the file.
const noNewline = `\ No newline at end of file`

// ParseHunks parses the hunks of one file's patch, as GitHub's API returns
// it in a pull request file's "patch" field: "@@" headers and their bodies,
// with or without context lines. Text before the first hunk is an error.
func ParseHunks(patch string) ([]analyzer.Hunk, error) {
	lines := splitLines(patch)
	var hunks []analyzer.Hunk
	for i := 0; i < len(lines); {
		if !strings.HasPrefix(lines[i], "@@ ") {
			return nil, fmt.Errorf("patch line %d: want a hunk header \"@@ -a,b +c,d @@\", got %q", i+1, clip(lines[i]))
		}
		h, next, err := parseHunk(lines, i)
		if err != nil {
			return nil, err
		}
		hunks = append(hunks, h)
		i = next
	}
	return hunks, nil
}

// parseHunk reads the hunk whose header is lines[at] and returns it with
// the index of the first line after its body.
func parseHunk(lines []string, at int) (analyzer.Hunk, int, error) {
	h, err := parseHunkHeader(lines[at])
	if err != nil {
		return h, 0, fmt.Errorf("patch line %d: %w", at+1, err)
	}
	oldLeft, newLeft := h.OldLines, h.NewLines
	i := at + 1
	for ; i < len(lines) && (oldLeft > 0 || newLeft > 0 || isNoNewline(lines[i])); i++ {
		line := lines[i]
		if isNoNewline(line) {
			if len(h.Lines) == 0 {
				return h, 0, fmt.Errorf("patch line %d: %q before any line", i+1, noNewline)
			}
			h.Lines[len(h.Lines)-1].NoNewline = true
			continue
		}
		op, text := bodyLine(line)
		switch op {
		case analyzer.Context:
			oldLeft--
			newLeft--
		case analyzer.Delete:
			oldLeft--
		case analyzer.Add:
			newLeft--
		default:
			return h, 0, fmt.Errorf("patch line %d: %q is not a hunk body line (' ', '+' or '-')", i+1, clip(line))
		}
		if oldLeft < 0 || newLeft < 0 {
			return h, 0, fmt.Errorf("patch line %d: hunk %s has more lines than its header says", i+1, headerText(h))
		}
		h.Lines = append(h.Lines, analyzer.Line{Op: op, Text: text})
	}
	if oldLeft > 0 || newLeft > 0 {
		return h, 0, fmt.Errorf("patch line %d: hunk %s ends early: %d old and %d new lines missing", i+1, headerText(h), oldLeft, newLeft)
	}
	return h, i, nil
}

// bodyLine splits a hunk body line into its kind and text. An empty line
// counts as empty context: some tools strip the lone space git writes.
func bodyLine(line string) (analyzer.Op, string) {
	if line == "" {
		return analyzer.Context, ""
	}
	switch op := analyzer.Op(line[0]); op {
	case analyzer.Context, analyzer.Add, analyzer.Delete:
		return op, line[1:]
	}
	return 0, ""
}

func isNoNewline(line string) bool { return strings.HasPrefix(line, `\ `) }

// parseHunkHeader reads "@@ -a[,b] +c[,d] @@ [section]".
func parseHunkHeader(line string) (analyzer.Hunk, error) {
	var h analyzer.Hunk
	fields := strings.Fields(line)
	if len(fields) < 4 || fields[0] != "@@" || fields[3] != "@@" {
		return h, fmt.Errorf("malformed hunk header %q", clip(line))
	}
	var err error
	if h.OldStart, h.OldLines, err = parseRange(fields[1], '-'); err != nil {
		return h, fmt.Errorf("hunk header %q: %w", clip(line), err)
	}
	if h.NewStart, h.NewLines, err = parseRange(fields[2], '+'); err != nil {
		return h, fmt.Errorf("hunk header %q: %w", clip(line), err)
	}
	return h, nil
}

// parseRange reads "-a,b" or "-a" (a count of one) after its sign.
func parseRange(s string, sign byte) (start, count int, err error) {
	if len(s) < 2 || s[0] != sign {
		return 0, 0, fmt.Errorf("range %q must start with %q", s, sign)
	}
	startText, countText, hasCount := strings.Cut(s[1:], ",")
	count = 1
	if start, err = strconv.Atoi(startText); err == nil && hasCount {
		count, err = strconv.Atoi(countText)
	}
	if err != nil || start < 0 || count < 0 {
		return 0, 0, fmt.Errorf("range %q is not two non-negative numbers", s)
	}
	return start, count, nil
}

func headerText(h analyzer.Hunk) string {
	return fmt.Sprintf("@@ -%d,%d +%d,%d @@", h.OldStart, h.OldLines, h.NewStart, h.NewLines)
}

// splitLines splits s at '\n' only, so a '\r' stays part of its line's
// text and files with CRLF endings round-trip exactly.
func splitLines(s string) []string {
	s = strings.TrimSuffix(s, "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// clip shortens a line quoted in an error message.
func clip(s string) string {
	if len(s) > 60 {
		return s[:57] + "..."
	}
	return s
}
