package issues

import (
	"regexp"
	"strings"
)

// ParseTasks returns the task-list items of a Markdown body, in order:
// "- [ ] text", "* [x] text", "+ [X] text", "1. [ ] text" and "1) [ ] text",
// at any indentation (nested items are items too). Items inside code
// blocks, HTML comments and quotes are not this issue's tasks. Ref is the
// first issue of this repository the item names (see references), 0 if
// none.
func ParseTasks(body string) []Task {
	items := parseItems(body, "")
	if len(items) == 0 {
		return nil
	}
	tasks := make([]Task, len(items))
	for i, it := range items {
		tasks[i] = it.Task
	}
	return tasks
}

// item is a task with where it sits in the body, which the breakdown uses
// to keep related work together.
type item struct {
	Task
	Heading string // the Markdown heading above it, "" if none
	Root    int    // index of the top-level item it is nested under, its own at top level
}

var (
	taskLine    = regexp.MustCompile(`^([ \t]*)(?:[-*+]|\d{1,9}[.)])[ \t]+\[([ xX])\][ \t]+(\S.*)$`)
	headingLine = regexp.MustCompile(`^ {0,3}#{1,6}[ \t]+(.*?)[ \t#]*$`)
)

// parseItems reads the task list of body in repository repo ("owner/name",
// "" when not known).
func parseItems(body, repo string) []item {
	var items []item
	var open []nesting // the items that can still take nested ones
	heading := ""
	for _, line := range proseLines(body) {
		if !mayBeItemOrHeading(line.Text) {
			continue
		}
		if m := headingLine.FindStringSubmatch(line.Text); m != nil {
			heading, open = m[1], nil
			continue
		}
		m := taskLine.FindStringSubmatchIndex(line.Text)
		if m == nil {
			continue
		}
		indent := width(line.Text[m[2]:m[3]])
		for len(open) > 0 && open[len(open)-1].indent >= indent {
			open = open[:len(open)-1]
		}
		it := item{Task: Task{Text: strings.TrimSpace(line.Text[m[6]:]), Done: line.Text[m[4]] != ' '}, Heading: heading, Root: len(items)}
		if len(open) > 0 {
			it.Root = open[0].index
		}
		it.Ref = firstLocalRef(line.Words[m[6]:], repo)
		open = append(open, nesting{index: len(items), indent: indent})
		items = append(items, it)
	}
	return items
}

// mayBeItemOrHeading is a quick test, before the regular expressions, that
// line starts like a list item or a heading.
func mayBeItemOrHeading(line string) bool {
	t := strings.TrimLeft(line, " \t")
	return t != "" && strings.ContainsRune("-*+#0123456789", rune(t[0]))
}

type nesting struct{ index, indent int }

// width is the indentation of a line in columns, a tab counting as four
// as CommonMark's tab stops do.
func width(indent string) int {
	n := 0
	for _, c := range indent {
		if c == '\t' {
			n += 4 - n%4
		} else {
			n++
		}
	}
	return n
}

func firstLocalRef(text, repo string) int {
	for _, r := range references(text, repo) {
		if r.Number > 0 {
			return r.Number
		}
	}
	return 0
}
