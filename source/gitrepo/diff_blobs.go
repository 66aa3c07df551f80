package gitrepo

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"

	"github.com/mvcbot/mvc/analyzer"
)

// attributesBytes bounds a .gitattributes file; real ones are tiny.
const attributesBytes = 1 << 20

// treeBlob is a .gitattributes file of the base tree.
type treeBlob struct {
	dir, sha string
}

// attributeBlobs lists every .gitattributes file in the base tree.
func (r *Repo) attributeBlobs(ctx context.Context, base string) ([]treeBlob, error) {
	out, err := r.Git(ctx, "ls-tree", "-r", "-z", "--full-tree", base)
	if err != nil {
		return nil, err
	}
	var blobs []treeBlob
	for _, rec := range bytes.Split(out, []byte{0}) {
		meta, name, ok := bytes.Cut(rec, []byte{'\t'})
		fields := strings.Fields(string(meta))
		if !ok || len(fields) != 3 || fields[1] != "blob" {
			continue
		}
		if p := string(name); path.Base(p) == ".gitattributes" {
			blobs = append(blobs, treeBlob{dir: strings.TrimSuffix(path.Dir(p), "."), sha: fields[2]})
		}
	}
	return blobs, nil
}

// fillContents reads the header of every file and the content of every
// .gitattributes file through one cat-file process, and puts them in c.
func (r *Repo) fillContents(ctx context.Context, c *analyzer.Change, files []diffFile, attrs []treeBlob) error {
	limits := map[string]int{}
	for _, f := range files {
		if f.headerBlob != "" {
			limits[f.headerBlob] = max(limits[f.headerBlob], headerBytes)
		}
	}
	for _, a := range attrs {
		limits[a.sha] = attributesBytes
	}
	blobs, err := r.readBlobs(ctx, limits)
	if err != nil {
		return err
	}
	c.Files = make([]analyzer.FileChange, len(files))
	for i, f := range files {
		c.Files[i] = f.FileChange
		c.Files[i].Header = headerOf(blobs[f.headerBlob])
	}
	if len(attrs) > 0 {
		c.Attributes = make(map[string][]byte, len(attrs))
		for _, a := range attrs {
			c.Attributes[a.dir] = blobs[a.sha]
		}
	}
	return nil
}

// readBlobs reads up to limits[sha] bytes of each blob with a single
// `git cat-file --batch`. Requests are written from a goroutine while the
// replies are read, so neither pipe can fill up and deadlock. A blob git
// reports missing (a partial clone) is simply left out.
func (r *Repo) readBlobs(ctx context.Context, limits map[string]int) (map[string][]byte, error) {
	if len(limits) == 0 {
		return nil, nil
	}
	shas := make([]string, 0, len(limits))
	for sha := range limits {
		shas = append(shas, sha)
	}
	cmd := r.Command(ctx, "cat-file", "--batch")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, fmt.Errorf("git cat-file --batch: %w", err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("git cat-file --batch: %w", err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("git cat-file --batch: %w", err)
	}
	go writeRequests(stdin, shas)
	blobs, readErr := readReplies(bufio.NewReaderSize(stdout, 64<<10), shas, limits)
	if readErr != nil {
		_ = cmd.Process.Kill()
	}
	waitErr := cmd.Wait()
	switch {
	case readErr != nil:
		return nil, fmt.Errorf("git cat-file --batch: %w %s", readErr, strings.TrimSpace(stderr.String()))
	case waitErr != nil:
		return nil, &Error{Args: []string{"cat-file", "--batch"}, Stderr: stderr.String(), Err: waitErr}
	}
	return blobs, nil
}

func writeRequests(w io.WriteCloser, shas []string) {
	bw := bufio.NewWriter(w)
	for _, sha := range shas {
		if _, err := bw.WriteString(sha + "\n"); err != nil {
			break // cat-file died; the reader reports it
		}
	}
	_ = bw.Flush()
	_ = w.Close()
}

// readReplies reads one "<sha> <type> <size>\n<content>\n" (or "<sha>
// missing\n") reply per request, keeping the first limit bytes of each.
func readReplies(br *bufio.Reader, shas []string, limits map[string]int) (map[string][]byte, error) {
	blobs := make(map[string][]byte, len(shas))
	for _, sha := range shas {
		line, err := br.ReadString('\n')
		if err != nil {
			return nil, fmt.Errorf("reply for %s: %w", sha, err)
		}
		fields := strings.Fields(line)
		if len(fields) == 2 && fields[1] == "missing" {
			continue
		}
		if len(fields) != 3 {
			return nil, fmt.Errorf("unexpected reply %q for %s", strings.TrimSpace(line), sha)
		}
		size, err := strconv.Atoi(fields[2])
		if err != nil {
			return nil, fmt.Errorf("unexpected reply %q for %s", strings.TrimSpace(line), sha)
		}
		content, err := readObject(br, size, limits[sha])
		if err != nil {
			return nil, fmt.Errorf("content of %s: %w", sha, err)
		}
		blobs[sha] = content
	}
	return blobs, nil
}

// readObject reads an object of size bytes and its trailing newline,
// keeping at most limit bytes.
func readObject(br *bufio.Reader, size, limit int) ([]byte, error) {
	keep := make([]byte, min(size, limit))
	if _, err := io.ReadFull(br, keep); err != nil {
		return nil, err
	}
	if _, err := br.Discard(size - len(keep) + 1); err != nil {
		return nil, err
	}
	return keep, nil
}
