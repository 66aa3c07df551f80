package publish

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/mvcbot/mvc/config"
	"github.com/mvcbot/mvc/internal/fakegithub"
	"github.com/mvcbot/mvc/source/github"
)

const report = Marker + "\n### mvc: 812 weighted lines, too large\n"

func TestCommentPolicies(t *testing.T) {
	tests := []struct {
		name     string
		policy   config.Comment
		tooLarge bool
		existing bool
		want     Action
		counts   counts
	}{
		// Creating reads the comments again, to settle a concurrent run's.
		{"on-violation, too large, first run", config.CommentOnViolation, true, false, Created, counts{2, 1}},
		{"on-violation, within budget, no comment yet", config.CommentOnViolation, false, false, Skipped, counts{1, 0}},
		{"on-violation, shrunk under budget: kept current", config.CommentOnViolation, false, true, Updated, counts{1, 1}},
		{"always, within budget", config.CommentAlways, false, false, Created, counts{2, 1}},
		{"always, rerun", config.CommentAlways, false, true, Updated, counts{1, 1}},
		{"never leaves an existing comment alone", config.CommentNever, true, true, Skipped, counts{0, 0}},
		{"never, no comment", config.CommentNever, true, false, Skipped, counts{0, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t, fakegithub.Pull{})
			if tt.existing {
				f.repo.AddComment(1, fakegithub.Actor, Marker+"\nold report")
			}
			got, err := PublishComment(context.Background(), f.client, Sticky{Number: 1, Body: report, Policy: tt.policy, TooLarge: tt.tooLarge})
			if err != nil {
				t.Fatal(err)
			}
			if got.Action != tt.want || f.counts() != tt.counts {
				t.Errorf("action %s with %+v, want %s with %+v", got.Action, f.counts(), tt.want, tt.counts)
			}
			wantComments := 0
			if tt.existing || tt.want == Created {
				wantComments = 1
			}
			if n := len(f.repo.Comments(1)); n != wantComments {
				t.Errorf("%d comments, want %d", n, wantComments)
			}
		})
	}
}

func TestRerunEditsTheSameComment(t *testing.T) {
	f := newFixture(t, fakegithub.Pull{})
	ctx := context.Background()
	sticky := Sticky{Number: 1, Body: report, Policy: config.CommentOnViolation, TooLarge: true}
	first, err := PublishComment(ctx, f.client, sticky)
	if err != nil || first.Action != Created {
		t.Fatalf("first run: %+v, %v", first, err)
	}
	sticky.Body = Marker + "\n### mvc: 950 weighted lines, too large\n"
	second, err := PublishComment(ctx, f.client, sticky)
	if err != nil || second.Action != Updated || second.CommentID != first.CommentID {
		t.Fatalf("second run: %+v, %v; want the comment %d updated", second, err, first.CommentID)
	}
	f.srv.ResetRequests()
	third, err := PublishComment(ctx, f.client, sticky)
	if err != nil || third.Action != Unchanged || third.CommentID != first.CommentID {
		t.Fatalf("third run: %+v, %v", third, err)
	}
	if f.counts() != (counts{1, 0}) {
		t.Errorf("an unchanged report cost %+v, want one read and no write", f.counts())
	}
	comments := f.repo.Comments(1)
	if len(comments) != 1 || !strings.Contains(comments[0].GetBody(), "950 weighted lines") {
		t.Errorf("comments = %v, want the one comment with the latest report", comments)
	}
}

func TestStickyFoundBehindEarlierComments(t *testing.T) {
	tests := []struct{ before, after, reads int }{
		{30, 4, 1},   // 35 comments: page 2 at GitHub's default 30, one page at 100
		{119, 30, 2}, // 150 comments: the report is on page 2 at 100 a page
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.before+1+tt.after), func(t *testing.T) {
			f := newFixture(t, fakegithub.Pull{})
			for i := range tt.before {
				f.repo.AddComment(1, "mona", fmt.Sprintf("review %d", i))
			}
			id := f.repo.AddComment(1, fakegithub.Actor, Marker+"\nold report")
			for i := range tt.after {
				f.repo.AddComment(1, "mona", fmt.Sprintf("reply %d", i))
			}
			got, err := PublishComment(context.Background(), f.client, Sticky{Number: 1, Body: report, Policy: config.CommentOnViolation, TooLarge: true})
			if err != nil {
				t.Fatal(err)
			}
			if got.Action != Updated || got.CommentID != id {
				t.Errorf("result %+v, want comment %d updated", got, id)
			}
			if c := f.counts(); c != (counts{tt.reads, 1}) {
				t.Errorf("cost %+v, want %d reads and 1 write", c, tt.reads)
			}
		})
	}
}

// Several report comments (a race of two runs, or older versions) leave
// the oldest edited and its author's younger duplicates deleted; a comment
// that only mentions the marker is someone else's and stays as it is.
func TestSeveralMarkedCommentsEditTheOldest(t *testing.T) {
	f := newFixture(t, fakegithub.Pull{})
	quote := f.repo.AddComment(1, "mona", "> "+Marker+"\n> quoting the bot does not make a report")
	fenced := f.repo.AddComment(1, "alice", "How does mvc find its comment? By this line:\n```\n"+Marker+"\n```")
	oldest := f.repo.AddComment(1, fakegithub.Actor, Marker+"\nfirst")
	f.repo.AddComment(1, fakegithub.Actor, Marker+"\nduplicate from a race")
	other := f.repo.AddComment(1, "someone-else", Marker+"\nnot written by the report's author")
	got, err := PublishComment(context.Background(), f.client, Sticky{Number: 1, Body: report, Policy: config.CommentAlways})
	if err != nil || got.CommentID != oldest || got.Action != Updated {
		t.Fatalf("result %+v, %v; want comment %d updated", got, err, oldest)
	}
	var ids []int64
	for _, c := range f.repo.Comments(1) {
		ids = append(ids, c.GetID())
	}
	if want := []int64{quote, fenced, oldest, other}; fmt.Sprint(ids) != fmt.Sprint(want) {
		t.Errorf("comments %v, want %v: the duplicate deleted, the rest kept", ids, want)
	}
	if body := f.repo.Comments(1)[1].GetBody(); !strings.HasPrefix(body, "How does mvc") {
		t.Errorf("alice's comment became %q", body)
	}
}

// Anyone may start a comment with the marker; only one written by the
// identity mvc posts as is its report. With an installation token that is
// a bot; with a user's token, that user.
func TestOnlyOwnCommentsAreTheReport(t *testing.T) {
	t.Run("installation token", func(t *testing.T) {
		f := newFixture(t, fakegithub.Pull{})
		forged := f.repo.AddComment(1, "mallory", Marker+"\n### mvc: within budget, merge away")
		got, err := PublishComment(context.Background(), f.client, Sticky{Number: 1, Body: report, Policy: config.CommentOnViolation, TooLarge: true})
		if err != nil || got.Action != Created || got.CommentID == forged {
			t.Fatalf("result %+v, %v; want a comment of mvc's own", got, err)
		}
		if body := f.repo.Comments(1)[0].GetBody(); !strings.Contains(body, "merge away") {
			t.Errorf("mallory's comment became %q", body)
		}
	})
	t.Run("user token", func(t *testing.T) {
		f := newFixtureWithToken(t, fakegithub.Pull{}, "ghp_personal")
		f.srv.SetViewer("release-bot-user")
		f.repo.AddComment(1, "mallory", Marker+"\nforged")
		mine := f.repo.AddComment(1, "release-bot-user", Marker+"\nold report")
		got, err := PublishComment(context.Background(), f.client, Sticky{Number: 1, Body: report, Policy: config.CommentOnViolation, TooLarge: true})
		if err != nil || got.Action != Updated || got.CommentID != mine {
			t.Fatalf("result %+v, %v; want comment %d updated", got, err, mine)
		}
		if n := len(f.repo.Comments(1)); n != 2 {
			t.Errorf("%d comments, want mallory's and the report", n)
		}
	})
	// Known, the login decides: another bot's comments that start with
	// the marker are neither edited nor deleted.
	t.Run("another bot", func(t *testing.T) {
		f := newFixtureWithToken(t, fakegithub.Pull{}, "ghp_personal")
		f.srv.SetViewer("release-bot-user")
		first := f.repo.AddComment(1, "renovate[bot]", Marker+"\nrenovate's text")
		second := f.repo.AddComment(1, "renovate[bot]", Marker+"\nmore of renovate's text")
		got, err := PublishComment(context.Background(), f.client, Sticky{Number: 1, Body: report, Policy: config.CommentOnViolation, TooLarge: true})
		if err != nil || got.Action != Created {
			t.Fatalf("result %+v, %v; want a comment of mvc's own", got, err)
		}
		comments := f.repo.Comments(1)
		if len(comments) != 3 || comments[0].GetID() != first || comments[1].GetID() != second ||
			!strings.Contains(comments[0].GetBody(), "renovate's text") {
			t.Errorf("comments %v, want renovate's two untouched and mvc's report", comments)
		}
	})
}

// Two runs for one pull request at once both find no comment and both
// create one; the second to look again deletes its own and edits the
// first, so one comment remains, with the latest report.
func TestConcurrentRunsLeaveOneComment(t *testing.T) {
	f := newFixture(t, fakegithub.Pull{})
	ctx := context.Background()
	// The other run creates its comment between this run's list and create.
	api := racingAPI{Client: f.client, race: func() { f.repo.AddComment(1, fakegithub.Actor, Marker+"\nthe other run's report") }}
	got, err := PublishComment(ctx, api, Sticky{Number: 1, Body: report, Policy: config.CommentOnViolation, TooLarge: true})
	if err != nil {
		t.Fatal(err)
	}
	comments := f.repo.Comments(1)
	if len(comments) != 1 || comments[0].GetBody() != report || got.CommentID != comments[0].GetID() || got.Action != Updated {
		t.Errorf("result %+v; comments %v, want the other run's comment holding this report", got, comments)
	}
}

// racingAPI runs race just before creating a comment.
type racingAPI struct {
	*github.Client
	race func()
}

func (a racingAPI) CreateComment(ctx context.Context, number int, body string) (github.Comment, error) {
	a.race()
	return a.Client.CreateComment(ctx, number, body)
}

func TestBodyGetsTheMarker(t *testing.T) {
	f := newFixture(t, fakegithub.Pull{})
	ctx := context.Background()
	sticky := Sticky{Number: 1, Body: "no marker here\n", Policy: config.CommentAlways, Marker: "<!-- custom -->"}
	if _, err := PublishComment(ctx, f.client, sticky); err != nil {
		t.Fatal(err)
	}
	if got := f.repo.Comments(1)[0].GetBody(); got != "<!-- custom -->\nno marker here\n" {
		t.Errorf("body = %q", got)
	}
	again, err := PublishComment(ctx, f.client, sticky)
	if err != nil || again.Action != Unchanged {
		t.Errorf("rerun: %+v, %v", again, err)
	}
}

func TestReadOnlyTokenDegrades(t *testing.T) {
	for _, existing := range []bool{false, true} {
		t.Run(fmt.Sprint("existing=", existing), func(t *testing.T) {
			f := newFixture(t, fakegithub.Pull{})
			if existing {
				f.repo.AddComment(1, fakegithub.Actor, Marker+"\nold")
			}
			f.srv.SetReadOnly(true)
			got, err := PublishComment(context.Background(), f.client, Sticky{Number: 1, Body: report, Policy: config.CommentOnViolation, TooLarge: true})
			if err != nil {
				t.Fatalf("err = %v, want a read-only result", err)
			}
			if got.Action != ReadOnly || !strings.Contains(got.Warning(), "app-id and app-private-key") ||
				!strings.Contains(got.Warning(), "pull_request_target") {
				t.Errorf("result %+v, warning %q", got, got.Warning())
			}
		})
	}
}

func TestOtherErrorsAreErrors(t *testing.T) {
	f := newFixture(t, fakegithub.Pull{})
	f.srv.FailNext("GET", "/repos/octo/hello/issues/1/comments", 401, nil, `{"message":"Bad credentials"}`)
	_, err := PublishComment(context.Background(), f.client, Sticky{Number: 1, Body: report, Policy: config.CommentAlways})
	if err == nil || !strings.HasPrefix(err.Error(), "find the report comment on #1: list comments of #1 (page 1): GitHub answered 401 Bad credentials") {
		t.Errorf("err = %v", err)
	}
}

func TestOverlongBodyIsCutToFit(t *testing.T) {
	f := newFixture(t, fakegithub.Pull{})
	body := Marker + "\n" + strings.Repeat("| a | row |\n", 7000)
	got, err := PublishComment(context.Background(), f.client, Sticky{Number: 1, Body: body, Policy: config.CommentAlways})
	if err != nil || got.Action != Created {
		t.Fatalf("result %+v, %v", got, err)
	}
	posted := f.repo.Comments(1)[0].GetBody()
	if len(posted) > MaxCommentLength || !strings.HasSuffix(posted, truncation) || !strings.Contains(posted, "| a | row |\n\n_…cut") {
		t.Errorf("posted %d characters ending %q", len(posted), posted[len(posted)-120:])
	}
}
