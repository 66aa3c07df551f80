package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// Text renders d for a terminal: aligned tables, no Markdown syntax.
func Text(d Doc) string {
	var b strings.Builder
	writeText(&b, d, "")
	return strings.TrimRight(b.String(), "\n") + "\n"
}

func writeText(b *strings.Builder, d Doc, indent string) {
	for _, blk := range d.Blocks {
		switch v := blk.(type) {
		case Marker:
		case Heading:
			t := plain(v.Text)
			fmt.Fprintf(b, "%s%s\n", indent, t)
			if v.Level <= 2 {
				fmt.Fprintf(b, "%s%s\n", indent, strings.Repeat("=", displayWidth(t)))
			}
			b.WriteString("\n")
		case Paragraph:
			for _, line := range strings.Split(plain(v.Text), "\n") {
				fmt.Fprintf(b, "%s%s\n", indent, line)
			}
			b.WriteString("\n")
		case List:
			for i, it := range v.Items {
				bullet := "-"
				if v.Ordered {
					bullet = strconv.Itoa(i+1) + "."
				}
				fmt.Fprintf(b, "%s%s %s\n", indent, bullet, plain(it))
			}
			b.WriteString("\n")
		case Table:
			writeTextTable(b, v, indent)
		case Details:
			fmt.Fprintf(b, "%s%s:\n", indent, plain(v.Summary))
			writeText(b, v.Body, indent+"  ")
		case Code:
			for _, line := range strings.Split(strings.TrimRight(v.Text, "\n"), "\n") {
				fmt.Fprintf(b, "%s  %s\n", indent, line)
			}
			b.WriteString("\n")
		case Chart:
			writeTextChart(b, v, indent)
		}
	}
}

// maxCellWidth bounds a text table's cell: a long renamed path would
// otherwise push every row past any terminal's width.
const maxCellWidth = 72

func writeTextTable(b *strings.Builder, t Table, indent string) {
	widths := make([]int, len(t.Header))
	cells := make([][]string, 0, len(t.Rows)+1)
	for _, r := range append([][]string{t.Header}, t.Rows...) {
		row := make([]string, len(r))
		for i := range r {
			row[i] = shortenPath(plain(r[i]), maxCellWidth)
		}
		cells = append(cells, row)
	}
	for _, r := range cells {
		for i := range widths {
			if i < len(r) {
				widths[i] = max(widths[i], displayWidth(r[i]))
			}
		}
	}
	for ri, r := range cells {
		var line strings.Builder
		for i, w := range widths {
			cell := ""
			if i < len(r) {
				cell = r[i]
			}
			pad := strings.Repeat(" ", w-displayWidth(cell))
			if i > 0 {
				line.WriteString("  ")
			}
			if alignOf(t, i) == Right {
				line.WriteString(pad + cell)
			} else {
				line.WriteString(cell + pad)
			}
		}
		fmt.Fprintf(b, "%s%s\n", indent, strings.TrimRight(line.String(), " "))
		if ri == 0 {
			total := 0
			for _, w := range widths {
				total += w
			}
			fmt.Fprintf(b, "%s%s\n", indent, strings.Repeat("-", total+2*(len(widths)-1)))
		}
	}
	b.WriteString("\n")
}

// displayWidth is how many terminal columns s takes: East Asian wide and
// full-width characters take two, combining marks none.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
		case isWide(r):
			n += 2
		default:
			n++
		}
	}
	return n
}

func isWide(r rune) bool {
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return true
	}
	return false
}

// shortenPath shortens a cell that is a path, or a rename "old → new",
// to max columns; prose (any other cell with a space) is left whole.
func shortenPath(s string, max int) string {
	if old, new, ok := strings.Cut(s, " → "); ok && !strings.Contains(old+new, " ") {
		half := (max - 3) / 2
		return shorten(old, half) + " → " + shorten(new, max-3-half)
	}
	if strings.Contains(s, " ") {
		return s
	}
	return shorten(s, max)
}

// shorten cuts s to at most max columns by dropping its middle, where a
// path's least telling part is: "moshi-kotlin/src/…/JsonClass.kt".
func shorten(s string, max int) string {
	if displayWidth(s) <= max {
		return s
	}
	runes := []rune(s)
	head, tail := 0, len(runes)
	budget := max - 1 // the ellipsis
	used := 0
	for used < budget {
		// take from the end and the start in turn, the end first
		if tail > head {
			if w := displayWidth(string(runes[tail-1])); used+w <= budget {
				tail--
				used += w
			} else {
				break
			}
		}
		if used < budget && head < tail {
			if w := displayWidth(string(runes[head])); used+w <= budget {
				head++
				used += w
			} else {
				break
			}
		}
	}
	return string(runes[:head]) + "…" + string(runes[tail:])
}

// writeTextChart draws each series as horizontal bars scaled to 40 columns.
func writeTextChart(b *strings.Builder, c Chart, indent string) {
	if c.Title != "" {
		fmt.Fprintf(b, "%s%s\n", indent, c.Title)
	}
	labelW := 0
	for _, x := range c.X {
		labelW = max(labelW, displayWidth(x))
	}
	for _, s := range c.Series {
		peak := 0.0
		for _, v := range s.Values {
			if !math.IsNaN(v) {
				peak = math.Max(peak, v)
			}
		}
		if len(c.Series) > 1 {
			fmt.Fprintf(b, "%s%s\n", indent, s.Name)
		}
		for i, x := range c.X {
			if i >= len(s.Values) {
				break
			}
			v := s.Values[i]
			bar, num := "", "-"
			if !math.IsNaN(v) {
				if peak > 0 {
					bar = strings.Repeat("#", int(math.Round(v/peak*40)))
				}
				num = strconv.FormatFloat(round2(v), 'f', -1, 64)
			}
			fmt.Fprintf(b, "%s  %-*s %s %s\n", indent, labelW, x, bar, num)
		}
	}
	b.WriteString("\n")
}
