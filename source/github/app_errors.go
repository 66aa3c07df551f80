package github

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"

	"github.com/bradleyfalzon/ghinstallation/v2"
)

// TokenError is a failed installation-token exchange, said as what to fix:
// ghinstallation's own error names only the status and the URL.
type TokenError struct {
	AppID, Installation int64
	Status              int    // GitHub's answer; 0 when there was none
	Message             string // GitHub's message, when it sent one
	err                 error
}

func (e *TokenError) Error() string {
	said := ""
	if e.Message != "" {
		said = fmt.Sprintf(" (GitHub: %q)", e.Message)
	}
	switch e.Status {
	case http.StatusUnauthorized:
		return fmt.Sprintf("GitHub refused the credentials of GitHub App %d%s: the private key is not one of App %d's, or the App id is wrong; use the App ID and a key generated on the App's settings page", e.AppID, said, e.AppID)
	case http.StatusForbidden:
		return fmt.Sprintf("installation %d of GitHub App %d cannot get a token%s: it is suspended; unsuspend it in the installation's settings", e.Installation, e.AppID, said)
	case http.StatusNotFound:
		return fmt.Sprintf("GitHub App %d has no installation %d%s: the App was uninstalled, or the App id belongs to another App; install it again or check the App id", e.AppID, e.Installation, said)
	}
	return fmt.Sprintf("get an installation token for GitHub App %d (installation %d): %v", e.AppID, e.Installation, e.err)
}

func (e *TokenError) Unwrap() error { return e.err }

// tokenError turns ghinstallation's error into a TokenError, reading
// GitHub's message from the answer (and closing it, which ghinstallation
// leaves open on a failure).
func tokenError(err error, appID, installation int64) error {
	e := &TokenError{AppID: appID, Installation: installation, err: err}
	var httpErr *ghinstallation.HTTPError
	if errors.As(err, &httpErr) && httpErr.Response != nil {
		e.Status = httpErr.Response.StatusCode
		e.Message = githubMessage(httpErr.Response)
	}
	return e
}

// githubMessage reads the "message" of GitHub's error body, and closes it.
func githubMessage(resp *http.Response) string {
	if resp.Body == nil {
		return ""
	}
	defer resp.Body.Close()
	var body struct {
		Message string `json:"message"`
	}
	data, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	_ = json.Unmarshal(data, &body) // a body that is not GitHub's error shape says nothing
	return body.Message
}
