package delivery

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// PullRequest is a merged pull request as the API tells it: what the
// hotfix and revert signals, the lead-time breakdown and the size table
// need. Zero times are unknown (not read, or never happened).
type PullRequest struct {
	Number   int
	Title    string
	Body     string
	Author   string
	HeadRef  string
	Labels   []string
	Created  time.Time // opened; mvc's "ready for review" (see Stages)
	Merged   time.Time
	MergeSHA string
	// Read by the per-PR lookups (within a budget):
	FirstCommit time.Time // earliest author date of its commits
	FirstReview time.Time // first review by someone other than the author
	Approved    time.Time // first approval by someone other than the author
	// Size is its size bucket (analyzer/size) and Weighted the weighted
	// lines behind it; SizeFrom says how they were measured: "files"
	// (size.Measure on its files) or "additions+deletions" (the fallback
	// when the files could not be read). Empty when not measured.
	Size     string
	Weighted int
	SizeFrom string
	// Detailed is set once the lookups above were made.
	Detailed bool
}

// IsHotfix reports whether the pull request is a hotfix: labelled with
// label (case-insensitive, as GitHub matches labels) or from a branch
// starting with branchPrefix.
func (p PullRequest) IsHotfix(label, branchPrefix string) bool {
	for _, l := range p.Labels {
		if label != "" && strings.EqualFold(l, label) {
			return true
		}
	}
	return branchPrefix != "" && strings.HasPrefix(p.HeadRef, branchPrefix)
}

// revertsPattern is the body GitHub's "Revert" button writes: "Reverts
// owner/repo#123".
var revertsPattern = regexp.MustCompile(`(?m)^Reverts [\w.-]+/[\w.-]+#(\d+)`)

// RevertedPull returns the number of the pull request p reverts, or 0.
// Only GitHub's own revert pull requests say it: a title starting
// `Revert "` and a body `Reverts owner/repo#N`.
func (p PullRequest) RevertedPull() int {
	if !strings.HasPrefix(p.Title, `Revert "`) {
		return 0
	}
	m := revertsPattern.FindStringSubmatch(p.Body)
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// SignalsFromPulls turns merged pull requests into failure signals: their
// hotfixes, and their reverts resolved to the merge commit of the pull
// request reverted (when that pull request is among pulls: a revert of
// one merged long before the lookback names no deployment measured).
func SignalsFromPulls(pulls []PullRequest, hotfixLabel, hotfixBranch string) Signals {
	sig := Signals{Reverts: map[string][]string{}, Hotfixes: map[string]bool{}, PullRequestsRead: true, Pulls: pulls}
	merged := make(map[int]string, len(pulls))
	for _, p := range pulls {
		merged[p.Number] = p.MergeSHA
	}
	for _, p := range pulls {
		if p.MergeSHA == "" {
			continue
		}
		if p.IsHotfix(hotfixLabel, hotfixBranch) {
			sig.Hotfixes[p.MergeSHA] = true
		}
		if sha := merged[p.RevertedPull()]; sha != "" {
			sig.Reverts[p.MergeSHA] = append(sig.Reverts[p.MergeSHA], sha)
		}
	}
	return sig
}

var (
	shaPattern    = regexp.MustCompile(`\b[0-9a-f]{7,40}\b`)
	numberPattern = regexp.MustCompile(`(?:^|[\s(])#(\d+)\b|/pull/(\d+)\b`)
	refPattern    = regexp.MustCompile(`\bv\d[\w.+-]*\w`)
)

// ParseReferences reads what an incident's title and body name: commit
// SHAs (7 to 40 lowercase hex digits, bare or in a commit URL), pull
// requests (#N, or a /pull/N URL) and version-like release or tag names
// (v1.2.3, v2.0.0-rc.1). A hex word that is really a number (1234567)
// is still tried as a SHA: it matches only if a commit has that prefix.
func ParseReferences(text string) (shas []string, pulls []int, refs []string) {
	shas = shaPattern.FindAllString(text, -1)
	for _, m := range numberPattern.FindAllStringSubmatch(text, -1) {
		n, _ := strconv.Atoi(m[1] + m[2])
		pulls = append(pulls, n)
	}
	refs = refPattern.FindAllString(text, -1)
	return shas, pulls, refs
}
