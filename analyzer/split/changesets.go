package split

import (
	"path"
	"strings"

	"github.com/mvcbot/mvc/analyzer"
)

// Changesets (github.com/changesets/changesets, used by many JavaScript
// monorepos) are small Markdown files, one per pull request, that name the
// packages a change releases and say what it does:
//
//	---
//	'@astrojs/vercel': patch
//	---
//
//	Fixes the edge middleware's headers
//
// Each belongs with the code it describes, and two of them almost always
// come from different pull requests: kept together, a stack would publish
// one part's release note with another part's code. On the benchmark's
// history of two such repositories, the changesets of a window landed
// lumped in one documentation part before these links.

// isChangeset reports whether p is a changeset file.
func isChangeset(p string) bool {
	dir, base := path.Split(p)
	return path.Base(strings.TrimSuffix(dir, "/")) == ".changeset" && path.Ext(base) == ".md" &&
		!strings.EqualFold(base, "README.md")
}

// changesetPackages reads the package names of a changeset's front matter,
// without their npm scope: the name a monorepo's directory usually has.
func changesetPackages(content []byte) []string {
	lines := strings.Split(string(content), "\n")
	if len(lines) == 0 || strings.TrimSpace(lines[0]) != "---" {
		return nil
	}
	var names []string
	for _, l := range lines[1:] {
		l = strings.TrimSpace(l)
		if l == "---" {
			break
		}
		name, bump, ok := strings.Cut(l, ":")
		if !ok || strings.TrimSpace(bump) == "" {
			continue
		}
		name = strings.Trim(strings.TrimSpace(name), `"'`)
		if i := strings.LastIndexByte(name, '/'); i >= 0 {
			name = name[i+1:] // @astrojs/vercel → vercel
		}
		if name != "" {
			names = append(names, name)
		}
	}
	return names
}

// linkChangesets links each new changeset with the changed files of the
// packages it names (a directory of that name on their path), and marks
// every two new changesets as apart.
func (l *linker) linkChangesets() {
	w := l.w
	var sets []int
	for i, f := range w.files {
		if f.Status == analyzer.Added && isChangeset(f.Path) {
			sets = append(sets, i)
		}
	}
	for x, i := range sets {
		for _, j := range sets[x+1:] {
			l.file(i, j).apart = true
		}
		for _, pkg := range changesetPackages(w.in.Head[w.files[i].Path]) {
			for j, f := range w.files {
				if j != i && !isChangeset(f.Path) && hasDir(f.Path, pkg) {
					l.file(i, j).changeset = true
				}
			}
		}
	}
}

// hasDir reports whether a directory on p's path is named dir.
func hasDir(p, dir string) bool {
	for d := path.Dir(p); d != "." && d != "/"; d = path.Dir(d) {
		if path.Base(d) == dir {
			return true
		}
	}
	return false
}

// onlyChangesets reports whether every file of g is a new changeset.
// Changesets deleted together are a release consuming them: that is a part
// of its own.
func (w *work) onlyChangesets(g *group) bool {
	for f := range g.files {
		if w.files[f].Status != analyzer.Added || !isChangeset(w.files[f].Path) {
			return false
		}
	}
	return len(g.files) > 0
}
