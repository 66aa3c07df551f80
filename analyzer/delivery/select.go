package delivery

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// SourceAuto asks Pick to choose the source.
const SourceAuto = "auto"

// Query asks a Provider for the deployments of one source over all history.
type Query struct {
	Source             string
	Environment        string // deployments: the environment to match
	Workflow           string // workflow: the deploy workflow's file or name
	TagPattern         string // tags: a glob on tag names
	ExcludePrereleases bool   // releases: drop pre-releases
	// Since is the window's start. Providers that pay per deployment (one
	// status read each) may read details only from shortly before it; the
	// deployments they return must still include the last one before Since,
	// which is the predecessor of the window's first deployment.
	Since time.Time
}

// Provider reads deployments from one place: a local clone (tags, merges)
// or the GitHub API (deployments, workflow runs, releases, tags).
type Provider interface {
	// Supports reports whether the provider can read the named source.
	Supports(source string) bool
	// Deployments lists the source's successful deployments in any order.
	Deployments(ctx context.Context, q Query) ([]Deployment, error)
}

// Choice is the source Pick settled on and what it tried first.
type Choice struct {
	Source      string
	Deployments []Deployment
	// Skipped lists the sources `auto` tried before, in order, with why
	// each was passed over, so reports can say how the source was chosen.
	Skipped []Skip
}

// Skip is one source auto passed over.
type Skip struct {
	Source string
	// Reason is short, for a report's source line: "no deployments", a
	// NoAccessError's reason ("no access (403)"), or what the run lacks.
	Reason string
	// Need is what the run lacked to read the source at all (no provider
	// here reads it); empty when the source was read.
	Need Need
}

// Need is what reading a source takes that a run may lack. The core says
// which; each front door words how to supply it there (a flag, an input,
// a checkout), since only it knows its own settings.
type Need string

// The needs of the sources.
const (
	// NeedAPI is GitHub's API: deployments, workflow runs and releases
	// exist only there.
	NeedAPI Need = "github-api"
	// NeedHistory is the repository's git history: tags are dated, and
	// merges found, from its commits.
	NeedHistory Need = "git-history"
)

// NeedOf is what reading source takes.
func NeedOf(source string) Need {
	if source == SourceTags || source == SourceMerges {
		return NeedHistory
	}
	return NeedAPI
}

// String words the need without naming any front door's settings.
func (n Need) String() string {
	if n == NeedHistory {
		return "needs the repository's git history"
	}
	return "needs the GitHub API"
}

// UnavailableError is the error of a source no provider here can read;
// Need says what the run lacks. It matches ErrUnavailable.
type UnavailableError struct {
	Source string
	Need   Need
}

func (e *UnavailableError) Error() string { return e.Need.String() }

// Is makes errors.Is(err, ErrUnavailable) hold.
func (e *UnavailableError) Is(target error) bool { return target == ErrUnavailable }

// ValidSource checks a --deploy-source value.
func ValidSource(source string) error {
	if source == SourceAuto || slices.Contains(Sources, source) {
		return nil
	}
	return fmt.Errorf("unknown deploy source %q (use auto, %s)", source, strings.Join(Sources, ", "))
}

// Pick reads the deployments of the named source. For SourceAuto it takes
// the first source in Sources order that has at least one deployment ever,
// trying `workflow` only when q.Workflow is set.
//
// Under auto a source is passed over when it has no deployments, when no
// provider here reads it (ErrUnavailable), or when its provider says the
// run may not read it (a NoAccessError: a token without access to
// deployments is common). Any other failure (GitHub unreachable, still
// failing after retries, rate-limited; git failing) ends auto with an
// error naming the source: passing over it would report another source's
// figures as if this one had none. A source named explicitly that fails is
// an error too.
func Pick(ctx context.Context, providers []Provider, q Query, source string) (Choice, error) {
	if source != SourceAuto {
		q.Source = source
		deploys, err := read(ctx, providers, q)
		if err != nil {
			return Choice{Source: source}, fmt.Errorf("read %s: %w", source, err)
		}
		return Choice{Source: source, Deployments: deploys}, nil
	}
	var skipped []Skip
	for _, s := range Sources {
		if s == SourceWorkflow && q.Workflow == "" {
			continue
		}
		q.Source = s
		deploys, err := read(ctx, providers, q)
		if err != nil {
			skip, ok := skipFor(s, err)
			if !ok {
				return Choice{Source: SourceAuto, Skipped: skipped}, fmt.Errorf("deploy source auto: read %s: %w", s, err)
			}
			skipped = append(skipped, skip)
			continue
		}
		if len(deploys) == 0 {
			skipped = append(skipped, Skip{Source: s, Reason: "no deployments"})
			continue
		}
		return Choice{Source: s, Deployments: deploys, Skipped: skipped}, nil
	}
	return Choice{Source: SourceAuto, Skipped: skipped}, nil
}

// skipFor words why auto passes over source after err, or says it must
// not: only a source this run cannot read is passed over.
func skipFor(source string, err error) (Skip, bool) {
	var unavailable *UnavailableError
	var denied *NoAccessError
	switch {
	case errors.As(err, &unavailable):
		return Skip{Source: source, Reason: err.Error(), Need: unavailable.Need}, true
	case errors.Is(err, ErrUnavailable):
		need := NeedOf(source)
		return Skip{Source: source, Reason: need.String(), Need: need}, true
	case errors.As(err, &denied):
		return Skip{Source: source, Reason: denied.Reason}, true
	}
	return Skip{}, false
}

// read asks the first provider that supports q.Source.
func read(ctx context.Context, providers []Provider, q Query) ([]Deployment, error) {
	for _, p := range providers {
		if p.Supports(q.Source) {
			return p.Deployments(ctx, q)
		}
	}
	return nil, &UnavailableError{Source: q.Source, Need: NeedOf(q.Source)}
}

// ErrUnavailable means no provider can read a source here (GitHub
// deployments without the API, tags without git history). Pick returns an
// *UnavailableError, which says what was missing.
var ErrUnavailable = errors.New("no provider here can read the source")

// ErrNoAccess matches a NoAccessError.
var ErrNoAccess = errors.New("no access to the source")

// NoAccessError is a provider's answer that this run may not read a
// source, as opposed to a read that failed: GitHub's 403 or 404 on it.
// Under auto, Pick passes over the source with Reason; named explicitly,
// the source's error is Err's. Providers wrap their own errors in it, so
// the core needs no HTTP or GitHub types.
type NoAccessError struct {
	// Reason is short, for a report's source line: "no access (403)".
	Reason string
	Err    error
}

func (e *NoAccessError) Error() string { return e.Err.Error() }

func (e *NoAccessError) Unwrap() error { return e.Err }

// Is makes errors.Is(err, ErrNoAccess) hold.
func (e *NoAccessError) Is(target error) bool { return target == ErrNoAccess }
