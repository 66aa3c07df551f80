package report

import (
	"fmt"
	"math"
	"strings"

	"github.com/mvcbot/mvc/analyzer/delivery"
)

// DeliveryMarker is the hidden fingerprint of the sticky delivery report.
const DeliveryMarker = "mvc:delivery-report"

// Delivery is what a delivery report shows: the metrics and how their
// deployment source was chosen.
type Delivery struct {
	Metrics delivery.Metrics
	// Detail qualifies the source, e.g. "tags matching `v*`" or
	// "environment `production`".
	Detail string
	// Auto is set when `auto` chose the source; Skipped says what it
	// passed over and why.
	Auto    bool
	Skipped []delivery.Skip
	// Advice words what a skipped source lacked, and how to name a
	// source, for the front door showing the report.
	Advice DeliveryAdvice
}

// DeliveryReport builds the full report: summary table, weekly charts, the
// weekly table and every deployment of the window behind the figures.
func DeliveryReport(d Delivery) Doc {
	m := d.Metrics
	var doc Doc
	doc.Add(Heading{Level: 2, Text: "Delivery metrics"}, Paragraph{Text: sourceLine(d)})
	if m.Source == delivery.SourceAuto {
		return *doc.Add(Paragraph{Text: "No deployments found in any source, so there is nothing to measure. " +
			"Tag releases (`v*`), merge pull requests, or " + d.Advice.nameSource() + "."})
	}
	doc.Add(FiveMetrics(m)...)
	doc.Add(Heading{Level: 3, Text: "Throughput"}, summaryTable(m))
	doc.Add(notes(m)...)
	doc.Add(DeliveryCharts(m)...)
	doc.Add(FailureRateChart(m)...)
	doc.Add(FlowBlocks(m)...)
	doc.Add(Details{Summary: "Weekly figures", Body: Doc{Blocks: []Block{weeklyTable(m)}}})
	doc.Add(Details{Summary: fmt.Sprintf("Deployments in the window (%d)", m.Deploys), Body: Doc{Blocks: []Block{deploymentsTable(m)}}})
	if len(m.Failures) > 0 {
		doc.Add(Details{Summary: fmt.Sprintf("Failed deployments (%d)", len(m.Failures)), Body: Doc{Blocks: []Block{failuresTable(m)}}})
	}
	doc.Add(Paragraph{Text: definitions}, Paragraph{Text: stabilityDefinitions})
	return doc
}

const definitions = "Lead time is deployment time minus each shipped commit's author date; a deployment ships " +
	"the non-merge commits reachable from it and from no earlier deployment. Medians are the middle " +
	"value (mean of the two middle values for an even count); p75 and p90 interpolate between ranks. " +
	"Weeks are ISO weeks in UTC; the window is (start, end]."

func sourceLine(d Delivery) string {
	m := d.Metrics
	var b strings.Builder
	if m.Source == delivery.SourceAuto {
		fmt.Fprintf(&b, "Source: none found; `auto` tried %s.", skippedText(d))
		return b.String()
	}
	fmt.Fprintf(&b, "Source: **%s**", m.Source)
	if d.Detail != "" {
		fmt.Fprintf(&b, " (%s)", d.Detail)
	}
	if d.Auto {
		b.WriteString(", chosen by `auto`")
		if len(d.Skipped) > 0 {
			b.WriteString(" after " + skippedText(d))
		}
	}
	fmt.Fprintf(&b, ". Window: %s to %s (%s).", m.Window.Start.Format("2006-01-02 15:04"), m.Window.End.Format("2006-01-02 15:04 MST"), sizeCountOf(m.Window.Days, "day"))
	if m.Proxy {
		b.WriteString(" Merges to the default branch are a **proxy** for deployments: they show how often changes land, not when they reach production.")
	}
	return b.String()
}

func skippedText(d Delivery) string {
	parts := make([]string, len(d.Skipped))
	for i, s := range d.Skipped {
		parts[i] = fmt.Sprintf("%s (%s)", s.Source, d.Advice.Reason(s))
	}
	return strings.Join(parts, ", ")
}

func summaryTable(m delivery.Metrics) Table {
	prev := delivery.Summary{}
	if m.Previous != nil {
		prev = *m.Previous
	}
	lt := m.LeadTime
	return Table{
		Header: []string{"", "last " + sizeCountOf(m.Window.Days, "day"), "previous " + sizeCountOf(m.Window.Days, "day")},
		Align:  []Align{Left, Right, Right},
		Rows: [][]string{
			{"Deployments", fmt.Sprint(m.Deploys), previousInt(m.Previous, prev.Deploys)},
			{"Deploys per week", numberOf(m.DeploysPerWeek), previousNumber(m.Previous, prev.DeploysPerWeek)},
			{"Deploys per day", numberOf(m.DeploysPerDay), ""},
			{"Time between deploys (median)", duration(m.HoursBetween.Median), ""},
			{"Lead time for changes (median)", duration(lt.Median), previousDuration(m.Previous, prev.LeadTimeMedian)},
			{"Lead time p75", duration(lt.P75), ""},
			{"Lead time p90", duration(lt.P90), ""},
			{"Commits measured", fmt.Sprint(lt.N), ""},
		},
	}
}

// notes explain a thin or missing lead-time sample instead of leaving a
// reader to guess why a number is absent.
func notes(m delivery.Metrics) []Block {
	var items []string
	if m.Deploys == 0 {
		items = append(items, fmt.Sprintf("No deployment in this window (%d over all history).", m.Ever))
	}
	if m.Unmeasured.FirstDeployment {
		items = append(items, "The first deployment ever is in this window: it has no predecessor, so its commits have no measured lead time.")
	}
	if n := m.Unmeasured.MissingCommits; n > 0 {
		items = append(items, fmt.Sprintf("%d deployed commit(s) are not in this clone's history (shallow clone? use `fetch-depth: 0`): counted as deployments, without lead time.", n))
	}
	if n := m.Expanded; n > 0 {
		items = append(items, fmt.Sprintf("%d squash-merge commit(s) measured from their pull request's original commits.", n))
	}
	if len(items) == 0 {
		return nil
	}
	return []Block{List{Items: items}}
}

// DeliveryCharts draws deploys per week and the weekly lead-time median.
func DeliveryCharts(m delivery.Metrics) []Block {
	if len(m.Series) == 0 {
		return nil
	}
	weeks := make([]string, len(m.Series))
	deploys := make([]float64, len(m.Series))
	leads := make([]float64, len(m.Series))
	for i, w := range m.Series {
		weeks[i] = w.Week
		deploys[i] = float64(w.Deploys)
		leads[i] = valueOr(w.LeadTimeMedian, math.NaN())
	}
	return []Block{
		Chart{Title: "Deploys per week", XLabel: "ISO week", YLabel: "deploys", X: weeks,
			Series: []Series{{Name: "deploys", Values: deploys}}},
		Chart{Title: "Lead time for changes, weekly median (hours)", XLabel: "ISO week", YLabel: "hours", X: weeks,
			Series: []Series{{Name: "lead time median", Values: leads, Line: true}}},
	}
}

func weeklyTable(m delivery.Metrics) Table {
	t := Table{Header: []string{"week", "starts", "deploys", "lead time (median)", "failed", "change failure rate"},
		Align: []Align{Left, Left, Right, Right, Right, Right}}
	for _, w := range m.Series {
		rate := "–"
		if w.ChangeFailureRate != nil {
			rate = percent(*w.ChangeFailureRate)
		}
		t.Rows = append(t.Rows, []string{w.Week, w.Start, fmt.Sprint(w.Deploys), duration(w.LeadTimeMedian), fmt.Sprint(w.Failures), rate})
	}
	return t
}

func deploymentsTable(m delivery.Metrics) Table {
	t := Table{Header: []string{"deployed (UTC)", "ref", "commit", "commits shipped", "lead time (median)"},
		Align: []Align{Left, Left, Left, Right, Right}}
	for _, d := range m.Deployments {
		shipped := fmt.Sprint(d.Commits)
		switch {
		case d.First:
			shipped = "first ever: not measured"
		case d.Missing:
			shipped = "commit not in history"
		}
		t.Rows = append(t.Rows, []string{d.DeployedAt.Format("2006-01-02 15:04"), code(d.Ref), "`" + short(d.SHA) + "`", shipped, duration(d.LeadTimeMedian)})
	}
	return t
}

func short(sha string) string {
	if len(sha) > 7 {
		return sha[:7]
	}
	return sha
}
