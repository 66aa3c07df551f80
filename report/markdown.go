package report

import (
	"fmt"
	"math"
	"slices"
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

// writeMermaid draws c as a Mermaid xychart. Mermaid has no "missing"
// value, and a week without data drawn as 0 reads as a good week (0 h lead
// time, 0 % failures), so x values where no series has data are left out:
// the axis skips them. A value missing beside another series' value (no
// chart has two series today) is drawn as 0.
func writeMermaid(b *strings.Builder, c Chart) {
	var keep []int
	for i := range c.X {
		if slices.ContainsFunc(c.Series, func(s Series) bool { return i < len(s.Values) && finite(s.Values[i]) }) {
			keep = append(keep, i)
		}
	}
	if len(keep) == 0 {
		if c.Title != "" {
			fmt.Fprintf(b, "%s: no week with data.\n\n", c.Title)
		}
		return
	}
	b.WriteString("```mermaid\nxychart-beta\n")
	if c.Title != "" {
		fmt.Fprintf(b, "    title %s\n", strconv.Quote(c.Title))
	}
	labels := make([]string, len(keep))
	for k, i := range keep {
		labels[k] = strconv.Quote(c.X[i])
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
		vals := make([]string, len(keep))
		for k, i := range keep {
			v := 0.0
			if i < len(s.Values) && finite(s.Values[i]) {
				v = s.Values[i]
			}
			vals[k] = strconv.FormatFloat(round2(v), 'f', -1, 64)
		}
		fmt.Fprintf(b, "    %s [%s]\n", kind, strings.Join(vals, ", "))
	}
	b.WriteString("```\n\n")
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

func round2(v float64) float64 { return math.Round(v*100) / 100 }

func clamp(v, lo, hi int) int {
	return max(lo, min(v, hi))
}
