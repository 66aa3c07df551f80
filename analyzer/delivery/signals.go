package delivery

import (
	"sort"
	"strings"
	"time"
)

// The failure signals: what shows that a deployment failed (issue 6).
const (
	// SignalRollback: a later deployment ships a strict ancestor of the
	// deployment's commit.
	SignalRollback = "rollback"
	// SignalRevert: a later deployment ships a revert of one of its
	// commits or pull requests.
	SignalRevert = "revert"
	// SignalHotfix: a later deployment ships a hotfix pull request.
	SignalHotfix = "hotfix"
	// SignalIncident: an incident issue names it, or was opened within the
	// incident window after it.
	SignalIncident = "incident"
)

// Defaults of the failure signals.
const (
	DefaultIncidentLabel  = "incident"
	DefaultIncidentWindow = 7 * 24 * time.Hour
	DefaultHotfixLabel    = "hotfix"
	DefaultHotfixBranch   = "hotfix/"
)

// Incident is an issue labelled as an incident.
type Incident struct {
	Number int
	Title  string
	Opened time.Time
	Closed time.Time // zero while open
	// SHAs are the commits its text names, full or abbreviated (7+ hex
	// digits), plus the merge commits of the pull requests it names (the
	// adapter resolves #N).
	SHAs []string
	// Refs are release or tag names it mentions; they match a
	// deployment's Ref exactly.
	Refs []string
}

// Signals are the facts besides the commit graph that say a deployment
// failed. The graph itself gives rollbacks, and, when its messages were
// read (History.MessagesRead), revert commits and hotfix branches.
type Signals struct {
	// Reverts maps a commit to the commits it reverts beyond those its own
	// message names: GitHub "Revert …" pull requests, each resolved to the
	// merge commit of the pull request it reverts.
	Reverts map[string][]string
	// Hotfixes holds the merge commits of hotfix pull requests (labelled,
	// or from a hotfix branch).
	Hotfixes map[string]bool
	// PullRequestsRead says Reverts and Hotfixes were read from the API:
	// empty then means none, not unknown.
	PullRequestsRead bool
	Incidents        []Incident
	// IncidentsRead says the incident issues were read (even if none).
	IncidentsRead bool
	// Pulls are the merged pull requests read from the API, for the
	// per-PR lead-time breakdown and the size table (Metrics.Flow); nil
	// without the API.
	Pulls []PullRequest
}

// shaIndex resolves full or abbreviated SHAs to commits of a history.
type shaIndex struct {
	h      *History
	sorted []string // built on the first abbreviated lookup
}

// minAbbrev is the shortest abbreviation trusted: git's default length.
const minAbbrev = 7

// resolve returns the index of the commit sha names, if exactly one does.
func (x *shaIndex) resolve(sha string) (int32, bool) {
	sha = strings.ToLower(strings.TrimSpace(sha))
	if i, ok := x.h.lookup(sha); ok || len(sha) < minAbbrev || len(sha) >= 40 {
		return i, ok
	}
	if x.sorted == nil {
		x.sorted = make([]string, 0, x.h.Len())
		for _, c := range x.h.commits {
			x.sorted = append(x.sorted, c.SHA)
		}
		sort.Strings(x.sorted)
	}
	k := sort.SearchStrings(x.sorted, sha)
	if k == len(x.sorted) || !strings.HasPrefix(x.sorted[k], sha) {
		return 0, false
	}
	if k+1 < len(x.sorted) && strings.HasPrefix(x.sorted[k+1], sha) {
		return 0, false // ambiguous: name no commit rather than a wrong one
	}
	return x.h.lookup(x.sorted[k])
}

// ParseReverts returns the SHAs a commit message says it reverts: git's
// `This reverts commit <sha>.` line (also in squashed messages, where it
// follows a `* ` bullet).
func ParseReverts(message string) []string {
	var out []string
	const marker = "This reverts commit "
	for _, line := range strings.Split(message, "\n") {
		_, rest, ok := strings.Cut(line, marker)
		if !ok {
			continue
		}
		end := 0
		for end < len(rest) && isHex(rest[end]) {
			end++
		}
		if end >= minAbbrev {
			out = append(out, strings.ToLower(rest[:end]))
		}
	}
	return out
}

// ParseMergedBranch reads the branch a merge commit's subject names:
// GitHub's "Merge pull request #12 from owner/branch" or git's "Merge
// branch 'branch'" (optionally "into …"). Other subjects give "".
func ParseMergedBranch(subject string) string {
	if rest, ok := strings.CutPrefix(subject, "Merge pull request #"); ok {
		_, from, ok := strings.Cut(rest, " from ")
		if !ok {
			return ""
		}
		_, branch, ok := strings.Cut(strings.TrimSpace(from), "/") // drop the owner
		if !ok {
			return ""
		}
		return branch
	}
	if rest, ok := strings.CutPrefix(subject, "Merge branch '"); ok {
		branch, _, _ := strings.Cut(rest, "'")
		return branch
	}
	if rest, ok := strings.CutPrefix(subject, "Merge remote-tracking branch '"); ok {
		branch, _, _ := strings.Cut(rest, "'")
		_, branch, _ = strings.Cut(branch, "/") // origin/hotfix/x → hotfix/x
		return branch
	}
	return ""
}

func isHex(b byte) bool {
	return ('0' <= b && b <= '9') || ('a' <= b && b <= 'f') || ('A' <= b && b <= 'F')
}
