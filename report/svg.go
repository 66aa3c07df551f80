package report

import (
	"fmt"
	"math"
	"strings"
)

// SVG draws charts as one standalone SVG picture, one panel per chart
// stacked top to bottom: bars for bar series, lines for line series, a
// gap where a value is NaN. It is what `--chart FILE.svg` writes, for
// people who want a picture outside GitHub (which draws the Mermaid form).
func SVG(title string, charts []Chart) string {
	var b strings.Builder
	height := svgTitleH + len(charts)*svgPanelH
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="sans-serif">`+"\n",
		svgWidth, height, svgWidth, height)
	fmt.Fprintf(&b, `<rect width="%d" height="%d" fill="#ffffff"/>`+"\n", svgWidth, height)
	fmt.Fprintf(&b, `<text x="%d" y="22" font-size="16" font-weight="bold">%s</text>`+"\n", svgLeft, xmlText(title))
	for i, c := range charts {
		writePanel(&b, c, svgTitleH+i*svgPanelH)
	}
	b.WriteString("</svg>\n")
	return b.String()
}

// Layout, in pixels.
const (
	svgWidth  = 760
	svgTitleH = 36
	svgPanelH = 240
	svgLeft   = 64  // room for y-axis labels
	svgRight  = 16  // right margin
	svgPlotH  = 160 // height of the plotting area
	svgTop    = 28  // panel title above the plot
)

var svgColors = []string{"#4e79a7", "#f28e2b", "#59a14f", "#e15759"}

// panel is one chart's geometry: where the plot sits and how values map.
type panel struct {
	top, left, width, height float64
	yMax                     float64
	n                        int
}

func (p panel) x(i int) float64 { return p.left + (float64(i)+0.5)*p.band() }
func (p panel) band() float64   { return p.width / float64(max(p.n, 1)) }
func (p panel) y(v float64) float64 {
	return p.top + p.height - v/p.yMax*p.height
}

func writePanel(b *strings.Builder, c Chart, offset int) {
	top, step := niceScale(peakOf(c))
	p := panel{top: float64(offset + svgTop), left: svgLeft, width: svgWidth - svgLeft - svgRight, height: svgPlotH, yMax: top, n: len(c.X)}
	fmt.Fprintf(b, `<text x="%d" y="%d" font-size="13" font-weight="bold">%s</text>`+"\n", svgLeft, offset+16, xmlText(c.Title))
	writeYAxis(b, p, step, c.YLabel)
	writeXLabels(b, p, c.X)
	bars := 0
	for _, s := range c.Series {
		if !s.Line {
			bars++
		}
	}
	barIndex := 0
	for si, s := range c.Series {
		color := svgColors[si%len(svgColors)]
		if s.Line {
			writeLine(b, p, s.Values, color)
			continue
		}
		writeBars(b, p, s.Values, color, barIndex, bars)
		barIndex++
	}
	if len(c.Series) > 1 {
		writeLegend(b, c.Series, offset)
	}
}

func writeYAxis(b *strings.Builder, p panel, step float64, label string) {
	for v := 0.0; v <= p.yMax+step/2; v += step {
		y := p.y(v)
		fmt.Fprintf(b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#dddddd"/>`+"\n", p.left, y, p.left+p.width, y)
		fmt.Fprintf(b, `<text x="%.1f" y="%.1f" font-size="10" text-anchor="end">%s</text>`+"\n", p.left-6, y+3, tickLabel(v))
	}
	if label != "" {
		cx, cy := 14.0, p.top+p.height/2
		fmt.Fprintf(b, `<text x="%.1f" y="%.1f" font-size="11" text-anchor="middle" transform="rotate(-90 %.1f %.1f)">%s</text>`+"\n", cx, cy, cx, cy, xmlText(label))
	}
}

// writeXLabels labels at most about a dozen categories so they never
// overlap; the rest are implied by their neighbours.
func writeXLabels(b *strings.Builder, p panel, labels []string) {
	every := int(math.Ceil(float64(len(labels)) / 12))
	for i, l := range labels {
		if i%max(every, 1) != 0 {
			continue
		}
		fmt.Fprintf(b, `<text x="%.1f" y="%.1f" font-size="10" text-anchor="middle">%s</text>`+"\n", p.x(i), p.top+p.height+14, xmlText(l))
	}
	fmt.Fprintf(b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#666666"/>`+"\n", p.left, p.top+p.height, p.left+p.width, p.top+p.height)
}

func writeBars(b *strings.Builder, p panel, values []float64, color string, index, count int) {
	w := p.band() * 0.7 / float64(count)
	for i, v := range values {
		if i >= p.n || math.IsNaN(v) || v <= 0 {
			continue
		}
		x := p.x(i) - p.band()*0.35 + float64(index)*w
		fmt.Fprintf(b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"><title>%s</title></rect>`+"\n",
			x, p.y(v), w, p.y(0)-p.y(v), color, tickLabel(v))
	}
}

// writeLine draws one polyline per run of measured values, so a week with
// nothing to measure is a visible gap rather than a fake zero.
func writeLine(b *strings.Builder, p panel, values []float64, color string) {
	var run []string
	flush := func() {
		if len(run) > 1 {
			fmt.Fprintf(b, `<polyline points="%s" fill="none" stroke="%s" stroke-width="2"/>`+"\n", strings.Join(run, " "), color)
		}
		run = run[:0]
	}
	for i, v := range values {
		if i >= p.n || math.IsNaN(v) {
			flush()
			continue
		}
		run = append(run, fmt.Sprintf("%.1f,%.1f", p.x(i), p.y(v)))
		fmt.Fprintf(b, `<circle cx="%.1f" cy="%.1f" r="3" fill="%s"><title>%s</title></circle>`+"\n", p.x(i), p.y(v), color, tickLabel(v))
	}
	flush()
}

func writeLegend(b *strings.Builder, series []Series, offset int) {
	x := svgWidth - svgRight - 140*len(series)
	for i, s := range series {
		fmt.Fprintf(b, `<rect x="%d" y="%d" width="10" height="10" fill="%s"/><text x="%d" y="%d" font-size="11">%s</text>`+"\n",
			x+i*140, offset+7, svgColors[i%len(svgColors)], x+i*140+14, offset+16, xmlText(s.Name))
	}
}

func peakOf(c Chart) float64 {
	peak := 0.0
	for _, s := range c.Series {
		for _, v := range s.Values {
			if !math.IsNaN(v) && !math.IsInf(v, 0) {
				peak = math.Max(peak, v)
			}
		}
	}
	return peak
}

// niceScale picks an axis top and tick step of 1, 2 or 5 × 10^k with at
// most five ticks above zero.
func niceScale(peak float64) (top, step float64) {
	if peak <= 0 {
		return 1, 0.25
	}
	raw := peak / 5
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if step = m * mag; step >= raw {
			break
		}
	}
	return math.Ceil(peak/step) * step, step
}

func tickLabel(v float64) string { return number(v) }

var xmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

func xmlText(s string) string { return xmlEscaper.Replace(plain(s)) }
