package deliveryrun

import (
	"context"
	"time"

	"github.com/mvcbot/mvc/analyzer/delivery"
	ghsource "github.com/mvcbot/mvc/source/github"
	"github.com/mvcbot/mvc/source/gitrepo"
)

// A HistoryReader reads the commit graph that deploys shipped; since is
// where the measurement looks back to (Facts.Query.Since).
type HistoryReader func(ctx context.Context, deploys []delivery.Deployment, since time.Time) (*delivery.History, error)

// FromClone walks the local clone: no API call. Deployments read from the
// API may name commits no local ref reaches; the clone walks again from
// them.
func FromClone(clone *gitrepo.Deliveries) HistoryReader {
	return func(ctx context.Context, deploys []delivery.Deployment, _ time.Time) (*delivery.History, error) {
		shas := make([]string, len(deploys))
		for i, d := range deploys {
			shas[i] = d.SHA
		}
		return clone.History(ctx, shas...)
	}
}

// FromCompare asks GitHub's compare API for the commits between
// consecutive deployments since since, about one request each: for a
// checkout without the history (shallow, or none).
func FromCompare(c *ghsource.Client) HistoryReader {
	return func(ctx context.Context, deploys []delivery.Deployment, since time.Time) (*delivery.History, error) {
		return c.CompareHistory(ctx, deploys, since)
	}
}
