package main

import (
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/mvcbot/mvc/analyzer/delivery"
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

func reportSkipsJSON(skips []delivery.Skip) []reportSkipJSON {
	out := make([]reportSkipJSON, len(skips))
	for i, s := range skips {
		out[i] = reportSkipJSON{Source: s.Source, Reason: s.Reason}
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
