package split

import (
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/mvcbot/mvc/analyzer"
	"github.com/mvcbot/mvc/analyzer/size"
)

// versionLine matches a line that sets a package's own version: "version":
// "1.3.0" in package.json, version = "1.3.0" in Cargo.toml or
// pyproject.toml, VERSION = "1.3.0" in a gem's version.rb, __version__ =
// "1.3.0" in Python. Its group is the new version.
var versionLine = regexp.MustCompile(`^\s*(?:"version"\s*:|(?:version|VERSION|__version__|Version)\s*=)\s*["']v?(\d+(?:\.\d+)+[\w.+-]*)["']\s*,?\s*$`)

// isReleaseNotes recognises a changelog or release notes file by name.
func isReleaseNotes(p string) bool {
	stem := strings.ToUpper(strings.TrimSuffix(path.Base(p), path.Ext(p)))
	for _, name := range []string{"CHANGELOG", "CHANGES", "HISTORY", "NEWS", "RELEASES", "RELEASE-NOTES", "RELEASE_NOTES"} {
		if stem == name {
			return true
		}
	}
	return false
}

// releaseVersions says whether a group only bumps a version, with or
// without release notes, and lists the versions it sets. A reviewer reads
// such a part as the release of what the stack below it brings, so it
// goes last, and nothing builds on it.
func (w *work) releaseVersions(g *group) ([]string, bool) {
	var versions []string
	for _, id := range g.atoms {
		a := w.atoms[id]
		f := &w.files[a.file]
		if f.class == size.Docs && isReleaseNotes(f.Path) {
			continue
		}
		if f.Binary || len(a.adds)+len(a.dels) == 0 {
			return nil, false
		}
		if len(w.changedDependencies(f, analyzer.Add, analyzer.Delete)) > 0 {
			return nil, false // a dependency's version ([dependencies.x] version = …)
		}
		for _, lines := range [][]analyzer.Line{a.dels, a.adds} {
			for _, l := range lines {
				if strings.TrimSpace(l.Text) == "" {
					continue
				}
				m := versionLine.FindStringSubmatch(l.Text)
				if m == nil {
					return nil, false
				}
				if l.Op == analyzer.Add && !slices.Contains(versions, m[1]) {
					versions = append(versions, m[1])
				}
			}
		}
	}
	return versions, len(versions) > 0
}

// releaseTitle names a version bump by the version it sets.
func (w *work) releaseTitle(g *group) string {
	versions, _ := w.releaseVersions(g)
	quoted := make([]string, len(versions))
	for i, v := range versions {
		quoted[i] = "`" + v + "`" // a version holds no backtick
	}
	t := "Bump the version to " + quoted[0]
	if len(quoted) > 1 {
		t = "Bump versions to " + listNames(quoted, 3)
	}
	var notes []string
	for f := range g.files {
		if isReleaseNotes(w.files[f].Path) {
			notes = append(notes, w.files[f].Path)
		}
	}
	if len(notes) > 0 {
		t += " and update " + listNames(baseNames(notes), 2)
	}
	return t
}
