package fakegithub

import (
	"fmt"
	"net/http"

	"github.com/google/go-github/v60/github"
)

// AppSlug is the slug the fake gives a registered App: its bot user is
// AppSlug(id)+"[bot]".
func AppSlug(appID int64) string { return fmt.Sprintf("app-%d", appID) }

func init() {
	addRoutes(func(s *Server) {
		s.Handle("GET", "/app", s.getApp)
	})
}

// getApp answers GET /app: the App whose JWT signs the request, or 401 as
// GitHub answers a JWT it cannot verify.
func (s *Server) getApp(w http.ResponseWriter, r *http.Request) {
	a, ok := s.verifyJWT(w, r)
	if !ok {
		return
	}
	WriteJSON(w, http.StatusOK, &github.App{
		ID:   github.Int64(a.id),
		Slug: github.String(AppSlug(a.id)),
		Name: github.String(AppSlug(a.id)),
	})
}
