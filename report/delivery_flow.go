package report

import (
	"fmt"
	"strings"

	"github.com/mvcbot/mvc/analyzer/delivery"
)

// FlowBlocks show where a pull request's lead time goes, stage by stage,
// and what size costs here: nothing without the API's pull requests.
func FlowBlocks(m delivery.Metrics) []Block {
	f := m.Flow
	if f == nil {
		return nil
	}
	blocks := []Block{Heading{Level: 3, Text: "Pull requests"}}
	if len(f.PullRequests) == 0 {
		return append(blocks, Paragraph{Text: "No merged pull request was shipped in this window."})
	}
	blocks = append(blocks, stagesTable(f.Stages), sizeTable(f.BySize))
	if f.Undetailed > 0 {
		blocks = append(blocks, Paragraph{Text: fmt.Sprintf("%d of %d pull requests were not looked up (`--max-pr-lookups`): they count for the deploy wait only.",
			f.Undetailed, len(f.PullRequests))})
	}
	return append(blocks, Details{Summary: fmt.Sprintf("Pull requests shipped in the window (%d)", len(f.PullRequests)),
		Body: Doc{Blocks: []Block{pullsTable(f.PullRequests)}}})
}

func stagesTable(s delivery.Stages) Table {
	row := func(name, span string, v delivery.Sample) []string {
		return []string{name, span, duration(v.Median), fmt.Sprint(v.N)}
	}
	return Table{
		Header: []string{"stage", "from → to", "median", "pull requests"},
		Align:  []Align{Left, Left, Right, Right},
		Rows: [][]string{
			row("Coding", "first commit → opened", s.Coding),
			row("Pickup", "opened → first review", s.Pickup),
			row("Review", "first review → approval", s.Review),
			row("Merge wait", "approval → merged", s.MergeWait),
			row("Deploy wait", "merged → deployed", s.DeployWait),
		},
	}
}

func sizeTable(rows []delivery.SizeCost) Table {
	t := Table{Header: []string{"size", "pull requests", "lead time (median)", "reverted or hotfixed"},
		Align: []Align{Left, Right, Right, Right}}
	for _, r := range rows {
		share := "–"
		if r.ReworkShare != nil {
			share = fmt.Sprintf("%s (%d)", percent(*r.ReworkShare), r.Reworked)
		}
		t.Rows = append(t.Rows, []string{r.Size, fmt.Sprint(r.N), duration(r.LeadTime), share})
	}
	return t
}

func pullsTable(pulls []delivery.PullFlow) Table {
	t := Table{Header: []string{"#", "size", "deployed by", "coding", "pickup", "review", "merge wait", "deploy wait", "lead time", "later"},
		Align: []Align{Left, Left, Left, Right, Right, Right, Right, Right, Right, Left}}
	for _, p := range pulls {
		var later []string
		if p.Reverted {
			later = append(later, "reverted")
		}
		if p.Hotfixed {
			later = append(later, "hotfixed")
		}
		t.Rows = append(t.Rows, []string{fmt.Sprintf("#%d", p.Number), dash(p.Size), code(p.DeployedBy),
			duration(p.Coding), duration(p.Pickup), duration(p.Review), duration(p.MergeWait), duration(p.DeployWait),
			duration(p.LeadTime), strings.Join(later, ", ")})
	}
	return t
}

func dash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

// ShipsWithin is the sentence for a pull request's comment: "if merged
// now, this repository usually ships within …", from the median deploy
// wait; empty without one.
func ShipsWithin(m delivery.Metrics) string {
	if m.Flow == nil || m.Flow.Stages.DeployWait.Median == nil {
		return ""
	}
	w := m.Flow.Stages.DeployWait
	return fmt.Sprintf("If merged now, this repository usually ships within %s (median deploy wait of %s over the last %s).",
		duration(w.Median), sizeCountOf(w.N, "pull request"), sizeCountOf(m.Window.Days, "day"))
}
