package fakegithub

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// docsURL is the documentation_url GitHub attaches to errors.
const docsURL = "https://docs.github.com/rest"

// Pagination limits, as documented by GitHub.
const (
	DefaultPerPage = 30
	MaxPerPage     = 100
)

// WriteJSON answers with status and v encoded as JSON.
func WriteJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// ErrorBody is GitHub's error document.
type ErrorBody struct {
	Message          string       `json:"message"`
	URL              string       `json:"url,omitempty"` // a 301's new address
	DocumentationURL string       `json:"documentation_url,omitempty"`
	Errors           []FieldError `json:"errors,omitempty"`
	Status           string       `json:"status,omitempty"`
}

// FieldError is one entry of a 422's "errors" list.
type FieldError struct {
	Resource string `json:"resource"`
	Field    string `json:"field"`
	Code     string `json:"code"`
	Message  string `json:"message,omitempty"`
}

// WriteError answers with GitHub's error shape: {"message", "documentation_url"}.
func WriteError(w http.ResponseWriter, status int, message string) {
	WriteJSON(w, status, ErrorBody{Message: message, DocumentationURL: docsURL, Status: strconv.Itoa(status)})
}

// WriteValidationError answers 422 "Validation Failed" with one field
// error, as GitHub does for a duplicate label or a bad colour.
func WriteValidationError(w http.ResponseWriter, e FieldError) {
	WriteJSON(w, http.StatusUnprocessableEntity, ErrorBody{
		Message:          "Validation Failed",
		DocumentationURL: docsURL,
		Errors:           []FieldError{e},
		Status:           "422",
	})
}

// Paginate answers with one page of items, as GitHub pages lists: page
// and per_page from the query (per_page defaults to 30, at most 100), and
// a Link header with rel="next" and rel="last" (and "prev", "first" past
// page one). A page past the end is an empty list.
func Paginate[T any](w http.ResponseWriter, r *http.Request, items []T) {
	page, perPage := pageParams(r.URL.Query())
	last := max(1, (len(items)+perPage-1)/perPage)
	if link := linkHeader(r, page, last); link != "" {
		w.Header().Set("Link", link)
	}
	start := min((page-1)*perPage, len(items))
	end := min(start+perPage, len(items))
	WriteJSON(w, http.StatusOK, append([]T{}, items[start:end]...))
}

// pageParams reads page and per_page the way GitHub does: bad or missing
// values fall back to the defaults, per_page is capped at 100.
func pageParams(q url.Values) (page, perPage int) {
	page, perPage = 1, DefaultPerPage
	if p, err := strconv.Atoi(q.Get("page")); err == nil && p > 0 {
		page = p
	}
	if n, err := strconv.Atoi(q.Get("per_page")); err == nil && n > 0 {
		perPage = min(n, MaxPerPage)
	}
	return page, perPage
}

// linkHeader builds GitHub's Link header for page of last, with absolute
// URLs that keep the request's other query parameters.
func linkHeader(r *http.Request, page, last int) string {
	var links []string
	add := func(p int, rel string) {
		q := r.URL.Query()
		q.Set("page", strconv.Itoa(p))
		u := url.URL{Scheme: "http", Host: r.Host, Path: r.URL.Path, RawPath: r.URL.RawPath, RawQuery: q.Encode()}
		links = append(links, fmt.Sprintf("<%s>; rel=%q", u.String(), rel))
	}
	if page < last {
		add(page+1, "next")
		add(last, "last")
	}
	if page > 1 {
		add(1, "first")
		add(min(page-1, last), "prev")
	}
	return strings.Join(links, ", ")
}
