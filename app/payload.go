package app

import (
	"crypto/hmac"
	"crypto/sha256"
	"errors"
	"io"
	"net/http"
	"os"
	"sync/atomic"
	"time"
)

// Bounds on reading payloads. Anyone who knows the URL can post, and a
// payload is read whole before its signature can be checked.
const (
	// maxUncheckedBytes bounds the memory held by bodies whose signature
	// is not checked yet, all requests together: without it, a few hundred
	// unsigned 25 MB posts take gigabytes. It is counted as bytes arrive,
	// not per request: a fixed number of read slots let a handful of
	// senders trickling a byte a second hold them all, and every signed
	// delivery then got 503. A trickle now holds a few kilobytes.
	maxUncheckedBytes = 8 * maxPayload
	// BodyReadTimeout bounds reading one body. GitHub sends a payload at
	// once and gives up on a delivery not answered within 10 seconds, so a
	// body still arriving after that is no delivery of GitHub's.
	BodyReadTimeout = 10 * time.Second
	// firstRead is the buffer a body starts with; it doubles as bytes
	// arrive, each growth reserved from the budget first.
	firstRead = 4 << 10
)

// errBusy answers a delivery that found the unchecked-bytes budget spent.
var errBusy = errors.New("too many payloads being read at once: GitHub can redeliver this later")

// byteBudget counts the bytes held by bodies being read.
type byteBudget struct {
	limit int64
	used  atomic.Int64
}

// reserve takes n bytes, or reports false and takes none.
func (b *byteBudget) reserve(n int64) bool {
	if b.used.Add(n) > b.limit {
		b.used.Add(-n)
		return false
	}
	return true
}

func (b *byteBudget) release(n int64) { b.used.Add(-n) }

// readPayload reads the body whole (at most maxPayload bytes, within the
// body deadline), reserving from the server's budget before each growth of
// its buffer and giving it all back once read: the body is then checked
// at once.
func (s *Server) readPayload(w http.ResponseWriter, r *http.Request) ([]byte, error) {
	s.bodyDeadline(w)
	body := http.MaxBytesReader(w, r.Body, maxPayload)
	var held int64
	defer func() { s.unchecked.release(held) }()
	var buf []byte
	for {
		if len(buf) == cap(buf) {
			grow := int64(max(firstRead, min(cap(buf), maxPayload+1-cap(buf))))
			if !s.unchecked.reserve(grow) {
				return nil, errBusy
			}
			held += grow
			buf = append(make([]byte, 0, int64(cap(buf))+grow), buf...)
		}
		n, err := body.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		switch {
		case errors.Is(err, io.EOF):
			return buf, nil
		case err != nil:
			return nil, err
		}
	}
}

// checkStreamed checks the signature of a body mvc does not need, without
// keeping it.
func (s *Server) checkStreamed(w http.ResponseWriter, r *http.Request, sum []byte) error {
	s.bodyDeadline(w)
	mac := hmac.New(sha256.New, []byte(s.cfg.WebhookSecret))
	if _, err := io.Copy(mac, http.MaxBytesReader(w, r.Body, maxPayload)); err != nil {
		return err
	}
	if !hmac.Equal(sum, mac.Sum(nil)) {
		return errSignatureMismatch
	}
	return nil
}

// bodyDeadline cuts the body's reading at s.bodyReadTimeout from now. A
// connection that does not support deadlines (a test's recorder) is read
// without one.
func (s *Server) bodyDeadline(w http.ResponseWriter) {
	_ = http.NewResponseController(w).SetReadDeadline(time.Now().Add(s.bodyReadTimeout))
}

// isReadTimeout reports whether err is the body deadline passing.
func isReadTimeout(err error) bool { return errors.Is(err, os.ErrDeadlineExceeded) }
