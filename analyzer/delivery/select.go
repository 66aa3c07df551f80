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
	Reason string // "no deployments", "not available", or the error
}

// ValidSource checks a --deploy-source value.
func ValidSource(source string) error {
	if source == SourceAuto || slices.Contains(Sources, source) {
		return nil
	}
	return fmt.Errorf("unknown deploy source %q (use auto, %s)", source, strings.Join(Sources, ", "))
}

// Pick reads the deployments of the named source. For SourceAuto it takes
// the first source in Sources order that has at least one deployment ever,
// trying `workflow` only when q.Workflow is set. A source that fails under
// auto is skipped (a token without access to deployments is common); a
// source named explicitly that fails is an error.
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
		switch {
		case err != nil:
			skipped = append(skipped, Skip{Source: s, Reason: err.Error()})
		case len(deploys) == 0:
			skipped = append(skipped, Skip{Source: s, Reason: "no deployments"})
		default:
			return Choice{Source: s, Deployments: deploys, Skipped: skipped}, nil
		}
	}
	return Choice{Source: SourceAuto, Skipped: skipped}, nil
}

// read asks the first provider that supports q.Source.
func read(ctx context.Context, providers []Provider, q Query) ([]Deployment, error) {
	for _, p := range providers {
		if p.Supports(q.Source) {
			return p.Deployments(ctx, q)
		}
	}
	return nil, ErrUnavailable
}

// ErrUnavailable means no provider can read a source here (for example
// GitHub deployments without --github and a token).
var ErrUnavailable = errors.New("needs the GitHub API: --github and a token")
