package gitrepo

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/mvcbot/mvc/analyzer/delivery"
)

// historyFormat prints one record per commit (NUL-terminated with -z):
// SHA, parents, author and committer dates as Unix seconds (zone-free
// instants), committer email, and the raw message, last because it may
// hold anything but NUL. The message gives the failure signals git keeps
// (revert lines, hotfix branch merges) in the same walk.
const historyFormat = "--format=%H%x1f%P%x1f%at%x1f%ct%x1f%ce%x1f%B"

// History reads the commit graph in ONE git log walk: every commit
// reachable from the branches, tags, remote-tracking branches and HEAD, plus
// the extra tips given (deployed SHAs the refs may not reach). Tips the
// object database lacks are ignored: a deployment of a commit this clone
// never fetched simply has no history.
func (r *Repo) History(ctx context.Context, extraTips ...string) (*delivery.History, error) {
	cmd := r.Command(ctx, "log", "-z", "--no-show-signature", historyFormat,
		"--branches", "--tags", "--remotes", "--ignore-missing", "--stdin")
	cmd.Stdin = strings.NewReader("HEAD\n" + strings.Join(extraTips, "\n") + "\n")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("read history of %s: %w", r.Dir, err)
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("read history of %s: %w", r.Dir, err)
	}
	commits, parseErr := parseHistory(stdout)
	if parseErr != nil {
		// Drain so git can exit instead of blocking on a full pipe.
		_, _ = io.Copy(io.Discard, stdout)
	}
	if err := cmd.Wait(); err != nil {
		if isEmptyRepo(stderr.String()) {
			return delivery.NewHistory(nil), nil
		}
		return nil, fmt.Errorf("read history of %s: %w", r.Dir, &Error{Args: []string{"log"}, Stderr: stderr.String(), Err: err})
	}
	if parseErr != nil {
		return nil, fmt.Errorf("read history of %s: %w", r.Dir, parseErr)
	}
	h := delivery.NewHistory(commits)
	h.SetMessagesRead()
	return h, nil
}

// isEmptyRepo recognises git log's complaint about a repository that has
// no commit yet: an empty history, not a failure.
func isEmptyRepo(stderr string) bool {
	return strings.Contains(stderr, "does not have any commits yet")
}

func parseHistory(r io.Reader) ([]delivery.Commit, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024) // an octopus merge is one long line
	sc.Split(splitNUL)
	var commits []delivery.Commit
	for sc.Scan() {
		c, err := parseCommitLine(sc.Text())
		if err != nil {
			return nil, err
		}
		commits = append(commits, c)
	}
	return commits, sc.Err()
}

// splitNUL splits git log -z output into records.
func splitNUL(data []byte, atEOF bool) (int, []byte, error) {
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return i + 1, data[:i], nil
	}
	if atEOF && len(data) > 0 {
		return len(data), data, nil
	}
	return 0, nil, nil
}

// parseCommitLine parses one historyFormat record.
func parseCommitLine(line string) (delivery.Commit, error) {
	fields := strings.SplitN(line, "\x1f", 6)
	if len(fields) != 6 {
		return delivery.Commit{}, fmt.Errorf("unexpected git log record %q", line)
	}
	author, err1 := unixTime(fields[2])
	committed, err2 := unixTime(fields[3])
	if err := errors.Join(err1, err2); err != nil {
		return delivery.Commit{}, fmt.Errorf("commit %s: %w", fields[0], err)
	}
	return delivery.Commit{
		SHA:            fields[0],
		Parents:        strings.Fields(fields[1]),
		Author:         author,
		Committed:      committed,
		CommitterEmail: fields[4],
		Reverts:        delivery.ParseReverts(fields[5]),
		MergedBranch:   mergedBranch(fields[1], fields[5]),
	}, nil
}

// mergedBranch reads the branch a merge commit's subject names.
func mergedBranch(parents, message string) string {
	if len(strings.Fields(parents)) < 2 {
		return ""
	}
	subject, _, _ := strings.Cut(message, "\n")
	return delivery.ParseMergedBranch(subject)
}

func unixTime(s string) (time.Time, error) {
	secs, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return time.Time{}, fmt.Errorf("bad timestamp %q", s)
	}
	return time.Unix(secs, 0).UTC(), nil
}

// PathCommits lists the commits (over the same refs History walks) that
// change any of paths: the changes of one service of a monorepo. It is a
// second walk, paid only when a path filter is asked for. --full-history
// keeps commits whose change a merge later dropped: they were still
// written, and shipped.
func (r *Repo) PathCommits(ctx context.Context, paths []string) (map[string]bool, error) {
	args := append([]string{"log", "--format=%H", "--full-history", "--branches", "--tags", "--remotes", "HEAD", "--"}, paths...)
	out, err := r.Git(ctx, args...)
	if err != nil {
		return nil, fmt.Errorf("list commits touching %s in %s: %w", strings.Join(paths, ", "), r.Dir, err)
	}
	shas := map[string]bool{}
	for _, sha := range strings.Fields(string(out)) {
		shas[sha] = true
	}
	return shas, nil
}
