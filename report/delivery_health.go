package report

import (
	"fmt"
	"math"
	"strconv"

	"github.com/mvcbot/mvc/analyzer/delivery"
)

// DeliveryHealth is the compact section of a pull request's comment:
// deploys per week and the lead-time median, each against the previous
// window of the same length.
func DeliveryHealth(m delivery.Metrics) []Block {
	title := Heading{Level: 3, Text: "Delivery health"}
	if m.Source == delivery.SourceAuto {
		return []Block{title, Paragraph{Text: "No deployments found (no deployments, releases, `v*` tags or merges), so nothing to measure yet."}}
	}
	var prev delivery.Summary
	if m.Previous != nil {
		prev = *m.Previous
	}
	label := "source: " + m.Source
	if m.Proxy {
		label += " (a proxy for deployments)"
	}
	return []Block{
		title,
		Table{
			Header: []string{"", "last " + sizeCountOf(m.Window.Days, "day"), "trend"},
			Align:  []Align{Left, Right, Left},
			Rows: [][]string{
				{"Deploys per week", numberOf(m.DeploysPerWeek), trend(m.DeploysPerWeek, ptrIf(m.Previous != nil, prev.DeploysPerWeek), true, numberOf)},
				{"Lead time (median)", duration(m.LeadTime.Median), trend(m.LeadTime.Median, prev.LeadTimeMedian, false, duration)},
			},
		},
		Paragraph{Text: fmt.Sprintf("%s, %s measured; %s.", sizeCountOf(m.Deploys, "deployment"), sizeCountOf(m.LeadTime.N, "commit"), label)},
	}
}

// trend compares a figure with the previous window's, saying whether the
// change is good news (higherIsBetter decides which way that is).
func trend(now, before *float64, higherIsBetter bool, format func(*float64) string) string {
	switch {
	case now == nil || before == nil:
		return "no earlier figure"
	case *now == *before || (*before != 0 && math.Abs(*now-*before)/math.Abs(*before) < 0.05):
		return "steady (" + format(before) + " before)"
	}
	up := *now > *before
	arrow, word := "↓", "down"
	if up {
		arrow, word = "↑", "up"
	}
	verdict := "better"
	if up != higherIsBetter {
		verdict = "worse"
	}
	return fmt.Sprintf("%s %s from %s (%s)", arrow, word, format(before), verdict)
}

// numberOf is number for a figure that may not have been measured.
func numberOf(v *float64) string {
	if v == nil {
		return "–"
	}
	return number(*v)
}

func ptrIf(ok bool, v float64) *float64 {
	if !ok {
		return nil
	}
	return &v
}

// number formats a rate with at most two decimals.
// number writes v with two decimals, or with two significant digits when
// it is too small for that: 1 deploy in a year is 0.0027 a day, not 0.
func number(v float64) string {
	if v != 0 && math.Abs(v) < 0.005 {
		return strconv.FormatFloat(v, 'g', 2, 64)
	}
	return strconv.FormatFloat(round2(v), 'f', -1, 64)
}

func previousInt(p *delivery.Summary, v int) string {
	if p == nil {
		return ""
	}
	return strconv.Itoa(v)
}

func previousNumber(p *delivery.Summary, v float64) string {
	if p == nil {
		return ""
	}
	return number(v)
}

func previousDuration(p *delivery.Summary, v *float64) string {
	if p == nil {
		return ""
	}
	return duration(v)
}

func valueOr(v *float64, fallback float64) float64 {
	if v == nil {
		return fallback
	}
	return *v
}

// duration renders hours for people: minutes under an hour, hours under
// two days, days beyond. A missing value is a dash, never zero.
func duration(hours *float64) string {
	if hours == nil {
		return "–"
	}
	h := *hours
	switch a := math.Abs(h); {
	case a < 1:
		return fmt.Sprintf("%.0f min", h*60)
	case a < 48:
		return fmt.Sprintf("%.1f h", h)
	default:
		return fmt.Sprintf("%.1f days", h/24)
	}
}
