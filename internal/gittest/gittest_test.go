package gittest

import (
	"os/exec"
	"strings"
	"testing"
	"time"
)

func TestCommitDatesAndTags(t *testing.T) {
	r := New(t)
	r.Write("a.txt", "one\n")
	first := r.Commit("first")
	r.Write("a.txt", "two\n")
	at := time.Date(2024, 3, 1, 9, 30, 0, 0, time.FixedZone("X", 2*3600))
	second := r.CommitAt("second", at, at.Add(time.Hour))
	if first == second {
		t.Fatal("commits share a SHA")
	}
	if got := r.Git("log", "-1", "--format=%aI", second); got != "2024-03-01T09:30:00+02:00" {
		t.Errorf("author date = %s", got)
	}
	r.AnnotatedTag("v1.0.0", first, at)
	if got := r.Git("for-each-ref", "--format=%(taggerdate:iso-strict)", "refs/tags/v1.0.0"); got != "2024-03-01T09:30:00+02:00" {
		t.Errorf("tagger date = %s", got)
	}
}

// After Isolate, git commits only with the identity it is given: a
// command run without Env fails as on a machine with no user.name, even
// where git could make one up from the host name.
func TestIsolateLeavesNoIdentity(t *testing.T) {
	r := New(t)
	r.Write("a.txt", "a\n")
	r.Git("add", "a.txt")
	bare := exec.Command("git", "commit", "-q", "-m", "no identity")
	bare.Dir = r.Dir
	if out, err := bare.CombinedOutput(); err == nil || !strings.Contains(string(out), "no email was given") {
		t.Errorf("git commit without Env: err %v, output %q; want git to refuse for want of an identity", err, out)
	}
	if sha := r.Commit("with Env"); sha == "" {
		t.Error("Commit made no commit")
	}
}
