package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/mvcbot/mvc/analyzer/delivery"
)

// FiveMetrics is the table of DORA's five metrics with their performance
// level (always naming its edition) and Quick Check score, followed by
// the overall scores and what kept a figure from being measured.
func FiveMetrics(m delivery.Metrics) []Block {
	l, q := m.Levels, m.QuickCheck
	t := Table{
		Header: []string{"metric", "last " + sizeCountOf(m.Window.Days, "day"), "level (DORA " + l.Edition + ")", "Quick Check (0–10)"},
		Align:  []Align{Left, Right, Left, Right},
		Rows: [][]string{
			{"Deployment frequency", frequencyText(m), levelText(l.DeploymentFrequency), score(q.DeploymentFrequency)},
			{"Lead time for changes (median)", duration(m.LeadTime.Median), levelText(l.LeadTime), score(q.LeadTime)},
			{"Change failure rate", rateOf(m.ChangeFailureRate, len(m.Failures), m.FailureRateDeploys), levelText(l.ChangeFailureRate), score(q.ChangeFailureRate)},
			{"Failed deployment recovery time (median)", recoveryText(m.RecoveryHours), levelText(l.RecoveryTime), score(q.RecoveryTime)},
			{"Deployment rework rate", rateOf(m.ReworkRate, m.Remediations, m.Deploys), "no levels yet", score(q.ReworkRate)},
		},
	}
	blocks := []Block{t, Paragraph{Text: quickCheckText(q)}}
	if notes := stabilityNotes(m); len(notes) > 0 {
		blocks = append(blocks, List{Items: notes})
	}
	return blocks
}

func frequencyText(m delivery.Metrics) string {
	switch {
	case m.DeploysPerWeek == nil:
		return "–"
	case m.Deploys == 0:
		return "none"
	}
	return numberOf(m.DeploysPerWeek) + " per week"
}

func rateOf(rate *float64, of, in int) string {
	if rate == nil {
		return "–"
	}
	return fmt.Sprintf("%s (%d of %d)", percent(*rate), of, in)
}

func recoveryText(r delivery.Sample) string {
	if r.Median == nil {
		return "–"
	}
	return fmt.Sprintf("%s (n = %d)", duration(r.Median), r.N)
}

func levelText(level *string) string {
	if level == nil {
		return "–"
	}
	return *level
}

func score(v *float64) string {
	if v == nil {
		return "–"
	}
	return strconv.FormatFloat(math.Round(*v*10)/10, 'f', 1, 64)
}

// percent renders a ratio as a percentage with at most one decimal.
func percent(v float64) string {
	return strconv.FormatFloat(math.Round(v*1000)/10, 'f', -1, 64) + " %"
}

func quickCheckText(q delivery.QuickCheck) string {
	s := fmt.Sprintf("**Quick Check**: overall %s, throughput %s, instability %s (dora.dev, 0–10; 2025 all-industries mean overall 4.3).",
		score(q.Overall), score(q.Throughput), score(q.Instability))
	if len(q.Missing) > 0 {
		s += " Not measured: " + strings.ReplaceAll(joinNames(q.Missing), "_", " ") + "; a score needing it is left out rather than averaged over fewer parts."
	}
	return s
}

// stabilityNotes say why a stability figure is missing or thin.
func stabilityNotes(m delivery.Metrics) []string {
	var items []string
	if m.Unavailable != "" {
		items = append(items, "Stability: "+m.Unavailable+".")
	}
	if len(m.SignalsRead) > 0 {
		items = append(items, "Failure signals read: "+delivery.SignalNames(m.SignalsRead)+".")
	}
	if m.Rollbacks > 0 {
		items = append(items, fmt.Sprintf("%d rollback deployment(s) are left out of the change failure rate's denominator.", m.Rollbacks))
	}
	if n := len(m.UnattributedIncidents); n > 0 {
		items = append(items, fmt.Sprintf("%d incident(s) named no deployment and came more than the incident window after the last one, so they blame none: %s.", n, issueList(m.UnattributedIncidents)))
	}
	if m.ChangeFailureRate != nil && m.Levels.Edition == delivery.Edition2024 {
		items = append(items, "The 2024 change fail levels are clusters (elite 5 %, medium 10 %, high 20 %, low 40 %), not ranges: the rate takes the nearest on a log scale.")
	}
	return items
}

func issueList(numbers []int) string {
	parts := make([]string, len(numbers))
	for i, n := range numbers {
		parts[i] = "#" + strconv.Itoa(n)
	}
	return joinNames(parts)
}

func joinNames(names []string) string { return strings.Join(names, ", ") }

// FailureRateChart draws the change failure rate per ISO week, in percent;
// nil when no failure signal could be read.
func FailureRateChart(m delivery.Metrics) []Block {
	if len(m.Series) == 0 || len(m.SignalsRead) == 0 {
		return nil
	}
	weeks := make([]string, len(m.Series))
	rates := make([]float64, len(m.Series))
	for i, w := range m.Series {
		weeks[i] = w.Week
		rates[i] = math.NaN()
		if w.ChangeFailureRate != nil {
			rates[i] = math.Round(*w.ChangeFailureRate * 100)
		}
	}
	return []Block{Chart{Title: "Change failure rate per week (%)", XLabel: "ISO week", YLabel: "%", X: weeks,
		Series: []Series{{Name: "change failure rate", Values: rates, Line: true}}}}
}

// failuresTable lists every failed deployment and its remediation: the
// audit trail behind the change failure rate and recovery time.
func failuresTable(m delivery.Metrics) Table {
	t := Table{Header: []string{"deployed (UTC)", "ref", "commit", "signal", "remediated by", "recovered in", "evidence"},
		Align: []Align{Left, Left, Left, Left, Left, Right, Left}}
	for _, f := range m.Failures {
		t.Rows = append(t.Rows, []string{f.DeployedAt.Format("2006-01-02 15:04"), code(f.Ref), "`" + short(f.SHA) + "`",
			f.Signal, f.RemediatedBy, duration(f.RecoveredHours), f.Evidence})
	}
	return t
}

const stabilityDefinitions = "A deployment failed if a later one rolled it back (shipped a strict ancestor of its commit), " +
	"reverted one of its commits, or shipped a hotfix after it, or if an incident names it (or, naming none, was opened " +
	"within the incident window after it); each counts once. Change failure rate is failed over deployments, rollbacks " +
	"excluded; recovery time runs to the remediating deployment, or the incident's close when that is the only signal; " +
	"rework rate is remediation deployments over all deployments."
