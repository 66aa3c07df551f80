// Package gitrepo reads a local git checkout through the git CLI: diffs,
// file contents at a revision, and history. It is the embedded default
// source: no token, no network.
package gitrepo

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"
)

// Repo is a git working tree or bare repository on disk.
type Repo struct {
	// Dir is the directory git runs in.
	Dir string
}

// Open checks that dir is inside a git repository and returns it.
func Open(ctx context.Context, dir string) (*Repo, error) {
	if dir == "" {
		dir = "."
	}
	r := &Repo{Dir: dir}
	if _, err := r.Git(ctx, "rev-parse", "--git-dir"); err != nil {
		return nil, fmt.Errorf("open git repository %s: %w", dir, err)
	}
	return r, nil
}

// Error is a failed git command with what git said on stderr.
type Error struct {
	Args   []string
	Stderr string
	Err    error
}

func (e *Error) Error() string {
	msg := strings.TrimSpace(e.Stderr)
	if i := strings.IndexByte(msg, '\n'); i >= 0 {
		msg = msg[:i]
	}
	if msg == "" {
		msg = e.Err.Error()
	}
	return fmt.Sprintf("git %s: %s", argsLine(e.Args), msg)
}

// argsLine joins a command's arguments for an error message, which must
// stay on one line: an argument holding a line break (a commit message
// given with -m) is cut at its first line.
func argsLine(args []string) string {
	out := make([]string, len(args))
	for i, a := range args {
		if i := strings.IndexAny(a, "\r\n"); i >= 0 {
			a = a[:i] + "…"
		}
		out[i] = a
	}
	return strings.Join(out, " ")
}

func (e *Error) Unwrap() error { return e.Err }

// Git runs git with args in the repository and returns its stdout.
func (r *Repo) Git(ctx context.Context, args ...string) ([]byte, error) {
	var stdout, stderr bytes.Buffer
	if err := r.stream(ctx, &stdout, &stderr, args...); err != nil {
		return nil, err
	}
	return stdout.Bytes(), nil
}

// GitString runs git and returns its stdout with surrounding space trimmed.
func (r *Repo) GitString(ctx context.Context, args ...string) (string, error) {
	out, err := r.Git(ctx, args...)
	return strings.TrimSpace(string(out)), err
}

// Command returns an unstarted git command in the repository, for callers
// that stream large outputs. The caller owns Stdout and Stderr.
func (r *Repo) Command(ctx context.Context, args ...string) *exec.Cmd {
	full := append([]string{"-C", r.Dir, "-c", "core.quotepath=off", "-c", "safe.directory=*"}, args...)
	cmd := exec.CommandContext(ctx, "git", full...)
	cmd.Env = append(cmd.Environ(), "GIT_TERMINAL_PROMPT=0", "LC_ALL=C")
	return cmd
}

func (r *Repo) stream(ctx context.Context, stdout, stderr *bytes.Buffer, args ...string) error {
	cmd := r.Command(ctx, args...)
	cmd.Stdout, cmd.Stderr = stdout, stderr
	if err := cmd.Run(); err != nil {
		var notFound *exec.Error
		if errors.As(err, &notFound) {
			return fmt.Errorf("git is not installed or not on PATH: %w", err)
		}
		return &Error{Args: args, Stderr: stderr.String(), Err: err}
	}
	return nil
}

// ResolveCommit returns the full SHA of rev as a commit.
func (r *Repo) ResolveCommit(ctx context.Context, rev string) (string, error) {
	sha, err := r.GitString(ctx, "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}")
	if err != nil || sha == "" {
		return "", fmt.Errorf("resolve %q: no such commit in %s", rev, r.Dir)
	}
	return sha, nil
}

// HasCommit reports whether the object database holds sha as a commit.
func (r *Repo) HasCommit(ctx context.Context, sha string) bool {
	_, err := r.Git(ctx, "cat-file", "-e", sha+"^{commit}")
	return err == nil
}

// IsShallow reports whether the repository is a shallow clone.
func (r *Repo) IsShallow(ctx context.Context) bool {
	out, err := r.GitString(ctx, "rev-parse", "--is-shallow-repository")
	return err == nil && out == "true"
}
