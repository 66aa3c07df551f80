package fakegithub

import "net/http"

// SetViewer makes the token act as a user with this login, as a personal
// access token does: GET /user answers it, and the comments the token
// creates are credited to it. Empty (the default) is an installation
// token, the Actions GITHUB_TOKEN's kind: GET /user answers 403 and
// comments are credited to Actor.
func (s *Server) SetViewer(login string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.viewer = login
}

// author is the login a request's new comments and issues are credited
// to: an App installation token's bot, the personal token's user
// (SetViewer), else Actor.
func (s *Server) author(r *http.Request) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if id, ok := s.tokenApps[bearer(r)]; ok {
		return AppSlug(id) + "[bot]"
	}
	if s.viewer != "" {
		return s.viewer
	}
	return Actor
}

func init() {
	addRoutes(func(s *Server) {
		s.Handle("GET", "/user", s.getViewer)
	})
}

func (s *Server) getViewer(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	login := s.viewer
	s.mu.Unlock()
	if login == "" {
		WriteError(w, http.StatusForbidden, MsgNotAccessible)
		return
	}
	WriteJSON(w, http.StatusOK, user(login))
}
