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

// author is the login new comments and issues are credited to.
func (s *Server) author() string {
	s.mu.Lock()
	defer s.mu.Unlock()
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
