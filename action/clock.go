package action

import (
	"context"
	"time"

	ghsource "github.com/mvcbot/mvc/source/github"
)

// envClock adapts Env's injectable Now and Sleep to the API client's clock,
// so tests of rate-limit handling never sleep.
type envClock struct{ env Env }

func (c envClock) Now() time.Time { return c.env.Now() }

func (c envClock) Sleep(ctx context.Context, d time.Duration) error {
	if c.env.Sleep != nil {
		return c.env.Sleep(ctx, d)
	}
	return ghsource.SystemClock{}.Sleep(ctx, d)
}

func (r *runner) clock() ghsource.Clock { return envClock{env: r.env} }
