package fakegithub

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strconv"
	"strings"

	"github.com/google/go-github/v60/github"
)

// colorPattern is what GitHub accepts as a label colour.
var colorPattern = regexp.MustCompile(`^[0-9a-fA-F]{6}$`)

// AddLabel creates a repository label (or recolours an existing one).
func (r *Repo) AddLabel(name, color string) {
	r.Lock(func() {
		l := r.ensureLabelLocked(name, color)
		l.Color = github.String(color)
	})
}

// Label returns a copy of the repository label, or nil.
func (r *Repo) Label(name string) *github.Label {
	var out *github.Label
	r.Lock(func() {
		if l := r.labels[strings.ToLower(name)]; l != nil {
			c := *l
			out = &c
		}
	})
	return out
}

// IssueLabels returns the names of the labels on an issue or pull request.
func (r *Repo) IssueLabels(number int) []string {
	var out []string
	r.Lock(func() { out = append(out, r.issueLabels[number]...) })
	return out
}

func (r *Repo) ensureLabelLocked(name, color string) *github.Label {
	key := strings.ToLower(name)
	if l := r.labels[key]; l != nil {
		return l
	}
	r.s.nextID++
	l := &github.Label{
		ID:      github.Int64(r.s.nextID),
		Name:    github.String(name),
		Color:   github.String(color),
		Default: github.Bool(false),
		URL:     github.String(BasePath + "/repos/" + r.FullName() + "/labels/" + name),
	}
	r.labels[key] = l
	return l
}

func (r *Repo) issueLabelObjectsLocked(number int) []*github.Label {
	out := []*github.Label{}
	for _, name := range r.issueLabels[number] {
		c := *r.labels[strings.ToLower(name)]
		out = append(out, &c)
	}
	return out
}

// appendLabel adds name unless the list has it already (GitHub compares
// label names case-insensitively).
func appendLabel(names []string, name string) []string {
	for _, n := range names {
		if strings.EqualFold(n, name) {
			return names
		}
	}
	return append(names, name)
}

func init() {
	addRoutes(func(s *Server) {
		s.Handle("GET", "/repos/{owner}/{repo}/labels/{name}", s.getLabel)
		s.Handle("POST", "/repos/{owner}/{repo}/labels", s.createLabel)
		s.Handle("PATCH", "/repos/{owner}/{repo}/labels/{name}", s.updateLabel)
		s.Handle("GET", "/repos/{owner}/{repo}/issues/{number}/labels", s.listIssueLabels)
		s.Handle("POST", "/repos/{owner}/{repo}/issues/{number}/labels", s.addIssueLabels)
		s.Handle("DELETE", "/repos/{owner}/{repo}/issues/{number}/labels/{name}", s.removeIssueLabel)
	})
}

func (s *Server) getLabel(w http.ResponseWriter, r *http.Request) {
	repo, ok := s.repoOf(w, r)
	if !ok {
		return
	}
	if l := repo.Label(r.PathValue("name")); l != nil {
		WriteJSON(w, http.StatusOK, l)
		return
	}
	WriteError(w, http.StatusNotFound, "Not Found")
}

// labelBody is the body of creating or updating a label.
type labelBody struct {
	Name        *string `json:"name"`
	NewName     *string `json:"new_name"`
	Color       *string `json:"color"`
	Description *string `json:"description"`
}

func (s *Server) createLabel(w http.ResponseWriter, r *http.Request) {
	repo, ok := s.repoOf(w, r)
	if !ok {
		return
	}
	var body labelBody
	if !decodeBody(w, r, &body) || !validLabel(w, body, true) {
		return
	}
	if repo.Label(*body.Name) != nil {
		WriteValidationError(w, FieldError{Resource: "Label", Field: "name", Code: "already_exists"})
		return
	}
	var out github.Label
	repo.Lock(func() {
		l := repo.ensureLabelLocked(*body.Name, strings.ToLower(deref(body.Color, DefaultLabelColor)))
		l.Description = body.Description
		out = *l
	})
	WriteJSON(w, http.StatusCreated, &out)
}

func (s *Server) updateLabel(w http.ResponseWriter, r *http.Request) {
	repo, ok := s.repoOf(w, r)
	if !ok {
		return
	}
	var body labelBody
	if !decodeBody(w, r, &body) || !validLabel(w, body, false) {
		return
	}
	var out *github.Label
	repo.Lock(func() {
		l := repo.labels[strings.ToLower(r.PathValue("name"))]
		if l == nil {
			return
		}
		if body.Color != nil {
			l.Color = github.String(strings.ToLower(*body.Color))
		}
		if body.Description != nil {
			l.Description = body.Description
		}
		c := *l
		out = &c
	})
	if out == nil {
		WriteError(w, http.StatusNotFound, "Not Found")
		return
	}
	WriteJSON(w, http.StatusOK, out)
}

// validLabel answers 422 for a missing name or a colour GitHub refuses.
func validLabel(w http.ResponseWriter, body labelBody, needName bool) bool {
	if needName && (body.Name == nil || *body.Name == "") {
		WriteValidationError(w, FieldError{Resource: "Label", Field: "name", Code: "missing_field"})
		return false
	}
	if body.Color != nil && !colorPattern.MatchString(*body.Color) {
		WriteValidationError(w, FieldError{Resource: "Label", Field: "color", Code: "invalid"})
		return false
	}
	return true
}

func (s *Server) listIssueLabels(w http.ResponseWriter, r *http.Request) {
	repo, number, ok := s.issueOf(w, r)
	if !ok {
		return
	}
	var out []*github.Label
	repo.Lock(func() { out = repo.issueLabelObjectsLocked(number) })
	Paginate(w, r, out)
}

// addIssueLabels adds labels to an issue, creating missing repository
// labels with GitHub's default colour, and answers with all its labels.
func (s *Server) addIssueLabels(w http.ResponseWriter, r *http.Request) {
	repo, number, ok := s.issueOf(w, r)
	if !ok {
		return
	}
	var body labelNames
	if !decodeBody(w, r, &body) {
		return
	}
	if len(body.Labels) == 0 {
		WriteValidationError(w, FieldError{Resource: "Label", Field: "labels", Code: "missing_field"})
		return
	}
	var out []*github.Label
	repo.Lock(func() {
		for _, name := range body.Labels {
			repo.ensureLabelLocked(name, DefaultLabelColor)
			repo.issueLabels[number] = appendLabel(repo.issueLabels[number], name)
		}
		out = repo.issueLabelObjectsLocked(number)
	})
	WriteJSON(w, http.StatusOK, out)
}

// removeIssueLabel answers 404 "Label does not exist" when the issue does
// not carry the label, as GitHub does.
func (s *Server) removeIssueLabel(w http.ResponseWriter, r *http.Request) {
	repo, number, ok := s.issueOf(w, r)
	if !ok {
		return
	}
	name := r.PathValue("name")
	var out []*github.Label
	removed := false
	repo.Lock(func() {
		kept := []string{}
		for _, n := range repo.issueLabels[number] {
			if strings.EqualFold(n, name) {
				removed = true
				continue
			}
			kept = append(kept, n)
		}
		repo.issueLabels[number] = kept
		out = repo.issueLabelObjectsLocked(number)
	})
	if !removed {
		WriteError(w, http.StatusNotFound, "Label does not exist")
		return
	}
	WriteJSON(w, http.StatusOK, out)
}

// labelNames is the body of adding labels, which GitHub takes either as
// {"labels": [...]} or as a bare array of names.
type labelNames struct{ Labels []string }

func (l *labelNames) UnmarshalJSON(data []byte) error {
	if err := json.Unmarshal(data, &l.Labels); err == nil {
		return nil
	}
	var obj struct {
		Labels []string `json:"labels"`
	}
	err := json.Unmarshal(data, &obj)
	l.Labels = obj.Labels
	return err
}

// issueOf finds the issue or pull request a request names, or answers 404.
func (s *Server) issueOf(w http.ResponseWriter, r *http.Request) (*Repo, int, bool) {
	repo, ok := s.repoOf(w, r)
	if !ok {
		return nil, 0, false
	}
	n, _ := strconv.Atoi(r.PathValue("number"))
	exists := false
	repo.Lock(func() { exists = repo.pulls[n] != nil })
	if !exists {
		exists = repo.issue(n) != nil // issues and pull requests share numbers and these routes
	}
	if !exists {
		WriteError(w, http.StatusNotFound, "Not Found")
		return nil, 0, false
	}
	return repo, n, true
}

// decodeBody reads a JSON request body, answering 400 as GitHub does when
// it does not parse.
func decodeBody(w http.ResponseWriter, r *http.Request, v any) bool {
	if err := json.NewDecoder(r.Body).Decode(v); err != nil {
		WriteError(w, http.StatusBadRequest, "Problems parsing JSON")
		return false
	}
	return true
}

func deref(s *string, def string) string {
	if s == nil {
		return def
	}
	return *s
}
