package deliveryrun

import (
	"context"

	"github.com/mvcbot/mvc/analyzer/delivery"
	ghsource "github.com/mvcbot/mvc/source/github"
)

// ReadSignals reads the failure signals only GitHub knows (see
// ghsource.Client.DeliverySignals) for f: merged pull requests since the
// lookback, so reverts of ones merged just before the window resolve;
// incidents since the window's start; and details only of the pull
// requests the window shipped. It sets o's Lookback, WindowStart and
// Shipped; the caller gives the labels, lookups and policy. What could
// not be read comes back as warnings.
func ReadSignals(ctx context.Context, c *ghsource.Client, f Facts, o ghsource.SignalOptions) (delivery.Signals, []error) {
	o.Lookback = f.Query.Since
	o.WindowStart = delivery.NewWindow(f.Options.Until, f.Options.WindowDays).Start
	o.Shipped = f.Shipped
	return c.DeliverySignals(ctx, o)
}
