package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
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
				fmt.Fprintf(b, "%s%s\n", indent, strings.Repeat("=", utf8.RuneCountInString(t)))
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

func writeTextTable(b *strings.Builder, t Table, indent string) {
	widths := make([]int, len(t.Header))
	cells := append([][]string{t.Header}, t.Rows...)
	for _, r := range cells {
		for i := range widths {
			if i < len(r) {
				widths[i] = max(widths[i], utf8.RuneCountInString(plain(r[i])))
			}
		}
	}
	for ri, r := range cells {
		var line strings.Builder
		for i, w := range widths {
			cell := ""
			if i < len(r) {
				cell = plain(r[i])
			}
			pad := strings.Repeat(" ", w-utf8.RuneCountInString(cell))
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

// writeTextChart draws each series as horizontal bars scaled to 40 columns.
func writeTextChart(b *strings.Builder, c Chart, indent string) {
	if c.Title != "" {
		fmt.Fprintf(b, "%s%s\n", indent, c.Title)
	}
	labelW := 0
	for _, x := range c.X {
		labelW = max(labelW, utf8.RuneCountInString(x))
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
