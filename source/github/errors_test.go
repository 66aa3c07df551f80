package github

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"github.com/mvcbot/mvc/internal/fakegithub"
)

func TestErrorClassification(t *testing.T) {
	f := newFixture(t)
	f.repo.AddPull(fakegithub.Pull{Number: 1})
	ctx := context.Background()
	f.srv.FailNext("PATCH", "/repos/octo/hello/labels/bug", http.StatusNotFound, nil, "")
	f.srv.FailNext("POST", "/repos/octo/hello/issues/1/comments", http.StatusForbidden, nil,
		`{"message":"`+fakegithub.MsgNotAccessible+`"}`)
	f.srv.FailNext("GET", "/repos/octo/hello/pulls/1", http.StatusUnauthorized, nil, `{"message":"Bad credentials"}`)
	_, writeNotFound := f.client.UpdateLabelColor(ctx, "bug", "ffffff")
	_, forbidden := f.client.CreateComment(ctx, 1, "x")
	_, unauthorized := f.client.PullRequest(ctx, 1)
	_, readNotFound := f.client.PullRequest(ctx, 2)
	tests := []struct {
		err                             error
		permission, notFound, rateLimit bool
	}{
		{writeNotFound, true, true, false},
		{forbidden, true, false, false},
		{unauthorized, false, false, false},
		{readNotFound, false, true, false},
		{&RateLimitError{}, false, false, true},
		{fmt.Errorf("wrapped: %w", &RateLimitError{Secondary: true}), false, false, true},
		{nil, false, false, false},
	}
	for i, tt := range tests {
		if got := IsPermission(tt.err); got != tt.permission {
			t.Errorf("%d: IsPermission(%v) = %v", i, tt.err, got)
		}
		if got := IsNotFound(tt.err); got != tt.notFound {
			t.Errorf("%d: IsNotFound(%v) = %v", i, tt.err, got)
		}
		if got := IsRateLimit(tt.err); got != tt.rateLimit {
			t.Errorf("%d: IsRateLimit(%v) = %v", i, tt.err, got)
		}
	}
}
