package github

import (
	"context"
	"strings"
	"testing"
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
