// Package publish makes mvc's side effects on a pull request idempotent:
// one sticky comment, found again by a hidden marker and edited in place,
// and exactly one size label. It decides what to write from what GitHub
// shows, over small interfaces that source/github's Client implements, so
// a rerun converges instead of repeating itself.
//
// A token that may not write (a fork's pull request under pull_request)
// is not an error here: the results say ReadOnly, and Warning tells the
// user what was skipped and how to grant the permission.
package publish

import "strings"

// Action is what publishing did.
type Action string

// The actions a result reports.
const (
	Created   Action = "created"
	Updated   Action = "updated"
	Unchanged Action = "unchanged" // already right: nothing written
	Skipped   Action = "skipped"   // the policy says not to write
	// ReadOnly means GitHub refused the write (403, or 404 on a write):
	// nothing changed, and the run goes on.
	ReadOnly Action = "read-only"
)

// readOnlyFix tells a user how to let mvc write on fork pull requests.
const readOnlyFix = "the token cannot write to this pull request (a fork's pull request gets a read-only token under pull_request). " +
	"To fix: give the action app-id and app-private-key of a GitHub App installed on the repository, " +
	"or run it on pull_request_target without checking out the pull request's head"

// warning is the ::warning text for a refused write, or "".
func warning(a Action, what string) string {
	if a != ReadOnly {
		return ""
	}
	return "mvc skipped " + what + ": " + readOnlyFix
}

// startsWithLine reports whether body's first line that is not blank is
// line, ignoring surrounding blanks: mvc writes its marker there, so a
// comment or issue that merely mentions the marker is not taken for mvc's.
func startsWithLine(body, line string) bool {
	for l := range strings.SplitSeq(body, "\n") {
		if t := strings.TrimSpace(l); t != "" {
			return t == line
		}
	}
	return false
}
