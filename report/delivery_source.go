package report

import (
	"fmt"

	"github.com/mvcbot/mvc/analyzer/delivery"
)

// DeliverySourceDetail qualifies a deploy source for the report's source
// line, from the query that read it: "tags matching `v*`".
func DeliverySourceDetail(source string, q delivery.Query) string {
	switch source {
	case delivery.SourceDeployments:
		return fmt.Sprintf("GitHub deployments to `%s`", q.Environment)
	case delivery.SourceWorkflow:
		return fmt.Sprintf("successful runs of `%s` on the default branch", q.Workflow)
	case delivery.SourceReleases:
		if q.ExcludePrereleases {
			return "published releases, pre-releases excluded"
		}
		return "published releases, pre-releases included"
	case delivery.SourceTags:
		if q.TagPattern == delivery.DefaultTagPattern {
			return "release tags: `v*`, and versions such as `1.2.3`, `pkg@1.2.3`, `pkg-1.2.3`"
		}
		return fmt.Sprintf("tags matching `%s`", q.TagPattern)
	case delivery.SourceMerges:
		return "first-parent merges into the default branch"
	}
	return ""
}
