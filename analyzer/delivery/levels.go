package delivery

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
)

// DORA performance levels. They are clusters of one year's survey, not
// fixed thresholds, so a level is only ever given with its edition.
const (
	LevelElite  = "elite"
	LevelHigh   = "high"
	LevelMedium = "medium"
	LevelLow    = "low"
)

// Editions of the State of DevOps report with tables in code.
const (
	Edition2024    = "2024"
	Edition2021    = "2021"
	DefaultEdition = Edition2024
)

// Editions lists the editions --dora-edition accepts.
var Editions = []string{Edition2024, Edition2021}

// ValidEdition checks a --dora-edition value.
func ValidEdition(e string) error {
	if slices.Contains(Editions, e) {
		return nil
	}
	return fmt.Errorf("unknown DORA report edition %q (use %s)", e, strings.Join(Editions, " or "))
}

const (
	day   = 24 * time.Hour
	week  = 7 * day
	month = 30 * day  // the tables' "month"
	half  = 180 * day // the tables' "6 months"
)

// rung is one level of a duration ladder: values below Under get Level.
// The last rung has no bound. A value exactly on a bound takes the slower
// level ("< 1 day" is elite, so exactly one day is high).
type rung struct {
	Level string
	Under time.Duration // 0 on the last rung
}

type ladder []rung

func (l ladder) level(d time.Duration) string {
	for _, r := range l {
		if r.Under == 0 || d < r.Under {
			return r.Level
		}
	}
	return l[len(l)-1].Level
}

// edition holds one report's tables, as mvc reads them. Where a printed
// table leaves a gap between two rows, the gap goes to the slower row;
// where two rows share a bound, the next row starts there. Deployment
// frequency is read as the time between deployments (window ÷ deploys).
type edition struct {
	leadTime, interval, recovery ladder
	changeFail                   func(rate float64) string
}

var editions = map[string]edition{
	// 2024: lead time elite < 1 day, high 1 day–1 week, medium 1 week–1
	// month, low 1–6 months; frequency on demand, daily–weekly,
	// weekly–monthly, monthly–6-monthly; recovery elite < 1 hour, high and
	// medium both "< 1 day", low 1 week–1 month: medium is read as 1 day–1
	// week, the gap below low (as in 2023).
	Edition2024: {
		leadTime:   ladder{{LevelElite, day}, {LevelHigh, week}, {LevelMedium, month}, {LevelLow, 0}},
		interval:   ladder{{LevelElite, day}, {LevelHigh, week}, {LevelMedium, month}, {LevelLow, 0}},
		recovery:   ladder{{LevelElite, time.Hour}, {LevelHigh, day}, {LevelMedium, week}, {LevelLow, 0}},
		changeFail: nearestOnLogScale,
	},
	// 2021: lead time elite < 1 hour, high 1 day–1 week, medium 1–6
	// months, low > 6 months; frequency on demand, weekly–monthly,
	// monthly–6-monthly, less; time to restore elite < 1 hour, high and
	// medium both "< 1 day", low > 6 months: medium is read as 1 day–6
	// months; change fail elite 0–15 %, high, medium and low all 16–30 %:
	// 15–30 % is named high, above 30 % low.
	Edition2021: {
		leadTime:   ladder{{LevelElite, time.Hour}, {LevelHigh, week}, {LevelMedium, half}, {LevelLow, 0}},
		interval:   ladder{{LevelElite, day}, {LevelHigh, month}, {LevelMedium, half}, {LevelLow, 0}},
		recovery:   ladder{{LevelElite, time.Hour}, {LevelHigh, day}, {LevelMedium, half}, {LevelLow, 0}},
		changeFail: changeFail2021,
	},
}

// ChangeFailClusters2024 are the 2024 cluster values of the change fail
// rate. They are not monotonic (high 20 % > medium 10 %), so a rate takes
// the level whose cluster value is nearest on a log scale: below 7.07 %
// (√(5·10)) elite, below 14.14 % medium, below 28.28 % high, else low. A
// rate exactly halfway takes the cluster with the higher rate.
var ChangeFailClusters2024 = []struct {
	Level string
	Rate  float64
}{{LevelElite, 0.05}, {LevelMedium, 0.10}, {LevelHigh, 0.20}, {LevelLow, 0.40}}

func nearestOnLogScale(rate float64) string {
	best, bestDist := ChangeFailClusters2024[0].Level, math.Inf(1)
	for _, c := range ChangeFailClusters2024 {
		// 0 % is log −∞: nearest to the smallest cluster, elite.
		dist := math.Abs(math.Log(math.Max(rate, 1e-12)) - math.Log(c.Rate))
		if dist <= bestDist+1e-12 {
			best, bestDist = c.Level, dist
		}
	}
	return best
}

func changeFail2021(rate float64) string {
	switch {
	case rate <= 0.15:
		return LevelElite
	case rate <= 0.30:
		return LevelHigh
	}
	return LevelLow
}

// Levels are the DORA performance levels of the window's metrics, per the
// named edition. A nil level: the metric could not be measured.
type Levels struct {
	Edition             string  `json:"edition"`
	LeadTime            *string `json:"lead_time"`
	DeploymentFrequency *string `json:"deployment_frequency"`
	ChangeFailureRate   *string `json:"change_failure_rate"`
	RecoveryTime        *string `json:"recovery_time"`
}

// Inputs of levels and Quick Check scores, in hours and ratios; nil where
// not measured.
type levelInputs struct {
	leadHours, intervalHours, recoveryHours, changeFail, rework *float64
}

func (m Metrics) levelInputs() levelInputs {
	in := levelInputs{leadHours: m.LeadTime.Median, recoveryHours: m.RecoveryHours.Median,
		changeFail: m.ChangeFailureRate, rework: m.ReworkRate}
	if m.DeploysPerWeek != nil && m.Window.Days > 0 {
		in.intervalHours = DeployInterval(m.Deploys, m.Window.Days)
	}
	return in
}

// DeployInterval is the deployment frequency as the mean time between
// deployments in hours: the window's length over its deployments (+Inf
// for none: slower than any bucket).
func DeployInterval(deploys, days int) *float64 {
	if deploys == 0 {
		return ptrFloat(math.Inf(1))
	}
	return ptrFloat(float64(days) * 24 / float64(deploys))
}

// levelsOf maps the metrics to the edition's levels.
func levelsOf(edition string, in levelInputs) Levels {
	e, ok := editions[edition]
	if !ok {
		edition, e = DefaultEdition, editions[DefaultEdition]
	}
	l := Levels{Edition: edition}
	l.LeadTime = onLadder(e.leadTime, in.leadHours)
	l.DeploymentFrequency = onLadder(e.interval, in.intervalHours)
	l.RecoveryTime = onLadder(e.recovery, in.recoveryHours)
	if in.changeFail != nil {
		l.ChangeFailureRate = ptrString(e.changeFail(*in.changeFail))
	}
	return l
}

func onLadder(l ladder, hours *float64) *string {
	if hours == nil {
		return nil
	}
	return ptrString(l.level(durationOf(*hours)))
}

// durationOf turns hours into a duration, saturating (+Inf: no deploys).
func durationOf(hours float64) time.Duration {
	if hours >= float64(math.MaxInt64)/float64(time.Hour) {
		return math.MaxInt64
	}
	return time.Duration(hours * float64(time.Hour))
}

func ptrString(s string) *string { return &s }
