package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"
)

// withRequestTimeout returns a client whose every request, the response
// body included, ends after d. The Action's API client uses only a
// client's Transport, so http.Client.Timeout would not reach it: the
// bound lives in the transport. nil means the default transport.
func withRequestTimeout(c *http.Client, d time.Duration) *http.Client {
	next := http.DefaultTransport
	if c != nil && c.Transport != nil {
		next = c.Transport
	}
	out := &http.Client{}
	if c != nil {
		*out = *c
	}
	out.Transport = &timeoutTransport{next: next, timeout: d}
	return out
}

// timeoutTransport cancels a request that has not been answered and read
// within timeout, so a hung connection fails (and is retried) instead of
// holding a worker.
type timeoutTransport struct {
	next    http.RoundTripper
	timeout time.Duration
}

func (t *timeoutTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx, cancel := context.WithTimeout(req.Context(), t.timeout)
	resp, err := t.next.RoundTrip(req.WithContext(ctx))
	if err != nil {
		timedOut := errors.Is(ctx.Err(), context.DeadlineExceeded) && req.Context().Err() == nil
		cancel()
		if timedOut {
			return nil, fmt.Errorf("no answer from GitHub within %s: %w", t.timeout, err)
		}
		return nil, err
	}
	resp.Body = &cancelOnClose{ReadCloser: resp.Body, cancel: cancel}
	return resp, nil
}

// cancelOnClose releases the request's timer once its body is closed.
type cancelOnClose struct {
	io.ReadCloser
	cancel context.CancelFunc
}

func (b *cancelOnClose) Close() error {
	err := b.ReadCloser.Close()
	b.cancel()
	return err
}
