package delivery

import "time"

// Metrics are the throughput figures of one window. The JSON form is the
// `mvc report --format json` contract: the keys the issue lists are
// required; the others are extra. A nil number is JSON null: nothing to
// measure, which is not the same as zero.
type Metrics struct {
	// Source is the deploy source measured; SourceAuto when `auto` found
	// none (see Measured).
	Source      string `json:"source"`
	Proxy       bool   `json:"proxy"`
	Environment string `json:"environment,omitempty"`
	Window      Window `json:"window"`
	// Deploys counts deployments in the window.
	Deploys int `json:"deploys"`
	// DeploysPerDay and DeploysPerWeek are nil when no deployment source
	// was found, and 0 when one was and the window has no deployment.
	DeploysPerDay  *float64 `json:"deploys_per_day"`
	DeploysPerWeek *float64 `json:"deploys_per_week"`
	// HoursBetween is the median gap between consecutive deployments that
	// are both in the window.
	HoursBetween Gaps `json:"hours_between_deploys"`
	// LeadTime summarises, in hours, the lead times of every commit shipped
	// by a deployment in the window.
	LeadTime Distribution `json:"lead_time_hours"`
	// Series has one entry per ISO week (UTC) that overlaps the window.
	Series []Week `json:"series"`
	// Expanded counts squash commits measured from their pull request's
	// original commits (API only; see SquashCandidates).
	Expanded int `json:"squash_commits_expanded"`
	// Ever counts deployments over all history (the window's and before).
	Ever int `json:"deploys_ever"`
	// Previous is the window of equal length just before this one: the
	// baseline for a trend; nil when nothing was measured.
	Previous *Summary `json:"previous,omitempty"`
	// Deployments lists the window's deployments, oldest first: the audit
	// trail behind every figure above.
	Deployments []DeploymentReport `json:"deployments"`
	Unmeasured  Unmeasured         `json:"unmeasured"`
	// Stability holds change failure rate, recovery time and rework rate
	// (its keys are top-level in JSON).
	Stability
	// Levels and QuickCheck rate the five metrics against DORA's tables.
	Levels     Levels     `json:"levels"`
	QuickCheck QuickCheck `json:"quick_check"`
	// Flow is the per-pull-request view (API only; nil without it).
	Flow *Flow `json:"flow,omitempty"`
}

// Measured reports whether a deployment source was found. Without one
// there is nothing to measure: the rates, the previous window, the weekly
// series and the frequency's level and score are left out (nil or empty),
// never zero.
func (m Metrics) Measured() bool { return m.Source != SourceAuto }

// Gaps is the time between consecutive deployments, in hours.
type Gaps struct {
	Median *float64 `json:"median"`
	N      int      `json:"n"`
}

// Week is one ISO week of the series.
type Week struct {
	Week           string   `json:"week"` // ISO 8601, e.g. 2024-W03
	Start          string   `json:"start"`
	Deploys        int      `json:"deploys"`
	LeadTimeMedian *float64 `json:"lead_time_hours_median"`
	// Failures and ChangeFailureRate judge the week's deployments (rollbacks
	// excluded); the rate is nil for a week without one, or without signals.
	Failures          int      `json:"failures"`
	ChangeFailureRate *float64 `json:"change_failure_rate"`
}

// Summary is the short form of a window's figures.
type Summary struct {
	Window         Window   `json:"window"`
	Deploys        int      `json:"deploys"`
	DeploysPerWeek float64  `json:"deploys_per_week"`
	LeadTimeMedian *float64 `json:"lead_time_hours_median"`
}

// DeploymentReport is one deployment of the window and what it shipped.
type DeploymentReport struct {
	SHA            string    `json:"sha"`
	Ref            string    `json:"ref"`
	DeployedAt     time.Time `json:"deployed_at"`
	Commits        int       `json:"commits"`
	LeadTimeMedian *float64  `json:"lead_time_hours_median"`
	// First marks the first deployment ever: its commits are not measured.
	First bool `json:"first,omitempty"`
	// Missing marks a deployed SHA absent from the history (e.g. a shallow
	// clone): it counts for frequency, not for lead time.
	Missing bool `json:"missing,omitempty"`
}

// Unmeasured says which deployments of the window shipped no measured
// lead time, and why, so a report can explain a thin lead-time sample.
type Unmeasured struct {
	FirstDeployment bool `json:"first_deployment"`
	MissingCommits  int  `json:"missing_commits"`
}

func (u *Unmeasured) add(s Shipment) {
	if s.First {
		u.FirstDeployment = true
	}
	if !s.Known {
		u.MissingCommits++
	}
}
