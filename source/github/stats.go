package github

import (
	"net/http"
	"sync"
	"time"
)

// Stats counts the HTTP requests a Client sent: every attempt, retries
// included, because each one spends API budget.
type Stats struct {
	// Reads are GET and HEAD requests; Writes are all others.
	Reads, Writes int
	// Auth are GitHub App authentication requests (the installation
	// lookup and token exchanges), kept out of Reads and Writes.
	Auth int
	// Retries is how many of the requests above repeated an earlier one.
	Retries int
	// Waited is the total time spent waiting before retries.
	Waited time.Duration
}

// counter is a Stats shared by a client's transports.
type counter struct {
	mu    sync.Mutex
	stats Stats
}

func (c *counter) snapshot() Stats {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.stats
}

// sent counts one attempt; auth attempts go to their own tally.
func (c *counter) sent(method string, auth, retry bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	switch {
	case auth:
		c.stats.Auth++
	case method == http.MethodGet || method == http.MethodHead:
		c.stats.Reads++
	default:
		c.stats.Writes++
	}
	if retry {
		c.stats.Retries++
	}
}

func (c *counter) waited(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.stats.Waited += d
}
