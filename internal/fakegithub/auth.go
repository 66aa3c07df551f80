package fakegithub

import (
	"net/http"
	"strings"
)

// AcceptToken makes the fake check credentials: once any token is
// accepted, API requests must carry one of the accepted tokens
// ("Authorization: token …" or "Bearer …") or get 401 "Bad credentials".
// Without accepted tokens every request is let in.
func (s *Server) AcceptToken(token string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.tokens[token] = true
}

// authorized checks the request's token when the fake checks tokens.
func (s *Server) authorized(w http.ResponseWriter, r *http.Request) bool {
	s.mu.Lock()
	ok := len(s.tokens) == 0 || s.tokens[bearer(r)]
	s.mu.Unlock()
	if !ok {
		WriteError(w, http.StatusUnauthorized, "Bad credentials")
	}
	return ok
}

// bearer extracts the credential from the Authorization header.
func bearer(r *http.Request) string {
	h := r.Header.Get("Authorization")
	for _, scheme := range []string{"token ", "Bearer ", "bearer "} {
		if rest, ok := strings.CutPrefix(h, scheme); ok {
			return strings.TrimSpace(rest)
		}
	}
	return ""
}
