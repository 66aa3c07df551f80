package delivery

import (
	"math"
	"time"
)

// QuickCheck are DORA's Quick Check scores, 0 (worst) to 10 (best), as
// dora.dev computes them (2025). A score is nil when a metric it needs was
// not measured: the mean of fewer parts would not be DORA's score, so
// Missing names what is lacking instead.
type QuickCheck struct {
	Overall     *float64 `json:"overall"`
	Throughput  *float64 `json:"throughput"`
	Instability *float64 `json:"instability"`
	// Per metric.
	LeadTime            *float64 `json:"lead_time"`
	DeploymentFrequency *float64 `json:"deployment_frequency"`
	RecoveryTime        *float64 `json:"recovery_time"`
	ChangeFailureRate   *float64 `json:"change_failure_rate"`
	ReworkRate          *float64 `json:"rework_rate"`
	Missing             []string `json:"missing"`
}

// The Quick Check's six answer buckets for lead time and recovery time,
// worst first: > 6 months, 1–6 months, 1 week–1 month, 1 day–1 week,
// < 1 day, < 1 hour. Bounds are the lower ends of buckets 2…6 read as
// "under": a value on a bound takes the slower bucket.
var durationBuckets = []time.Duration{half, month, week, day, time.Hour}

// The buckets for deployment frequency, read as the time between
// deployments: less than once per 6 months, monthly–6-monthly,
// weekly–monthly, daily–weekly, hourly–daily, on demand (more than once
// an hour: the only reading that puts it above "once per hour – once per
// day").
var intervalBuckets = []time.Duration{half, month, week, day, time.Hour}

// bucket returns 1…6: 1 when d is not under the first bound, 6 when it is
// under the last.
func bucket(bounds []time.Duration, d time.Duration) int {
	b := 1
	for _, bound := range bounds {
		if d < bound {
			b++
		}
	}
	return b
}

// bucketScore maps bucket 1…6 linearly onto 0…10.
func bucketScore(b int) float64 { return float64(b-1) * 2 }

// rateScore maps 0 % → 10 and 100 % → 0 linearly.
func rateScore(rate float64) float64 { return 10 * (1 - math.Min(math.Max(rate, 0), 1)) }

// quickCheckOf scores the measured metrics.
func quickCheckOf(in levelInputs) QuickCheck {
	q := QuickCheck{Missing: []string{}}
	durScore := func(bounds []time.Duration, hours *float64) *float64 {
		if hours == nil {
			return nil
		}
		return ptrFloat(bucketScore(bucket(bounds, durationOf(*hours))))
	}
	q.LeadTime = durScore(durationBuckets, in.leadHours)
	q.DeploymentFrequency = durScore(intervalBuckets, in.intervalHours)
	q.RecoveryTime = durScore(durationBuckets, in.recoveryHours)
	if in.changeFail != nil {
		q.ChangeFailureRate = ptrFloat(rateScore(*in.changeFail))
	}
	if in.rework != nil {
		q.ReworkRate = ptrFloat(rateScore(*in.rework))
	}
	named := []struct {
		name  string
		score *float64
	}{{"lead_time", q.LeadTime}, {"deployment_frequency", q.DeploymentFrequency}, {"recovery_time", q.RecoveryTime},
		{"change_failure_rate", q.ChangeFailureRate}, {"rework_rate", q.ReworkRate}}
	for _, n := range named {
		if n.score == nil {
			q.Missing = append(q.Missing, n.name)
		}
	}
	q.Throughput = mean(q.LeadTime, q.DeploymentFrequency, q.RecoveryTime)
	q.Instability = mean(q.ChangeFailureRate, q.ReworkRate)
	q.Overall = mean(q.LeadTime, q.DeploymentFrequency, q.RecoveryTime, q.ChangeFailureRate, q.ReworkRate)
	return q
}

// mean is the mean of all values, or nil if any is missing.
func mean(values ...*float64) *float64 {
	sum := 0.0
	for _, v := range values {
		if v == nil {
			return nil
		}
		sum += *v
	}
	return ptrFloat(sum / float64(len(values)))
}
