package github

import (
	"context"
	"fmt"
	"testing"

	"github.com/mvcbot/mvc/internal/fakegithub"
)

func TestIssueCommentsReadsEveryPage(t *testing.T) {
	for _, tt := range []struct{ comments, reads int }{{0, 1}, {35, 1}, {100, 1}, {101, 2}, {250, 3}} {
		t.Run(fmt.Sprint(tt.comments), func(t *testing.T) {
			f := newFixture(t)
			f.repo.AddPull(fakegithub.Pull{Number: 1})
			for i := range tt.comments {
				f.repo.AddComment(1, "mona", fmt.Sprintf("comment %d", i))
			}
			got, err := f.client.IssueComments(context.Background(), 1)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != tt.comments {
				t.Fatalf("got %d comments, want %d", len(got), tt.comments)
			}
			if tt.comments > 0 && got[tt.comments-1].Body != fmt.Sprintf("comment %d", tt.comments-1) {
				t.Errorf("last comment = %q: not oldest first", got[tt.comments-1].Body)
			}
			if f.srv.Reads() != tt.reads {
				t.Errorf("reads = %d, want %d", f.srv.Reads(), tt.reads)
			}
		})
	}
}

func TestCreateAndEditComment(t *testing.T) {
	f := newFixture(t)
	f.repo.AddPull(fakegithub.Pull{Number: 1})
	ctx := context.Background()
	created, err := f.client.CreateComment(ctx, 1, "first")
	if err != nil {
		t.Fatal(err)
	}
	if created.Author != fakegithub.Actor || !created.AuthorIsBot || created.ID == 0 {
		t.Errorf("created = %+v", created)
	}
	edited, err := f.client.EditComment(ctx, created.ID, "second")
	if err != nil {
		t.Fatal(err)
	}
	if edited.ID != created.ID || edited.Body != "second" {
		t.Errorf("edited = %+v", edited)
	}
	if got := f.repo.Comments(1); len(got) != 1 || got[0].GetBody() != "second" {
		t.Errorf("comments on the pull request = %v", got)
	}
}

func TestCommentValidationErrorCarriesGitHubsMessage(t *testing.T) {
	f := newFixture(t)
	f.repo.AddPull(fakegithub.Pull{Number: 1})
	_, err := f.client.CreateComment(context.Background(), 1, "")
	want := "comment on #1: GitHub answered 422 Validation Failed (IssueComment.body missing_field)"
	if !IsValidation(err) || err.Error() != want {
		t.Errorf("err = %v\nwant  %s", err, want)
	}
}
