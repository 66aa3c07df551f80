package github

import (
	"context"
	"net/http"
	"sync"
	"time"
)

// waitBudget is what one client may wait in all, over every request and
// every retry: RetryPolicy.MaxWait caps a single wait, but a run meeting
// limit after limit would otherwise add waits without end, burning an
// Action job's minutes for nothing.
type waitBudget struct {
	total time.Duration // fixed when the client is made

	mu    sync.Mutex
	spent time.Duration
}

func newWaitBudget(total time.Duration) *waitBudget { return &waitBudget{total: total} }

// take reserves d before the wait starts, so concurrent requests cannot
// together overrun the budget; it refuses, changing nothing, when d would
// take the total past it. spent is the total after a reservation, or
// before a refusal. A wait cut short by its context stays spent: the run
// is ending anyway.
func (b *waitBudget) take(d time.Duration) (spent time.Duration, ok bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.spent+d > b.total {
		return b.spent, false
	}
	b.spent += d
	return b.spent, true
}

type budgetKey struct{}

// withBudget charges the waits of requests made under ctx to b. The App's
// clients share installation tokens, and a token's refresh goes through
// the transport of the client that first minted it; the context makes the
// client that needs the token pay for its waits, not one whose delivery
// ended long ago and whose budget would never refill.
func withBudget(ctx context.Context, b *waitBudget) context.Context {
	return context.WithValue(ctx, budgetKey{}, b)
}

// budgetOf is the budget req's waits are charged to: the one its context
// carries, else the transport's own.
func budgetOf(req *http.Request, own *waitBudget) *waitBudget {
	if b, ok := req.Context().Value(budgetKey{}).(*waitBudget); ok && b != nil {
		return b
	}
	return own
}
