package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Markdown renders d as GitHub-flavoured Markdown.
func Markdown(d Doc) string {
	var b strings.Builder
	writeMarkdown(&b, d)
	return strings.TrimRight(b.String(), "\n") + "\n"
}

func writeMarkdown(b *strings.Builder, d Doc) {
	for _, blk := range d.Blocks {
		switch v := blk.(type) {
		case Marker:
			fmt.Fprintf(b, "<!-- %s -->\n", v.ID)
		case Heading:
			fmt.Fprintf(b, "%s %s\n\n", strings.Repeat("#", clamp(v.Level, 1, 6)), v.Text)
		case Paragraph:
			b.WriteString(v.Text + "\n\n")
		case List:
			for i, it := range v.Items {
				if v.Ordered {
					fmt.Fprintf(b, "%d. %s\n", i+1, it)
				} else {
					fmt.Fprintf(b, "- %s\n", it)
				}
			}
			b.WriteString("\n")
		case Table:
			writeMarkdownTable(b, v)
		case Details:
			fmt.Fprintf(b, "<details><summary>%s</summary>\n\n", v.Summary)
			writeMarkdown(b, v.Body)
			b.WriteString("</details>\n\n")
		case Code:
			fence := "```"
			for strings.Contains(v.Text, fence) {
				fence += "`"
			}
			fmt.Fprintf(b, "%s%s\n%s\n%s\n\n", fence, v.Lang, strings.TrimRight(v.Text, "\n"), fence)
		case Chart:
			writeMermaid(b, v)
		}
	}
}

func writeMarkdownTable(b *strings.Builder, t Table) {
	if len(t.Header) == 0 {
		return
	}
	row := func(cells []string) {
		b.WriteString("|")
		for i := range t.Header {
			cell := ""
			if i < len(cells) {
				cell = cells[i]
			}
			b.WriteString(" " + escapeCell(cell) + " |")
		}
		b.WriteString("\n")
	}
	row(t.Header)
	b.WriteString("|")
	for i := range t.Header {
		if alignOf(t, i) == Right {
			b.WriteString("---:|")
		} else {
			b.WriteString("---|")
		}
	}
	b.WriteString("\n")
	for _, r := range t.Rows {
		row(r)
	}
	b.WriteString("\n")
}

// escapeCell keeps a cell on one table row: pipes would end the cell and
// newlines the row.
func escapeCell(s string) string {
	s = strings.ReplaceAll(s, "|", `\|`)
	return strings.ReplaceAll(s, "\n", "<br>")
}

func alignOf(t Table, i int) Align {
	if i < len(t.Align) {
		return t.Align[i]
	}
	return Left
}

func writeMermaid(b *strings.Builder, c Chart) {
	b.WriteString("```mermaid\nxychart-beta\n")
	if c.Title != "" {
		fmt.Fprintf(b, "    title %s\n", strconv.Quote(c.Title))
	}
	labels := make([]string, len(c.X))
	for i, x := range c.X {
		labels[i] = strconv.Quote(x)
	}
	fmt.Fprintf(b, "    x-axis [%s]\n", strings.Join(labels, ", "))
	if c.YLabel != "" {
		fmt.Fprintf(b, "    y-axis %s\n", strconv.Quote(c.YLabel))
	}
	for _, s := range c.Series {
		kind := "bar"
		if s.Line {
			kind = "line"
		}
		vals := make([]string, len(s.Values))
		for i, v := range s.Values {
			// Mermaid has no "missing" value; a gap is drawn as zero.
			if math.IsNaN(v) || math.IsInf(v, 0) {
				v = 0
			}
			vals[i] = strconv.FormatFloat(round2(v), 'f', -1, 64)
		}
		fmt.Fprintf(b, "    %s [%s]\n", kind, strings.Join(vals, ", "))
	}
	b.WriteString("```\n\n")
}

func round2(v float64) float64 { return math.Round(v*100) / 100 }

func clamp(v, lo, hi int) int {
	return max(lo, min(v, hi))
}
