package gitrepo

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// blobReader reads blobs through one `git cat-file --batch` process while
// requests keep arriving, so headers are read as the diff names the files
// rather than after it ends. A goroutine writes requests, another reads
// the replies in the same order; neither pipe can fill up and deadlock.
type blobReader struct {
	requests chan blobRequest
	limits   map[string]int // what was requested, for de-duplication
	done     chan struct{}
	blobs    map[string][]byte
	readErr  error
	wait     func() error
	stderr   *bytes.Buffer
}

type blobRequest struct {
	sha   string
	limit int
}

// startBlobReader starts cat-file. Call request for each blob, then finish.
func (r *Repo) startBlobReader(ctx context.Context) (*blobReader, error) {
	cmd := r.Command(ctx, "cat-file", "--batch")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, fmt.Errorf("git cat-file --batch: %w", err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("git cat-file --batch: %w", err)
	}
	b := &blobReader{
		requests: make(chan blobRequest, 256),
		limits:   map[string]int{},
		done:     make(chan struct{}),
		blobs:    map[string][]byte{},
		stderr:   &bytes.Buffer{},
	}
	cmd.Stderr = b.stderr
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("git cat-file --batch: %w", err)
	}
	b.wait = cmd.Wait
	inFlight := make(chan blobRequest, 1024)
	go b.write(stdin, inFlight)
	go b.read(bufio.NewReaderSize(stdout, 64<<10), inFlight, func() { _ = cmd.Process.Kill() })
	return b, nil
}

// request asks for the first limit bytes of a blob. Not safe for
// concurrent use: one goroutine makes all the requests.
func (b *blobReader) request(sha string, limit int) {
	if sha == "" || b.limits[sha] >= limit {
		return
	}
	b.limits[sha] = limit
	b.requests <- blobRequest{sha, limit}
}

// finish waits for every reply and returns the blobs by SHA. A blob git
// reports missing (a partial clone) is simply absent.
func (b *blobReader) finish() (map[string][]byte, error) {
	close(b.requests)
	<-b.done
	waitErr := b.wait()
	switch {
	case b.readErr != nil:
		return nil, fmt.Errorf("git cat-file --batch: %w %s", b.readErr, strings.TrimSpace(b.stderr.String()))
	case waitErr != nil:
		return nil, &Error{Args: []string{"cat-file", "--batch"}, Stderr: b.stderr.String(), Err: waitErr}
	}
	return b.blobs, nil
}

// write sends each request to cat-file and passes it on to the reader in
// order. It flushes before it could wait (for a request, or for the reader
// to catch up), so the reader never waits for a reply to a request that is
// still in this buffer.
func (b *blobReader) write(stdin io.WriteCloser, inFlight chan<- blobRequest) {
	w := bufio.NewWriter(stdin)
	for req := range b.requests {
		_, _ = w.WriteString(req.sha + "\n") // a dead cat-file is reported by the reader
		select {
		case inFlight <- req:
		default:
			_ = w.Flush()
			inFlight <- req
		}
		if len(b.requests) == 0 {
			_ = w.Flush()
		}
	}
	_ = w.Flush()
	_ = stdin.Close()
	close(inFlight)
}

// read stores one reply per request. After a failure it kills cat-file
// and keeps draining the requests, so the writer never blocks.
func (b *blobReader) read(br *bufio.Reader, inFlight <-chan blobRequest, kill func()) {
	defer close(b.done)
	for req := range inFlight {
		if b.readErr != nil {
			continue
		}
		content, err := readReply(br, req)
		if err != nil {
			b.readErr = err
			kill()
			continue
		}
		if content != nil && len(content) >= len(b.blobs[req.sha]) {
			b.blobs[req.sha] = content
		}
	}
}

// readReply reads "<sha> <type> <size>\n<content>\n", or "<sha> missing\n"
// (nil content), keeping the first req.limit bytes.
func readReply(br *bufio.Reader, req blobRequest) ([]byte, error) {
	line, err := br.ReadString('\n')
	if err != nil {
		return nil, fmt.Errorf("reply for %s: %w", req.sha, err)
	}
	fields := strings.Fields(line)
	if len(fields) == 2 && fields[1] == "missing" {
		return nil, nil
	}
	size := -1
	if len(fields) == 3 {
		size, _ = strconv.Atoi(fields[2])
	}
	if size < 0 {
		return nil, fmt.Errorf("unexpected reply %q for %s", strings.TrimSpace(line), req.sha)
	}
	keep := make([]byte, min(size, req.limit))
	if _, err := io.ReadFull(br, keep); err != nil {
		return nil, fmt.Errorf("content of %s: %w", req.sha, err)
	}
	if _, err := br.Discard(size - len(keep) + 1); err != nil {
		return nil, fmt.Errorf("content of %s: %w", req.sha, err)
	}
	return keep, nil
}

// readBlobs reads up to limits[sha] bytes of each blob through one
// cat-file process, for callers that know every blob up front.
func (r *Repo) readBlobs(ctx context.Context, limits map[string]int) (map[string][]byte, error) {
	if len(limits) == 0 {
		return nil, nil
	}
	b, err := r.startBlobReader(ctx)
	if err != nil {
		return nil, err
	}
	for sha, limit := range limits {
		b.request(sha, limit)
	}
	return b.finish()
}
