package publish

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/mvcbot/mvc/config"
	"github.com/mvcbot/mvc/source/github"
)

// Marker identifies mvc's pull-request report comment. It is the hidden
// line report.Markdown writes for report.Marker{ID: "mvc:pr-report"}.
const Marker = "<!-- mvc:pr-report -->"

// MaxCommentLength is the longest comment body GitHub accepts.
const MaxCommentLength = 65536

// CommentAPI is what the sticky comment needs of GitHub.
type CommentAPI interface {
	// IssueComments lists every comment, all pages, oldest first.
	IssueComments(ctx context.Context, number int) ([]github.Comment, error)
	CreateComment(ctx context.Context, number int, body string) (github.Comment, error)
	EditComment(ctx context.Context, id int64, body string) (github.Comment, error)
	DeleteComment(ctx context.Context, id int64) error
	// Viewer is the login mvc writes as, or "" when GitHub does not say.
	Viewer(ctx context.Context) (string, error)
}

// Sticky is one pull request's report comment.
type Sticky struct {
	Number int
	// Marker is the hidden line that identifies the comment (Marker when
	// empty). The body gets it as its first line when it lacks it.
	Marker string
	Body   string
	// Policy says when to create the comment; empty means on-violation.
	Policy config.Comment
	// TooLarge is the verdict: with on-violation, a comment is created
	// only when it is true.
	TooLarge bool
}

// CommentResult is what happened to the comment, for the step summary.
type CommentResult struct {
	Action    Action
	CommentID int64  // the comment kept current, when there is one
	URL       string // its web page, when known
	Reason    string // one line that says why
}

// Warning is the ::warning text when GitHub refused the write, else "".
func (r CommentResult) Warning() string { return warning(r.Action, "the pull-request comment") }

// PublishComment keeps one report comment current. It lists every page of
// comments to find an earlier one by its marker and its author (mvc's own
// login), then: edits it in place (nothing when the body is the same), or
// creates one when the policy says so (always; on-violation only when too
// large). With never it does not even look.
//
// Two runs for one pull request at once (opened and labeled fire
// together) can both find no comment and both create one. So after
// creating it lists again: when an older report comment of its own login
// exists, the new one is deleted and the older one edited. Younger
// duplicates of that login (left by such a race, or by older versions)
// are deleted whenever the comment is kept current, so a stale verdict
// never lingers below the current one. Only comments of mvc's own login
// are ever edited or deleted; when GitHub does not say which login that
// is (an installation token handed in as github-token, as the Actions
// GITHUB_TOKEN is), a bot's report comment is taken for mvc's.
func PublishComment(ctx context.Context, api CommentAPI, s Sticky) (CommentResult, error) {
	if s.Policy == config.CommentNever {
		return CommentResult{Action: Skipped, Reason: "comment: never"}, nil
	}
	marker := s.Marker
	if marker == "" {
		marker = Marker
	}
	body := fitComment(withMarker(s.Body, marker))
	comments, err := api.IssueComments(ctx, s.Number)
	if err != nil {
		return CommentResult{}, fmt.Errorf("find the report comment on #%d: %w", s.Number, err)
	}
	me := &identity{api: api}
	existing, found := oldestMarked(ctx, comments, marker, me)
	if !found {
		if s.Policy != config.CommentAlways && !s.TooLarge {
			return CommentResult{Action: Skipped, Reason: "within budget, and comment is on-violation"}, nil
		}
		created, author, err := create(ctx, api, s.Number, body)
		if err != nil || created.Action != Created {
			return created, err
		}
		me.learn(author)
		// A concurrent run may have created one too: keep the oldest.
		if comments, err = api.IssueComments(ctx, s.Number); err != nil {
			return created, nil // the comment is posted; the next run settles any duplicate
		}
		if existing, found = oldestMarked(ctx, comments, marker, me); !found || existing.ID == created.CommentID {
			me.pruneDuplicates(ctx, comments, existing, marker)
			return created, nil
		}
	}
	defer me.pruneDuplicates(ctx, comments, existing, marker)
	if sameBody(existing.Body, body) {
		return CommentResult{Action: Unchanged, CommentID: existing.ID, URL: existing.URL, Reason: "the comment is up to date"}, nil
	}
	return edit(ctx, api, existing, body)
}

// identity is the login mvc writes as, asked of GitHub once and only when
// a report comment is found: the usual run with no comment yet costs no
// request, and the App asks once per process.
type identity struct {
	api   CommentAPI
	asked bool
	login string // "" when GitHub does not say
}

func (id *identity) get(ctx context.Context) string {
	if !id.asked {
		id.asked = true
		id.login, _ = id.api.Viewer(ctx) // unknown on error: bots' comments count
	}
	return id.login
}

// learn takes the login GitHub credited a comment mvc just created to.
func (id *identity) learn(login string) {
	if id.login == "" && login != "" {
		id.asked, id.login = true, login
	}
}

// owns says whether mvc wrote c: its login's comment, or while that login
// is unknown, any bot's (a user cannot post as a bot).
func (id *identity) owns(ctx context.Context, c github.Comment) bool {
	if login := id.get(ctx); login != "" {
		return strings.EqualFold(c.Author, login)
	}
	return c.AuthorIsBot
}

// pruneDuplicates deletes the report comments younger than keep by its
// author, mvc's login (or, while that is unknown, the bot that wrote keep).
// It is best effort: a comment another run deleted first, or a token that
// may not delete, leaves the duplicate for a later run.
func (id *identity) pruneDuplicates(ctx context.Context, comments []github.Comment, keep github.Comment, marker string) {
	login := id.get(ctx)
	switch {
	case login == "" && keep.AuthorIsBot:
		login = keep.Author
	case login == "" || !strings.EqualFold(keep.Author, login):
		return
	}
	for _, c := range comments {
		if c.ID != keep.ID && strings.EqualFold(c.Author, login) && startsWithLine(c.Body, marker) {
			_ = id.api.DeleteComment(ctx, c.ID)
		}
	}
}

// create posts the comment and says which login GitHub credited it to.
func create(ctx context.Context, api CommentAPI, number int, body string) (CommentResult, string, error) {
	c, err := api.CreateComment(ctx, number, body)
	switch {
	case github.IsPermission(err):
		return CommentResult{Action: ReadOnly, Reason: readOnlyFix}, "", nil
	case err != nil:
		return CommentResult{}, "", err
	}
	return CommentResult{Action: Created, CommentID: c.ID, URL: c.URL, Reason: "first report on this pull request"}, c.Author, nil
}

func edit(ctx context.Context, api CommentAPI, existing github.Comment, body string) (CommentResult, error) {
	c, err := api.EditComment(ctx, existing.ID, body)
	switch {
	case github.IsPermission(err):
		return CommentResult{Action: ReadOnly, CommentID: existing.ID, URL: existing.URL, Reason: readOnlyFix}, nil
	case err != nil:
		return CommentResult{}, err
	}
	return CommentResult{Action: Updated, CommentID: c.ID, URL: c.URL, Reason: "the report changed"}, nil
}

// oldestMarked finds the earliest report comment: one whose first line is
// the marker, as mvc writes it, by the identity mvc posts as. A user who
// quotes the marker (in a code block, below the first line) or starts a
// comment with it keeps the comment: mvc neither edits nor trusts it.
func oldestMarked(ctx context.Context, comments []github.Comment, marker string, me *identity) (github.Comment, bool) {
	var oldest github.Comment
	found := false
	for _, c := range comments {
		if !startsWithLine(c.Body, marker) || !me.owns(ctx, c) {
			continue
		}
		if !found || c.CreatedAt.Before(oldest.CreatedAt) || (c.CreatedAt.Equal(oldest.CreatedAt) && c.ID < oldest.ID) {
			oldest, found = c, true
		}
	}
	return oldest, found
}

// withMarker puts the marker first unless the body starts with it already.
func withMarker(body, marker string) string {
	if startsWithLine(body, marker) {
		return body
	}
	return marker + "\n" + body
}

// sameBody compares bodies as GitHub keeps them (it may turn line ends
// into CRLF and trims the end).
func sameBody(a, b string) bool {
	norm := func(s string) string { return strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n")) }
	return norm(a) == norm(b)
}

// truncation ends a body cut to fit GitHub's limit.
const truncation = "\n\n_…cut to fit GitHub's comment limit; the full report is in the workflow run's summary._\n"

// fitComment cuts a body that GitHub would refuse, at a line end, so the
// comment still posts (a refused comment would leave a stale one).
func fitComment(body string) string {
	if utf8.RuneCountInString(body) <= MaxCommentLength {
		return body
	}
	runes := []rune(body)[:MaxCommentLength-utf8.RuneCountInString(truncation)]
	cut := string(runes)
	if i := strings.LastIndexByte(cut, '\n'); i > 0 {
		cut = cut[:i]
	}
	return cut + truncation
}
