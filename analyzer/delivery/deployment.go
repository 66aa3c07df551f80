package delivery

import (
	"fmt"
	"path"
	"regexp"
	"sort"
	"time"
)

// The deployment sources, in the order `auto` tries them.
const (
	SourceDeployments = "deployments" // GitHub Deployments API
	SourceWorkflow    = "workflow"    // successful runs of a named workflow
	SourceReleases    = "releases"    // published GitHub releases
	SourceTags        = "tags"        // git tags matching a pattern
	SourceMerges      = "merges"      // merges to the default branch (a proxy)
)

// DefaultTagPattern, the empty pattern, means release tags: "v" and a
// digit with no slash after (v2, v1.2.3, pre-releases such as v1.3.0-rc.1
// included; not vendor/x or vnext), and tags named
// as a version after a package or module name or without a v
// (svelte@5.1.0, @astrojs/vercel@8.0.1, jsoup-1.18.3, api/v1.4.0, 1.2.3).
// Monorepos tag each package's releases that way, and v* alone finds only
// their tags from before they became monorepos.
const DefaultTagPattern = ""

// versionTag matches a version at the end of a tag name, after a
// separator or alone: 1.2.3, pkg@1.2.3, pkg-1.2.3, mod/v1.2.3.
var versionTag = regexp.MustCompile(`^(?:.*[@/-])?v?\d+\.\d+(?:\.\d+)*(?:[-+][0-9A-Za-z.+-]*)?$`)

// vTag matches "v" and a digit, the way most projects name releases, with
// anything after but a slash: v2, v1.2.3, v1.3.0-rc.1, v2024-01-05.
var vTag = regexp.MustCompile(`^v\d[^/]*$`)

// TagMatcher returns the test of tag names for a pattern: version tags for
// DefaultTagPattern, else the glob.
func TagMatcher(pattern string) func(name string) bool {
	if pattern == DefaultTagPattern {
		return func(name string) bool { return vTag.MatchString(name) || versionTag.MatchString(name) }
	}
	return func(name string) bool {
		ok, _ := path.Match(pattern, name)
		return ok
	}
}

// Sources lists every source name in `auto` order.
var Sources = []string{SourceDeployments, SourceWorkflow, SourceReleases, SourceTags, SourceMerges}

// IsProxy reports whether a source only approximates deployments: a merge
// to the default branch is not a deployment, and reports must say so.
func IsProxy(source string) bool { return source == SourceMerges }

// Deployment is one successful deployment of a commit. It keeps its SHA
// and time so that stability metrics (rollbacks, failures) can be derived
// from the same list later.
type Deployment struct {
	SHA         string
	At          time.Time
	Environment string // empty when the source has no notion of one
	// Ref names the deployment for people: a tag, a release, a run or
	// deployment id, a merge commit's subject.
	Ref string
}

// Tag is a git tag peeled to the commit it names.
type Tag struct {
	Name string
	SHA  string // the tagged commit (annotated tags peeled)
	// Tagged is the tagger date of an annotated tag; zero for a lightweight
	// tag (or an annotated tag without a tagger line).
	Tagged time.Time
}

// ValidatePattern checks a tag glob (path.Match syntax: `*` does not cross
// a slash) so a mistake is reported once, up front, instead of matching
// nothing.
func ValidatePattern(pattern string) error {
	if _, err := path.Match(pattern, ""); err != nil {
		return fmt.Errorf("tag pattern %q: %w (use a glob such as v*)", pattern, err)
	}
	return nil
}

// TagDeployments turns the tags matching pattern into deployments. A tag's
// time is its tagger date when annotated, else the tagged commit's
// committer date (from h; a tag whose commit h lacks is skipped, since it
// has no time). Several tags on one commit are one deployment at the
// earliest time, named after that tag.
func TagDeployments(tags []Tag, pattern string, h *History) []Deployment {
	match := TagMatcher(pattern)
	var out []Deployment
	for _, t := range tags {
		if !match(t.Name) {
			continue
		}
		at := t.Tagged
		if at.IsZero() {
			c, ok := h.Commit(t.SHA)
			if !ok {
				continue
			}
			at = c.Committed
		}
		out = append(out, Deployment{SHA: t.SHA, At: at, Ref: t.Name})
	}
	return EarliestPerCommit(out)
}

// MergeDeployments is the `merges` proxy: every merge commit on the first-
// parent chain of the default branch's tip, at its committer date (when it
// landed on the branch).
func MergeDeployments(h *History, tip string) []Deployment {
	var out []Deployment
	for _, c := range h.FirstParentChain(tip) {
		if c.IsMerge() {
			out = append(out, Deployment{SHA: c.SHA, At: c.Committed, Ref: shortSHA(c.SHA)})
		}
	}
	SortByTime(out)
	return out
}

// EarliestPerCommit keeps one deployment per SHA, the earliest, and returns
// them sorted by time. Tags and releases use it: tagging a commit twice
// (v2.0.0-rc.1 then v2.0.0) does not deploy it twice.
func EarliestPerCommit(deploys []Deployment) []Deployment {
	sorted := append([]Deployment(nil), deploys...)
	SortByTime(sorted)
	seen := make(map[string]bool, len(sorted))
	out := sorted[:0]
	for _, d := range sorted {
		if !seen[d.SHA] {
			seen[d.SHA] = true
			out = append(out, d)
		}
	}
	return out
}

// SortByTime orders deployments by time, then by ref and SHA so that equal
// times still give one stable order.
func SortByTime(deploys []Deployment) {
	sort.SliceStable(deploys, func(i, j int) bool {
		a, b := deploys[i], deploys[j]
		if !a.At.Equal(b.At) {
			return a.At.Before(b.At)
		}
		if a.Ref != b.Ref {
			return a.Ref < b.Ref
		}
		return a.SHA < b.SHA
	})
}

func shortSHA(sha string) string {
	if len(sha) > 12 {
		return sha[:12]
	}
	return sha
}
