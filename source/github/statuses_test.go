package github

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestSetCommitStatus(t *testing.T) {
	f := newFixture(t)
	sha := strings.Repeat("ab", 20)
	long := strings.Repeat("é", 200)
	ctx := context.Background()
	if err := f.client.SetCommitStatus(ctx, sha, CommitStatus{Context: "mvc/size", State: StatusFailure, Description: long}); err != nil {
		t.Fatal(err)
	}
	if err := f.client.SetCommitStatus(ctx, sha, CommitStatus{Context: "mvc/size", State: StatusSuccess, Description: "Size S"}); err != nil {
		t.Fatal(err)
	}
	got := f.repo.Statuses(sha)
	if len(got) != 2 || got[0].GetState() != "failure" || got[1].GetState() != "success" || got[1].GetContext() != "mvc/size" {
		t.Fatalf("statuses = %+v", got)
	}
	if d := got[0].GetDescription(); utf8.RuneCountInString(d) != 140 || !strings.HasSuffix(d, "…") {
		t.Errorf("a long description is sent as %d characters (%q); GitHub accepts 140", utf8.RuneCountInString(d), d)
	}
}

func TestSetCommitStatusWithoutPermissionSaysSo(t *testing.T) {
	f := newFixture(t)
	sha := strings.Repeat("cd", 20)
	f.srv.FailNext("POST", "/repos/octo/hello/statuses/"+sha, 403, nil, `{"message":"Resource not accessible by integration"}`)
	err := f.client.SetCommitStatus(context.Background(), sha, CommitStatus{Context: "mvc/size", State: StatusSuccess})
	if !IsPermission(err) || !strings.Contains(err.Error(), "set the mvc/size status of cdcdcdcdcdcd") {
		t.Errorf("err = %v, want a permission error naming the status", err)
	}
	if got := f.repo.Statuses(sha); len(got) != 0 {
		t.Errorf("statuses = %+v, want none", got)
	}
}

// A status the commit's latest under that context already says is not
// posted again: one read of the combined status, no write. Any
// difference, the cut description compared as sent, posts.
func TestSetCommitStatusSkipsAnUnchangedOne(t *testing.T) {
	base := CommitStatus{Context: "mvc/size", State: StatusSuccess, Description: "Size S", TargetURL: "https://example.com/run/1"}
	with := func(change func(*CommitStatus)) CommitStatus {
		s := base
		change(&s)
		return s
	}
	long := strings.Repeat("é", 200)
	tests := []struct {
		name      string
		first     CommitStatus
		second    CommitStatus
		wantPosts int
	}{
		{"identical", base, base, 1},
		{"identical long description", with(func(s *CommitStatus) { s.Description = long }), with(func(s *CommitStatus) { s.Description = long }), 1},
		{"changed description", base, with(func(s *CommitStatus) { s.Description = "Size M" }), 2},
		{"changed state", base, with(func(s *CommitStatus) { s.State = StatusFailure }), 2},
		{"changed target URL", base, with(func(s *CommitStatus) { s.TargetURL = "" }), 2},
		{"another context", base, with(func(s *CommitStatus) { s.Context = "mvc/other" }), 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			sha := strings.Repeat("ab", 20)
			for _, s := range []CommitStatus{tt.first, tt.second} {
				if err := f.client.SetCommitStatus(context.Background(), sha, s); err != nil {
					t.Fatal(err)
				}
			}
			if got := len(f.repo.Statuses(sha)); got != tt.wantPosts {
				t.Errorf("%d statuses posted, want %d: %v", got, tt.wantPosts, f.srv.Requests())
			}
			if r, w := f.srv.Reads(), f.srv.Writes(); r != 2 || w != tt.wantPosts {
				t.Errorf("reads, writes = %d, %d; want one read per status and %d writes", r, w, tt.wantPosts)
			}
		})
	}
}

// The check is an extra: when the read fails it is neither retried nor
// waited for, and the status is posted anyway.
func TestSetCommitStatusPostsWhenTheCheckFails(t *testing.T) {
	tests := []struct {
		name  string
		fault func(f *fixture, path string)
	}{
		{"server error", func(f *fixture, path string) { f.srv.FailNext("GET", path, http.StatusBadGateway, nil, "") }},
		{"secondary limit", func(f *fixture, path string) { f.srv.FailNextSecondaryLimit("GET", path, time.Minute) }},
		{"not found", func(f *fixture, path string) { f.srv.FailNext("GET", path, http.StatusNotFound, nil, "") }},
		{"not JSON", func(f *fixture, path string) { f.srv.FailNext("GET", path, http.StatusOK, nil, "<html>") }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			sha := strings.Repeat("ef", 20)
			s := CommitStatus{Context: "mvc/size", State: StatusSuccess, Description: "Size S"}
			if err := f.client.SetCommitStatus(context.Background(), sha, s); err != nil {
				t.Fatal(err)
			}
			tt.fault(f, "/repos/octo/hello/commits/"+sha+"/status")
			if err := f.client.SetCommitStatus(context.Background(), sha, s); err != nil {
				t.Fatal(err)
			}
			if got := len(f.repo.Statuses(sha)); got != 2 {
				t.Errorf("%d statuses, want 2: a failed check posts", got)
			}
			if r := f.srv.Reads(); r != 2 {
				t.Errorf("reads = %d, want 2: the failed check is not retried", r)
			}
			if w := f.clock.Waits(); len(w) != 0 {
				t.Errorf("waited %v for an optional read", w)
			}
		})
	}
}

// A check refused by the primary limit is not waited for, nor handed to
// go-github (which would then refuse the post itself until the reset):
// the post meets the limit, waits for the reset once, and is set.
func TestSetCommitStatusWaitsOnceWhenTheCheckMeetsThePrimaryLimit(t *testing.T) {
	f := newFixture(t)
	sha := strings.Repeat("ef", 20)
	f.srv.SetRateLimit(5000, 0, f.clock.Now().Add(90*time.Second))
	if err := f.client.SetCommitStatus(context.Background(), sha, CommitStatus{Context: "mvc/size", State: StatusSuccess}); err != nil {
		t.Fatal(err)
	}
	if got := f.clock.Waits(); len(got) != 1 || got[0] != 91*time.Second {
		t.Errorf("waits = %v, want one until the reset", got)
	}
	if got := len(f.repo.Statuses(sha)); got != 1 {
		t.Errorf("%d statuses, want 1", got)
	}
}
