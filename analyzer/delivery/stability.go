package delivery

import (
	"fmt"
	"strings"
	"time"
)

// Stability are the instability figures of one window (issue 6). A nil
// rate is JSON null: no failure signal could be read (Unavailable says
// why), which is not the same as zero failures.
type Stability struct {
	// ChangeFailureRate is failed / deployments in the window, rollback
	// deployments excluded from both.
	ChangeFailureRate *float64 `json:"change_failure_rate"`
	// RecoveryHours summarises failed deployment → remediation.
	RecoveryHours Sample `json:"recovery_hours"`
	// ReworkRate is remediation deployments (rollbacks, and deployments
	// shipping a revert or hotfix) / all deployments in the window.
	ReworkRate *float64 `json:"rework_rate"`
	// Failures lists every failed deployment of the window: the audit trail.
	Failures []Failure `json:"failures"`
	// Rollbacks and Remediations count the window's rollback and
	// remediation deployments; FailureRateDeploys is the rate's
	// denominator.
	Rollbacks          int `json:"rollback_deploys"`
	Remediations       int `json:"remediation_deploys"`
	FailureRateDeploys int `json:"failure_rate_deploys"`
	// SignalsRead names the failure signals that could be read.
	SignalsRead []string `json:"failure_signals_read"`
	// Unavailable says why the rates are null, when they are.
	Unavailable string `json:"failure_signals_unavailable,omitempty"`
	// UnattributedIncidents are incidents of the window no deployment was
	// blamed for (no reference, none within the incident window).
	UnattributedIncidents []int `json:"unattributed_incidents"`
}

// Sample is the median of n values (hours); nil median for none.
type Sample struct {
	Median *float64 `json:"median"`
	N      int      `json:"n"`
}

// Failure is one failed deployment and what remediated it.
type Failure struct {
	SHA        string    `json:"sha"`
	Ref        string    `json:"ref"`
	DeployedAt time.Time `json:"deployed_at"`
	Signal     string    `json:"signal"`
	// RemediatedBy names the remediating deployment (its ref), or the
	// incident ("incident #12") when that is the only signal.
	RemediatedBy   string     `json:"remediated_by"`
	RemediatedSHA  string     `json:"remediated_sha,omitempty"`
	RemediatedAt   *time.Time `json:"remediated_at"`
	RecoveredHours *float64   `json:"recovered_hours"`
	Evidence       string     `json:"evidence"`
}

// stability judges every deployment up to the window's end (signals after
// it are not yet known at that time) and sums up the window.
func stability(h *History, shipments []Shipment, by []int32, sig Signals, rules FailureRules, win Window) (Stability, *judge) {
	ss := shipments
	for len(ss) > 0 && ss[len(ss)-1].At.After(win.End) {
		ss = ss[:len(ss)-1]
	}
	sig.Incidents = incidentsAsOf(sig.Incidents, win.End)
	j := newJudge(h, ss, by, sig, rules)
	verdicts := j.run()
	st := Stability{Failures: []Failure{}, SignalsRead: signalsRead(h, ss, sig, win), UnattributedIncidents: []int{}}
	var recovered []float64
	deploys := 0
	for i, s := range ss {
		if !win.Contains(s.At) {
			continue
		}
		deploys++
		v := verdicts[i]
		st.Rollbacks += b2i(v.rollback)
		st.Remediations += b2i(v.rollback || v.remediation)
		if v.rollback || !v.failed {
			continue
		}
		f := failureOf(s, v, ss)
		st.Failures = append(st.Failures, f)
		if f.RecoveredHours != nil {
			recovered = append(recovered, *f.RecoveredHours)
		}
	}
	for _, inc := range j.unattributed {
		if win.Contains(inc.Opened) {
			st.UnattributedIncidents = append(st.UnattributedIncidents, inc.Number)
		}
	}
	st.FailureRateDeploys = deploys - st.Rollbacks
	st.RecoveryHours = median(recovered)
	st.rates(deploys)
	return st, j
}

// rates sets the two rates, or says why they cannot be given. An empty
// window is checked first: with no deployment in it, no signal is read
// either, and that is not the history's fault.
func (st *Stability) rates(deploys int) {
	switch {
	case deploys == 0:
		st.Unavailable = "no deployment in the window"
		return
	case len(st.SignalsRead) == 0:
		st.Unavailable = "no failure signal could be read: the deployed commits are not in the history and no incidents or pull requests were read"
		return
	}
	if st.FailureRateDeploys > 0 {
		st.ChangeFailureRate = ratio(len(st.Failures), st.FailureRateDeploys)
	} else {
		st.Unavailable = "no change failure rate: every deployment in the window is a rollback, and rollbacks are left out of it"
	}
	// Incidents alone name no remediation deployment, so rework needs a
	// deployment signal.
	if !(len(st.SignalsRead) == 1 && st.SignalsRead[0] == SignalIncident) {
		st.ReworkRate = ratio(st.Remediations, deploys)
	} else {
		st.Unavailable = "rework rate needs rollbacks, reverts or hotfixes: only incidents could be read"
	}
}

// signalsRead lists the signals readable here: rollbacks when the window's
// deployed commits are in the history; reverts and hotfix branches when
// commit messages (or the API's pull requests) were read; incidents when
// the API's issues were.
func signalsRead(h *History, ss []Shipment, sig Signals, win Window) []string {
	var out []string
	known := false
	for _, s := range ss {
		known = known || (s.Known && win.Contains(s.At))
	}
	if known {
		out = append(out, SignalRollback)
		if h.MessagesRead() || sig.PullRequestsRead {
			out = append(out, SignalRevert, SignalHotfix)
		}
	}
	if sig.IncidentsRead {
		out = append(out, SignalIncident)
	}
	return out
}

func failureOf(s Shipment, v verdict, ss []Shipment) Failure {
	f := Failure{SHA: s.SHA, Ref: s.Ref, DeployedAt: s.At.UTC(), Signal: v.signal, Evidence: v.evidence}
	var at time.Time
	switch {
	case v.by >= 0:
		r := ss[v.by]
		f.RemediatedBy, f.RemediatedSHA, at = r.Ref, r.SHA, r.At
	case v.incident != nil:
		f.RemediatedBy, at = fmt.Sprintf("incident #%d", v.incident.Number), v.incident.Closed
		if at.IsZero() {
			f.RemediatedBy += " (still open)"
		}
	}
	if !at.IsZero() {
		t := at.UTC()
		f.RemediatedAt = &t
		f.RecoveredHours = ptrFloat(hours(at.Sub(s.At)))
	}
	return f
}

// incidentsAsOf keeps the incidents opened by end, reopening those closed
// after it: the report says what was known at its end.
func incidentsAsOf(in []Incident, end time.Time) []Incident {
	var out []Incident
	for _, inc := range in {
		if inc.Opened.After(end) {
			continue
		}
		if inc.Closed.After(end) {
			inc.Closed = time.Time{}
		}
		out = append(out, inc)
	}
	return out
}

func ratio(a, b int) *float64 { return ptrFloat(float64(a) / float64(b)) }

func ptrFloat(v float64) *float64 { return &v }

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// SignalNames joins signal names for people.
func SignalNames(signals []string) string { return strings.Join(signals, ", ") }
