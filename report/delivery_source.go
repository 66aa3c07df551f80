package report

import (
	"github.com/mvcbot/mvc/analyzer/delivery"
)

// DeliverySourceDetail qualifies a deploy source for the report's source
// line, from the query that read it: "tags matching `v*`".
func DeliverySourceDetail(source string, q delivery.Query) string {
	switch source {
	case delivery.SourceDeployments:
		return "GitHub deployments to " + code(q.Environment)
	case delivery.SourceWorkflow:
		return "successful runs of " + code(q.Workflow) + " on the default branch"
	case delivery.SourceReleases:
		if q.ExcludePrereleases {
			return "published releases, pre-releases excluded"
		}
		return "published releases, pre-releases included"
	case delivery.SourceTags:
		if q.TagPattern == delivery.DefaultTagPattern {
			return "release tags: `v` and a digit (`v2`, `v1.2.3`), and versions such as `1.2.3`, `pkg@1.2.3`, `pkg-1.2.3`"
		}
		return "tags matching " + code(q.TagPattern)
	case delivery.SourceMerges:
		return "first-parent merges into the default branch"
	}
	return ""
}

// DeliveryAdvice words, for the front door a delivery report is shown in,
// how to supply what a deploy source lacked. The core says what was
// missing (delivery.Need); only a front door knows its own flags, inputs
// and checkout. The zero value words it without naming any.
type DeliveryAdvice struct {
	// API and History word a source that lacked the GitHub API or git
	// history, e.g. "needs the GitHub API: --github and a token".
	API, History string
	// NameSource says how to name a deploy source, e.g. "name a source
	// with `--deploy-source`".
	NameSource string
}

// Reason is why `auto` passed over s, in the advice's words.
func (a DeliveryAdvice) Reason(s delivery.Skip) string {
	if s.Need == "" {
		return s.Reason
	}
	return a.Need(s.Need)
}

// Need words what a run lacked to read a source.
func (a DeliveryAdvice) Need(n delivery.Need) string {
	switch {
	case n == delivery.NeedAPI && a.API != "":
		return a.API
	case n == delivery.NeedHistory && a.History != "":
		return a.History
	}
	return n.String()
}

func (a DeliveryAdvice) nameSource() string {
	if a.NameSource == "" {
		return "name a deploy source"
	}
	return a.NameSource
}
