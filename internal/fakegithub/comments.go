package fakegithub

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/go-github/v60/github"
)

// AddComment seeds a comment on an issue or pull request and returns its
// id. Comments are a second apart, in the order added. An author whose
// login ends in [bot] is a Bot account.
func (r *Repo) AddComment(number int, author, body string) int64 {
	var id int64
	r.Lock(func() { id = r.addCommentLocked(number, author, body).GetID() })
	return id
}

// Comments returns copies of an issue's comments, oldest first.
func (r *Repo) Comments(number int) []*github.IssueComment {
	var out []*github.IssueComment
	r.Lock(func() {
		for _, c := range r.comments[number] {
			cp := *c
			out = append(out, &cp)
		}
	})
	return out
}

// CommentsWith returns the comments on issue or pull request number whose
// body contains marker, oldest first: a bot's own comments.
func (r *Repo) CommentsWith(number int, marker string) []*github.IssueComment {
	var out []*github.IssueComment
	for _, c := range r.Comments(number) {
		if strings.Contains(c.GetBody(), marker) {
			out = append(out, c)
		}
	}
	return out
}

func (r *Repo) addCommentLocked(number int, author, body string) *github.IssueComment {
	r.s.nextID++
	id := r.s.nextID
	at := github.Timestamp{Time: r.s.now().Add(time.Duration(len(r.comments[number])) * time.Second)}
	c := &github.IssueComment{
		ID:                github.Int64(id),
		Body:              github.String(body),
		User:              user(author),
		CreatedAt:         &at,
		UpdatedAt:         &at,
		AuthorAssociation: github.String("NONE"),
		HTMLURL:           github.String(fmt.Sprintf("https://github.com/%s/pull/%d#issuecomment-%d", r.FullName(), number, id)),
		IssueURL:          github.String(fmt.Sprintf("%s/repos/%s/issues/%d", BasePath, r.FullName(), number)),
	}
	r.comments[number] = append(r.comments[number], c)
	return c
}

func init() {
	addRoutes(func(s *Server) {
		s.Handle("GET", "/repos/{owner}/{repo}/issues/{number}/comments", s.listComments)
		s.Handle("POST", "/repos/{owner}/{repo}/issues/{number}/comments", s.createComment)
		// Only PATCH: a GET on issues/comments/{id} would conflict with the
		// GET routes under issues/{number}/ in net/http's router.
		s.Handle("PATCH", "/repos/{owner}/{repo}/issues/comments/{id}", s.updateComment)
		s.Handle("DELETE", "/repos/{owner}/{repo}/issues/comments/{id}", s.deleteComment)
	})
}

func (s *Server) listComments(w http.ResponseWriter, r *http.Request) {
	repo, number, ok := s.issueOf(w, r)
	if !ok {
		return
	}
	Paginate(w, r, repo.Comments(number))
}

// commentBody is the body of creating or editing a comment.
type commentBody struct {
	Body *string `json:"body"`
}

func (s *Server) createComment(w http.ResponseWriter, r *http.Request) {
	repo, number, ok := s.issueOf(w, r)
	if !ok {
		return
	}
	var body commentBody
	if !decodeBody(w, r, &body) || !validComment(w, body) {
		return
	}
	var out github.IssueComment
	author := s.author(r)
	repo.Lock(func() { out = *repo.addCommentLocked(number, author, *body.Body) })
	WriteJSON(w, http.StatusCreated, &out)
}

func (s *Server) updateComment(w http.ResponseWriter, r *http.Request) {
	repo, ok := s.repoOf(w, r)
	if !ok {
		return
	}
	var body commentBody
	if !decodeBody(w, r, &body) || !validComment(w, body) {
		return
	}
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	var out *github.IssueComment
	repo.Lock(func() {
		c := repo.commentLocked(id)
		if c == nil {
			return
		}
		c.Body = body.Body
		c.UpdatedAt = &github.Timestamp{Time: s.now()}
		cp := *c
		out = &cp
	})
	if out == nil {
		WriteError(w, http.StatusNotFound, "Not Found")
		return
	}
	WriteJSON(w, http.StatusOK, out)
}

// deleteComment answers 204, or 404 for a comment that is not there, as
// GitHub does.
func (s *Server) deleteComment(w http.ResponseWriter, r *http.Request) {
	repo, ok := s.repoOf(w, r)
	if !ok {
		return
	}
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	deleted := false
	repo.Lock(func() {
		for number, list := range repo.comments {
			for i, c := range list {
				if c.GetID() == id {
					repo.comments[number] = append(list[:i:i], list[i+1:]...)
					deleted = true
					return
				}
			}
		}
	})
	if !deleted {
		WriteError(w, http.StatusNotFound, "Not Found")
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (r *Repo) commentLocked(id int64) *github.IssueComment {
	for _, list := range r.comments {
		for _, c := range list {
			if c.GetID() == id {
				return c
			}
		}
	}
	return nil
}

// MaxCommentLength is the longest comment body GitHub accepts.
const MaxCommentLength = 65536

// validComment answers 422 for a missing or too long body, as GitHub does.
func validComment(w http.ResponseWriter, body commentBody) bool {
	switch {
	case body.Body == nil || *body.Body == "":
		WriteValidationError(w, FieldError{Resource: "IssueComment", Field: "body", Code: "missing_field"})
		return false
	case utf8.RuneCountInString(*body.Body) > MaxCommentLength:
		WriteValidationError(w, FieldError{Resource: "IssueComment", Field: "body", Code: "custom",
			Message: fmt.Sprintf("body is too long (maximum is %d characters)", MaxCommentLength)})
		return false
	}
	return true
}
