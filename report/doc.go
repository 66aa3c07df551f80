// Package report renders every mvc report (size verdicts, split plans,
// delivery metrics) from one document model into each output format: the
// Markdown of PR comments, issues and step summaries, and plain terminal
// text. Features build a Doc from their findings; they never format
// Markdown by hand, so every surface says the same thing.
package report

// Doc is a rendered-format-independent report: an ordered list of blocks.
type Doc struct {
	Blocks []Block
}

// Add appends blocks and returns the document for chaining.
func (d *Doc) Add(blocks ...Block) *Doc {
	d.Blocks = append(d.Blocks, blocks...)
	return d
}

// Block is one element of a Doc. The concrete types below are the only
// implementations.
type Block interface{ isBlock() }

// Marker is a hidden fingerprint that lets a bot find its own comment again.
// Markdown renders it as an HTML comment; text omits it.
type Marker struct{ ID string }

// Heading is a section title; Level 1 is the largest.
type Heading struct {
	Level int
	Text  string
}

// Paragraph is running text. It may use `code` and **bold** spans, which
// the text renderer strips.
type Paragraph struct{ Text string }

// List is a bulleted or numbered list of inline texts.
type List struct {
	Ordered bool
	Items   []string
}

// Align is a table column's alignment.
type Align int

// Column alignments.
const (
	Left Align = iota
	Right
)

// Table is a grid with a header row.
type Table struct {
	Header []string
	Align  []Align // per column; missing entries are Left
	Rows   [][]string
}

// Details is a collapsible section in Markdown, shown inline in text.
type Details struct {
	Summary string
	Body    Doc
}

// Code is a preformatted block, such as shell commands.
type Code struct {
	Lang string
	Text string
}

// Chart is a small series chart (bars for the first series, lines for the
// rest). Markdown renders a Mermaid xychart-beta diagram, which GitHub
// draws in comments, issues and step summaries; text renders a bar list.
type Chart struct {
	Title  string
	XLabel string
	YLabel string
	X      []string
	Series []Series
}

// Series is one named sequence of values, aligned with Chart.X. A NaN value
// means "nothing to measure" at that point.
type Series struct {
	Name   string
	Values []float64
	Line   bool // draw as a line instead of bars
}

func (Marker) isBlock()    {}
func (Heading) isBlock()   {}
func (Paragraph) isBlock() {}
func (List) isBlock()      {}
func (Table) isBlock()     {}
func (Details) isBlock()   {}
func (Code) isBlock()      {}
func (Chart) isBlock()     {}
