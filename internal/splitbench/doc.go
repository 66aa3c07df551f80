package splitbench

import (
	"fmt"

	"github.com/mvcbot/mvc/report"
)

// Doc renders a benchmark result: how the cases were drawn, then one row
// per method with its scores, the splitter first.
func (res Result) Doc() report.Doc {
	var d report.Doc
	d.Add(report.Heading{Level: 2, Text: "Split benchmark: " + res.Repo})
	d.Add(report.Paragraph{Text: fmt.Sprintf(
		"%s scored (%d skipped: fewer than two commits kept clearly labelled lines), windows of %s commits, seed %d, budget %s and %s. "+
			"%s labelled by git blame; %s left out. Diff integrity failures: %d.",
		count(res.Scored, "case"), res.Skipped, sizes(res.K), res.Seed, count(res.Budget.Lines, "weighted line"), count(res.Budget.Files, "file"),
		count(res.Lines, "changed line"), count(res.Unclear, "unclear line"), res.Failures)})
	t := report.Table{
		Header: []string{"method", "line ARI (95% CI)", "median", "hunk ARI", "file ARI", "pair P", "pair R", "pair F1", "matched acc.", "part-count err.", "within budget"},
		Align:  []report.Align{report.Left, report.Left, report.Right, report.Right, report.Right, report.Right, report.Right, report.Right, report.Right, report.Right, report.Right},
	}
	for _, m := range res.Methods {
		if m.LineARI.N == 0 {
			t.Rows = append(t.Rows, []string{m.Method, "–"})
			continue
		}
		t.Rows = append(t.Rows, []string{
			m.Method,
			fmt.Sprintf("%s (%s–%s)", num(m.LineARI.Mean), num(m.LineARI.CILow), num(m.LineARI.CIHigh)),
			num(m.LineARI.Median), num(m.HunkARI.Mean), num(m.FileARI.Mean),
			num(m.Precision.Mean), num(m.Recall.Mean), num(m.F1.Mean), num(m.Matched.Mean),
			num(m.PartCountError.Mean), pct(m.WithinBudget.Mean),
		})
	}
	d.Add(t)
	if res.Verify != nil {
		d.Add(res.Verify.doc())
	}
	d.Add(report.Paragraph{Text: "Line ARI is the adjusted Rand index over changed lines against the commits the author made " +
		"(1 = the same grouping, 0 = no better than chance; putting everything in one part scores 0). " +
		"Means over cases; the interval is a bootstrap 95% interval of the mean."})
	return d
}

func num(v float64) string { return fmt.Sprintf("%.3f", v) }

func pct(v float64) string { return fmt.Sprintf("%.0f%%", 100*v) }
