package fakegithub

import (
	"crypto"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/google/go-github/v60/github"
)

// app is a registered GitHub App: its key and where it is installed.
type app struct {
	id            int64
	key           *rsa.PublicKey
	installations map[string]int64 // lower-cased "owner/repo" → installation id
}

// InstallApp registers a GitHub App that signs its JWTs with the private
// half of key, installs it on the repositories ("owner/name") and returns
// the installation id. Tokens the app obtains are accepted from then on.
func (s *Server) InstallApp(appID int64, key *rsa.PublicKey, repos ...string) int64 {
	id := s.newID()
	s.mu.Lock()
	defer s.mu.Unlock()
	a := s.apps[appID]
	if a == nil {
		a = &app{id: appID, key: key, installations: map[string]int64{}}
		s.apps[appID] = a
	}
	for _, r := range repos {
		a.installations[strings.ToLower(r)] = id
	}
	return id
}

func init() {
	addRoutes(func(s *Server) {
		s.Handle("GET", "/repos/{owner}/{repo}/installation", s.getRepoInstallation)
		s.Handle("POST", "/app/installations/{id}/access_tokens", s.createInstallationToken)
	})
}

func (s *Server) getRepoInstallation(w http.ResponseWriter, r *http.Request) {
	a, ok := s.verifyJWT(w, r)
	if !ok {
		return
	}
	full := r.PathValue("owner") + "/" + r.PathValue("repo")
	s.mu.Lock()
	id, installed := a.installations[strings.ToLower(full)]
	s.mu.Unlock()
	if !installed {
		WriteError(w, http.StatusNotFound, "Not Found")
		return
	}
	WriteJSON(w, http.StatusOK, &github.Installation{
		ID:      github.Int64(id),
		AppID:   github.Int64(a.id),
		Account: &github.User{Login: github.String(r.PathValue("owner"))},
	})
}

func (s *Server) createInstallationToken(w http.ResponseWriter, r *http.Request) {
	a, ok := s.verifyJWT(w, r)
	if !ok {
		return
	}
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if !a.installedAs(s, id) {
		WriteError(w, http.StatusNotFound, "Not Found")
		return
	}
	token := fmt.Sprintf("ghs_fake_%d_%d", id, s.newID())
	s.AcceptToken(token)
	s.mu.Lock()
	if s.tokenApps == nil {
		s.tokenApps = map[string]int64{}
	}
	s.tokenApps[token] = a.id
	s.mu.Unlock()
	// The installation transport checks expiry against the real clock.
	expires := time.Now().Add(time.Hour)
	WriteJSON(w, http.StatusCreated, &github.InstallationToken{
		Token:     github.String(token),
		ExpiresAt: &github.Timestamp{Time: expires},
	})
}

func (a *app) installedAs(s *Server, id int64) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, got := range a.installations {
		if got == id {
			return true
		}
	}
	return false
}

// verifyJWT checks the app's RS256 JWT the way GitHub does: signature by
// a registered app's key, issuer, and expiry (against the real clock,
// which signed it).
func (s *Server) verifyJWT(w http.ResponseWriter, r *http.Request) (*app, bool) {
	a, err := s.appFromJWT(bearer(r))
	if err != nil {
		WriteError(w, http.StatusUnauthorized, "A JSON web token could not be decoded: "+err.Error())
		return nil, false
	}
	return a, true
}

func (s *Server) appFromJWT(token string) (*app, error) {
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return nil, errors.New("not a JWT")
	}
	var claims struct {
		Iss string `json:"iss"`
		Exp int64  `json:"exp"`
	}
	payload, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil || json.Unmarshal(payload, &claims) != nil {
		return nil, errors.New("bad payload")
	}
	appID, _ := strconv.ParseInt(claims.Iss, 10, 64)
	s.mu.Lock()
	a := s.apps[appID]
	s.mu.Unlock()
	if a == nil {
		return nil, fmt.Errorf("unknown app %q", claims.Iss)
	}
	sig, err := base64.RawURLEncoding.DecodeString(parts[2])
	if err != nil {
		return nil, errors.New("bad signature encoding")
	}
	digest := sha256.Sum256([]byte(parts[0] + "." + parts[1]))
	if err := rsa.VerifyPKCS1v15(a.key, crypto.SHA256, digest[:], sig); err != nil {
		return nil, errors.New("signature does not match the app's key")
	}
	if time.Unix(claims.Exp, 0).Before(time.Now()) {
		return nil, errors.New("expired")
	}
	return a, nil
}
