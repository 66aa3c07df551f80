package delivery

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// DefaultWindowDays is the window the Action and `mvc report` use unless told.
const DefaultWindowDays = 30

// MaxWindowDays bounds the window at ten years: a window of millions of
// days filled gigabytes with empty weeks and started before year 0, which
// JSON cannot write.
const MaxWindowDays = 3660

// Options say what to measure.
type Options struct {
	// Source names where the deployments came from; reports repeat it.
	Source string
	// Until ends the window (inclusive); the window is (Until − WindowDays, Until].
	Until      time.Time
	WindowDays int
	// Environment, when set, drops deployments that name another one, so
	// staging never counts as production. Deployments without an
	// environment (tags, merges) are kept.
	Environment string
	// Edition names the DORA report whose levels are given (default 2024).
	Edition string
	// Failures tunes the hotfix and incident failure signals.
	Failures FailureRules
}

// Validate reports options that cannot describe a window.
func (o Options) Validate() error {
	var errs []error
	if o.WindowDays <= 0 || o.WindowDays > MaxWindowDays {
		errs = append(errs, fmt.Errorf("window days must be a whole number of days from 1 to %d, got %d", MaxWindowDays, o.WindowDays))
	}
	if o.Edition != "" {
		if err := ValidEdition(o.Edition); err != nil {
			errs = append(errs, err)
		}
	}
	if o.Until.IsZero() {
		errs = append(errs, errors.New("the window needs an end time (until)"))
	}
	return errors.Join(errs...)
}

// Window is the half-open period (Start, End] the metrics cover.
type Window struct {
	Start time.Time `json:"start"`
	End   time.Time `json:"end"`
	Days  int       `json:"days"`
}

// Contains reports whether t lies in (Start, End].
func (w Window) Contains(t time.Time) bool { return t.After(w.Start) && !t.After(w.End) }

// Weeks is the window's length in weeks, the deploys-per-week denominator.
func (w Window) Weeks() float64 { return float64(w.Days) / 7 }

// NewWindow returns (until − days, until] in UTC.
func NewWindow(until time.Time, days int) Window {
	end := until.UTC()
	return Window{Start: end.AddDate(0, 0, -days), End: end, Days: days}
}

// Compute measures the window opts describes from the commit graph alone:
// deployment frequency and lead time, and the failure signals git holds
// (rollbacks; reverts and hotfix branches when messages were read). See
// ComputeWith for the signals only an API knows.
func Compute(h *History, deploys []Deployment, opts Options) Metrics {
	return ComputeWith(h, deploys, Signals{}, opts)
}

// ComputeWith measures all five metrics in the window opts describes.
// Shipped commits are attributed over the whole history first (see Ship),
// then the window selects deployments by time; failures are judged from
// every deployment up to the window's end. Options must pass Validate; a
// non-positive window falls back to DefaultWindowDays.
func ComputeWith(h *History, deploys []Deployment, sig Signals, opts Options) Metrics {
	if opts.WindowDays <= 0 {
		opts.WindowDays = DefaultWindowDays
	}
	if opts.Edition == "" {
		opts.Edition = DefaultEdition
	}
	shipments, by := ship(h, inEnvironment(deploys, opts.Environment))
	win := NewWindow(opts.Until, opts.WindowDays)
	m := measure(shipments, win)
	var j *judge
	m.Stability, j = stability(h, shipments, by, sig, opts.Failures, win)
	if sig.Pulls != nil {
		m.Flow = flowOf(j, j.out, sig.Pulls, win)
	}
	m.Source, m.Proxy, m.Environment = opts.Source, IsProxy(opts.Source), opts.Environment
	m.Ever = len(shipments)
	m.Series = weekly(shipments, win)
	if len(m.SignalsRead) > 0 {
		weeklyFailures(m.Series, j.ss, j.out, win)
	}
	if !m.Measured() {
		// `auto` found no source: a zero rate, an empty week or a "low"
		// frequency would each claim a measurement that never happened.
		m.DeploysPerDay, m.DeploysPerWeek, m.Series = nil, nil, []Week{}
	}
	in := m.levelInputs()
	m.Levels, m.QuickCheck = levelsOf(opts.Edition, in), quickCheckOf(in)
	if m.Measured() {
		prev := measure(shipments, NewWindow(win.Start, win.Days))
		m.Previous = &Summary{
			Window:         prev.Window,
			Deploys:        prev.Deploys,
			DeploysPerWeek: *prev.DeploysPerWeek,
			LeadTimeMedian: prev.LeadTime.Median,
		}
	}
	return m
}

func inEnvironment(deploys []Deployment, env string) []Deployment {
	if env == "" {
		return deploys
	}
	out := make([]Deployment, 0, len(deploys))
	for _, d := range deploys {
		// GitHub compares environment names case-insensitively.
		if d.Environment == "" || strings.EqualFold(d.Environment, env) {
			out = append(out, d)
		}
	}
	return out
}

// measure computes the window's figures from shipments in time order.
func measure(shipments []Shipment, win Window) Metrics {
	m := Metrics{Window: win, Deployments: []DeploymentReport{}}
	var leads, gaps []float64
	var prev time.Time
	for _, s := range shipments {
		if !win.Contains(s.At) {
			continue
		}
		if m.Deploys > 0 {
			gaps = append(gaps, hours(s.At.Sub(prev)))
		}
		prev = s.At
		m.Deploys++
		lt := hoursOf(s.LeadTimes())
		leads = append(leads, lt...)
		m.Deployments = append(m.Deployments, reportOf(s, lt))
		m.Unmeasured.add(s)
		m.Expanded += s.Expanded
	}
	m.DeploysPerDay = ptrFloat(float64(m.Deploys) / float64(win.Days))
	m.DeploysPerWeek = ptrFloat(float64(m.Deploys) / win.Weeks())
	m.HoursBetween = Gaps{Median: Quantile(gaps, 0.5), N: len(gaps)}
	m.LeadTime = Distribute(leads)
	return m
}

func reportOf(s Shipment, leadHours []float64) DeploymentReport {
	return DeploymentReport{
		SHA:            s.SHA,
		Ref:            s.Ref,
		DeployedAt:     s.At.UTC(),
		Commits:        len(s.Commits),
		LeadTimeMedian: Quantile(leadHours, 0.5),
		First:          s.First,
		Missing:        !s.Known,
	}
}

func hoursOf(ds []time.Duration) []float64 {
	out := make([]float64, len(ds))
	for i, d := range ds {
		out[i] = hours(d)
	}
	return out
}

func hours(d time.Duration) float64 { return d.Hours() }
