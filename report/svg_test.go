package report

import (
	"encoding/xml"
	"io"
	"math"
	"strings"
	"testing"

	"github.com/mvcbot/mvc/analyzer/delivery"
)

func TestSVGGolden(t *testing.T) {
	var charts []Chart
	for _, b := range DeliveryCharts(sampleMetrics(delivery.SourceTags)) {
		charts = append(charts, b.(Chart))
	}
	golden(t, "delivery_chart.svg", SVG("Delivery: tags, last 21 days", charts))
}

func TestSVGIsWellFormedAndEscapesText(t *testing.T) {
	out := SVG(`R&D <"team">`, []Chart{{
		Title: "a < b", X: []string{"w1", "w2", "w3", "w4"},
		Series: []Series{
			{Name: "bars & more", Values: []float64{1, 0, 3, math.NaN()}},
			{Name: "line", Values: []float64{2, math.NaN(), 4, 5}, Line: true},
		},
	}})
	dec := xml.NewDecoder(strings.NewReader(out))
	for {
		_, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v\n%s", err, out)
		}
	}
	// The NaN splits the line into a lone point and a two-point run: one
	// polyline, three markers.
	if got := strings.Count(out, "<polyline"); got != 1 {
		t.Errorf("%d polylines, want 1 (gaps must not be drawn as zero)", got)
	}
	if got := strings.Count(out, "<circle"); got != 3 {
		t.Errorf("%d point markers, want 3", got)
	}
	if got := strings.Count(out, "<rect x="); got != 2+2 { // two bars + two legend swatches
		t.Errorf("%d rects, want 4", got)
	}
}

func TestNiceScale(t *testing.T) {
	tests := []struct{ peak, top, step float64 }{
		{0, 1, 0.25},
		{1, 1, 0.2},
		{3, 3, 1},
		{7, 8, 2},
		{26, 30, 10},
		{130, 150, 50},
		{0.4, 0.4, 0.1},
	}
	for _, tt := range tests {
		top, step := niceScale(tt.peak)
		if math.Abs(top-tt.top) > 1e-9 || math.Abs(step-tt.step) > 1e-9 {
			t.Errorf("niceScale(%v) = %v, %v; want %v, %v", tt.peak, top, step, tt.top, tt.step)
		}
	}
}
