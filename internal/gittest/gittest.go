// Package gittest builds throwaway git repositories for tests: hermetic
// (no global or system git config), with a fixed identity and explicit
// commit dates, so tests never depend on the machine or the project's own
// history.
package gittest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Epoch is the default date of the first commit a Repo makes; each further
// commit without an explicit date is one hour later.
var Epoch = time.Date(2024, 1, 1, 12, 0, 0, 0, time.UTC)

// Repo is a git repository in a test's temporary directory.
type Repo struct {
	t    testing.TB
	Dir  string
	next time.Time
}

// New initialises an empty repository whose default branch is main.
func New(t testing.TB) *Repo {
	t.Helper()
	r := &Repo{t: t, Dir: t.TempDir(), next: Epoch}
	r.Git("init", "-q", "-b", "main")
	return r
}

// Env is the environment every git command of a Repo runs with. Tests that
// run git themselves (or code under test that commits) can use it too.
func Env() []string {
	return append(os.Environ(),
		"GIT_CONFIG_GLOBAL=/dev/null",
		"GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME=Test Author",
		"GIT_AUTHOR_EMAIL=author@example.com",
		"GIT_COMMITTER_NAME=Test Committer",
		"GIT_COMMITTER_EMAIL=committer@example.com",
		"GIT_TERMINAL_PROMPT=0",
		"TZ=UTC",
		"LC_ALL=C",
	)
}

// Isolate makes every git the test binary runs forget the machine: no
// global or system config, and no identity but one a command is given
// (GIT_AUTHOR_*, GIT_COMMITTER_*, as Env gives them). Call it from
// TestMain, so a test that commits without Env's identity fails on every
// machine, not only on a fresh one without user.name and user.email.
func Isolate() {
	for _, k := range []string{"GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL", "EMAIL"} {
		os.Unsetenv(k)
	}
	for k, v := range map[string]string{
		"GIT_CONFIG_GLOBAL":   "/dev/null",
		"GIT_CONFIG_NOSYSTEM": "1",
		// Without user.useConfigOnly git makes up user@host where the
		// host name has a domain, so a test would pass there only.
		"GIT_CONFIG_COUNT":   "1",
		"GIT_CONFIG_KEY_0":   "user.useConfigOnly",
		"GIT_CONFIG_VALUE_0": "true",
		"TZ":                 "UTC",
	} {
		os.Setenv(k, v)
	}
}

// Git runs git in the repository and returns its trimmed stdout, failing
// the test on error.
func (r *Repo) Git(args ...string) string {
	r.t.Helper()
	out, err := r.run(nil, args...)
	if err != nil {
		r.t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(out)
}

func (r *Repo) run(extraEnv []string, args ...string) (string, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = r.Dir
	cmd.Env = append(Env(), extraEnv...)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// Write creates or replaces a file (making parent directories).
func (r *Repo) Write(path, content string) {
	r.t.Helper()
	full := filepath.Join(r.Dir, filepath.FromSlash(path))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		r.t.Fatal(err)
	}
	if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
		r.t.Fatal(err)
	}
}

// WriteBytes is Write for binary content.
func (r *Repo) WriteBytes(path string, content []byte) {
	r.t.Helper()
	r.Write(path, string(content))
}

// Remove deletes a file from the working tree.
func (r *Repo) Remove(path string) {
	r.t.Helper()
	if err := os.Remove(filepath.Join(r.Dir, filepath.FromSlash(path))); err != nil {
		r.t.Fatal(err)
	}
}

// Move renames a file in the working tree (git detects the rename).
func (r *Repo) Move(from, to string) {
	r.t.Helper()
	dst := filepath.Join(r.Dir, filepath.FromSlash(to))
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		r.t.Fatal(err)
	}
	if err := os.Rename(filepath.Join(r.Dir, filepath.FromSlash(from)), dst); err != nil {
		r.t.Fatal(err)
	}
}

// Commit stages everything and commits it with the next default date (one
// hour after the previous commit), returning the new commit's SHA.
func (r *Repo) Commit(msg string) string {
	r.t.Helper()
	at := r.next
	return r.CommitAt(msg, at, at)
}

// CommitAt stages everything and commits with explicit author and committer
// dates (their zones are kept, so tests can use other time zones).
func (r *Repo) CommitAt(msg string, author, committer time.Time) string {
	r.t.Helper()
	r.Git("add", "-A")
	out, err := r.run([]string{
		"GIT_AUTHOR_DATE=" + author.Format(time.RFC3339),
		"GIT_COMMITTER_DATE=" + committer.Format(time.RFC3339),
	}, "commit", "-q", "--allow-empty", "--no-verify", "-m", msg)
	if err != nil {
		r.t.Fatalf("git commit: %v\n%s", err, out)
	}
	if committer.After(r.next) || committer.Equal(r.next) {
		r.next = committer.Add(time.Hour)
	}
	return r.Git("rev-parse", "HEAD")
}

// Tag creates a lightweight tag at rev.
func (r *Repo) Tag(name, rev string) {
	r.t.Helper()
	r.Git("tag", name, rev)
}

// AnnotatedTag creates an annotated tag at rev whose tagger date is at.
func (r *Repo) AnnotatedTag(name, rev string, at time.Time) {
	r.t.Helper()
	out, err := r.run([]string{"GIT_COMMITTER_DATE=" + at.Format(time.RFC3339)},
		"tag", "-a", "-m", name, name, rev)
	if err != nil {
		r.t.Fatalf("git tag -a %s: %v\n%s", name, err, out)
	}
}
