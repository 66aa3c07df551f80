package app

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"

	"github.com/google/go-github/v60/github"
)

// tokenRevokingActions are the installation actions after which the
// cached token may be revoked (suspend, deleted) or lack what was just
// granted (new_permissions_accepted), or the installation's earlier
// token may have been revoked while suspended (unsuspend).
var tokenRevokingActions = map[string]bool{
	"deleted": true, "suspend": true, "unsuspend": true, "new_permissions_accepted": true,
}

// installationChanged drops the installation's cached token when GitHub
// says its access changed, so the next run mints a fresh one.
func (s *Server) installationChanged(w http.ResponseWriter, log *slog.Logger, _ string, body []byte) {
	var ev github.InstallationEvent
	if err := json.Unmarshal(body, &ev); err != nil {
		s.refuse(w, log, http.StatusBadRequest, fmt.Errorf("the installation payload is not valid JSON: %v", err))
		return
	}
	action, id := ev.GetAction(), ev.GetInstallation().GetID()
	if !tokenRevokingActions[action] || id == 0 {
		s.ignore(w, log, fmt.Sprintf("installation action %q leaves its token valid", action))
		return
	}
	s.tokens.Forget(id)
	log.Info("installation token forgotten: the next run mints a new one", "action", action, "installation", id)
	reply(w, http.StatusAccepted, "the installation's token is forgotten")
}
