package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/mvcbot/mvc/analyzer/delivery"
	"github.com/mvcbot/mvc/report"
)

// reportJSON is `mvc report --format json`: the metrics' keys (the
// contract) plus how the source was chosen.
type reportJSON struct {
	delivery.Metrics
	Detail  string           `json:"source_detail"`
	Auto    bool             `json:"auto_selected"`
	Skipped []reportSkipJSON `json:"skipped_sources"`
	Paths   []string         `json:"paths,omitempty"`
}

type reportSkipJSON struct {
	Source string `json:"source"`
	Reason string `json:"reason"`
}

// reportSkipsJSON are the sources auto passed over, with the reasons
// worded as the report words them.
func reportSkipsJSON(in report.Delivery) []reportSkipJSON {
	out := make([]reportSkipJSON, len(in.Skipped))
	for i, s := range in.Skipped {
		out[i] = reportSkipJSON{Source: s.Source, Reason: in.Advice.Reason(s)}
	}
	return out
}

func writeReportJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("write JSON: %w", err)
	}
	return nil
}

// reportProgress reports the steps of a long run on stderr. Short runs stay
// quiet: a step is printed only once the run has taken a second or more,
// so a report that takes minutes says what it is doing.
type reportProgress struct {
	e     *env
	name  string
	start time.Time
}

const reportProgressAfter = time.Second

func newReportProgress(e *env, name string) *reportProgress {
	return &reportProgress{e: e, name: name, start: e.now()}
}

func (p *reportProgress) step(format string, args ...any) {
	elapsed := p.e.now().Sub(p.start)
	if elapsed < reportProgressAfter {
		return
	}
	fmt.Fprintf(p.e.stderr, "mvc %s: %s (%.1fs)\n", p.name, fmt.Sprintf(format, args...), elapsed.Seconds())
}

func writeReport(e *env, f reportFlags, in report.Delivery) error {
	if f.chart != "" {
		if err := writeDeliveryChart(f.chart, in); err != nil {
			return err
		}
	}
	switch f.format {
	case "json":
		return writeReportJSON(e.stdout, reportJSON{Metrics: in.Metrics, Detail: in.Detail, Auto: in.Auto, Skipped: reportSkipsJSON(in), Paths: f.paths})
	case "markdown":
		_, err := fmt.Fprint(e.stdout, report.Markdown(report.DeliveryReport(in)))
		return err
	default:
		_, err := fmt.Fprint(e.stdout, report.Text(report.DeliveryReport(in)))
		return err
	}
}

func writeDeliveryChart(path string, in report.Delivery) error {
	var charts []report.Chart
	for _, b := range report.DeliveryCharts(in.Metrics) {
		if c, ok := b.(report.Chart); ok {
			charts = append(charts, c)
		}
	}
	if len(charts) == 0 {
		return errors.New("--chart: no deployments found, so there is no chart to draw")
	}
	m := in.Metrics
	title := fmt.Sprintf("Delivery (%s): %s to %s", m.Source, m.Window.Start.Format(time.DateOnly), m.Window.End.Format(time.DateOnly))
	if err := os.WriteFile(path, []byte(report.SVG(title, charts)), 0o644); err != nil {
		return fmt.Errorf("write chart %s: %w", path, err)
	}
	return nil
}
