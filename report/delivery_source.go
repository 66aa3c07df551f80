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
			return "release tags: `v*`, and versions such as `1.2.3`, `pkg@1.2.3`, `pkg-1.2.3`"
		}
		return "tags matching " + code(q.TagPattern)
	case delivery.SourceMerges:
		return "first-parent merges into the default branch"
	}
	return ""
}
