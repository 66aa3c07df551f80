package split

import (
	"fmt"
	"maps"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/mvcbot/mvc/analyzer"
	"github.com/mvcbot/mvc/analyzer/size"
)

// title names a part the way its author would name the pull request.
func (w *work) title(g *group, kind Kind) string {
	files := w.groupFiles(g)
	switch kind {
	case KindVendored:
		return vendoredTitle(files)
	case KindDependencies:
		t := infraTitle(files)
		if deps := w.updatedDependencies(g, analyzer.Add); len(deps) > 0 && g.mech != repeated {
			t := "Update dependencies: " + listNames(deps, 3)
			if code := w.codeFiles(g); len(code) > 0 {
				t += ", and adapt " + listNames(code, 2)
			}
			return t
		}
		if deps := w.updatedDependencies(g, analyzer.Delete); len(deps) > 0 && g.mech != repeated {
			return "Remove dependencies: " + listNames(deps, 3)
		}
		if g.mech == repeated {
			// The same bump in several files: say what it bumps.
			if sweep := w.sweepTitle(g, len(files)); sweep != "" {
				prefix, _, _ := strings.Cut(t, ":")
				return prefix + ": " + strings.ToLower(sweep[:1]) + sweep[1:]
			}
		}
		return t
	case KindDocs:
		return "Update docs: " + listNames(baseNames(files), 3)
	case KindRelease:
		return w.releaseTitle(g)
	case KindMechanical:
		return w.mechanicalTitle(g, files)
	}
	if t := w.moveTitle(g); t != "" {
		return t
	}
	verb := w.verb(g)
	names := w.topNames(g, 3, false)
	if len(names) == 0 {
		names = w.topNames(g, 3, true) // a part of tests is named by its tests
	}
	subject := listNames(names, 3)
	if len(names) == 0 {
		subject = listNames(baseNames(w.filesByChange(g)), 3)
		verb = w.fileVerb(g, verb)
	}
	t := verb + " " + subject
	if scope := commonDir(files); scope != "" && scope != "." {
		t += " in " + scope
	}
	if w.hasClass(g, size.Test) && w.hasClass(g, size.Code) {
		t += ", with tests"
	}
	return t
}

// wholeUnit says what an over-budget part holds that must ship whole, as
// far as the part shows it: a new or deleted file, a move, one edit swept
// across files, else the general case.
func (w *work) wholeUnit(g *group) string {
	switch g.mech {
	case moved:
		return "a move, which goes whole"
	case repeated:
		return "one edit repeated across its files, which goes as one"
	}
	if len(g.files) == 1 {
		for f := range g.files {
			switch w.files[f].Status {
			case analyzer.Added:
				return "a new file, which ships whole"
			case analyzer.Removed:
				return "a deleted file, which goes whole"
			}
		}
	}
	return "a declaration or a file that must ship whole"
}

// titleByFiles names a part by its files rather than by the names it
// changes: "Add ar.ts in packages/zod/src/v4/locales".
func (w *work) titleByFiles(g *group) string {
	t := w.fileVerb(g, w.verb(g)) + " " + listNames(baseNames(w.filesByChange(g)), 3)
	if scope := commonDir(w.groupFiles(g)); scope != "" && scope != "." {
		t += " in " + scope
	}
	if w.hasClass(g, size.Test) && w.hasClass(g, size.Code) {
		t += ", with tests"
	}
	return t
}

// printable shows the control characters a file name may hold (a line
// break, a tab) as Go and git escape them, so a title stays one line: it
// heads a commit message and a comment line of the steps by hand.
func printable(s string) string {
	if !strings.ContainsFunc(s, unicode.IsControl) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if unicode.IsControl(r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// updatedDependencies names the dependencies the group's manifests add or
// bump (op Add), or only remove (op Delete), as a reviewer would call
// them: gin's go.mod bump is "x/net, quic-go and validator", not "go.mod
// and go.sum". Indirect Go requirements are named only when nothing direct
// changed.
func (w *work) updatedDependencies(g *group, op analyzer.Op) []string {
	var direct, indirect []string
	seen := map[string]bool{}
	for _, f := range slices.Sorted(maps.Keys(g.files)) {
		fi := &w.files[f]
		for _, dep := range w.changedDependencies(fi, op) {
			name := dependencyName(dep)
			if seen[name] {
				continue
			}
			seen[name] = true
			if indirectRequirement(fi, dep) {
				indirect = append(indirect, name)
			} else {
				direct = append(direct, name)
			}
		}
	}
	if len(direct) > 0 {
		return direct
	}
	return indirect
}

// codeFiles names the code and test files of g that are not build files,
// by base name.
func (w *work) codeFiles(g *group) []string {
	var out []string
	for _, f := range slices.Sorted(maps.Keys(g.files)) {
		if fi := &w.files[f]; (fi.class == size.Code || fi.class == size.Test) && !isInfra(fi.Path) {
			out = append(out, path.Base(fi.Path))
		}
	}
	return out
}

// indirectRequirement says whether go.mod marks dep's added line
// "// indirect".
func indirectRequirement(f *fileInfo, dep string) bool {
	for _, h := range f.Hunks {
		for _, l := range h.Lines {
			if l.Op != analyzer.Context && strings.Contains(l.Text, dep+" ") && strings.Contains(l.Text, "// indirect") {
				return true
			}
		}
	}
	return false
}

// dependencyName shortens a module path to what people call it: the last
// element without a major-version suffix (github.com/go-playground/
// validator/v10 is validator), keeping x/ for the Go team's modules
// (golang.org/x/net is x/net). Package names are kept whole (@scope/pkg).
func dependencyName(dep string) string {
	if strings.HasPrefix(dep, "@") || !strings.Contains(dep, "/") {
		return dep
	}
	parts := strings.Split(dep, "/")
	last := len(parts) - 1
	if v := parts[last]; last > 0 && len(v) > 1 && v[0] == 'v' && strings.Trim(v[1:], "0123456789") == "" {
		last--
	}
	if last > 0 && parts[last-1] == "x" {
		return "x/" + parts[last]
	}
	return parts[last]
}

// infraTitle names a part of dependency, build and CI files by what they
// all are, most specific first.
func infraTitle(files []string) string {
	ci := true
	for _, f := range files {
		ci = ci && isCI(f)
	}
	if ci {
		return "Update CI settings: " + listNames(baseNames(files), 3)
	}
	return "Update dependencies and build files: " + listNames(baseNames(files), 3)
}

// vendoredTitle names a part of vendored code by the directory holding
// it: "Update vendored code in vendor/golang.org/x/tools".
func vendoredTitle(files []string) string {
	t := "Update vendored code"
	if scope := commonDir(files); scope != "" && scope != "." {
		t += " in " + scope
	} else {
		t += ": " + listNames(baseNames(files), 3)
	}
	return t
}

func (w *work) mechanicalTitle(g *group, files []string) string {
	n := len(files)
	switch g.mech {
	case moved:
		if t := w.moveTitle(g); t != "" {
			return t
		}
		return fmt.Sprintf("Move %s", plural(n/2, "file"))
	case whitespaceOnly:
		return fmt.Sprintf("Reformat %s (whitespace only)", plural(n, "file"))
	case commentOnly:
		return fmt.Sprintf("Edit comments in %s", plural(n, "file"))
	}
	if t := w.sweepTitle(g, n); t != "" {
		return t
	}
	if t := w.sweepWordsTitle(g, n); t != "" {
		return t
	}
	return fmt.Sprintf("Apply the same edit to %s", plural(n, "file"))
}

// verb says whether the part adds, removes or changes code. Files without
// lines (binary, empty) count by their status: a modified image is a
// change, not an addition.
func (w *work) verb(g *group) string {
	adds, dels := 0, 0
	for _, id := range g.atoms {
		a := w.atoms[id]
		adds += len(a.adds)
		dels += len(a.dels)
		if a.changed() == 0 {
			switch w.files[a.file].Status {
			case analyzer.Added:
				adds++
			case analyzer.Removed:
				dels++
			default:
				adds, dels = adds+1, dels+1
			}
		}
	}
	switch {
	case dels == 0 && !w.editsKept(g):
		return "Add"
	case adds == 0 && !w.editsKept(g):
		return "Remove"
	}
	return "Change"
}

// editsKept reports whether the group adds lines to, or deletes lines
// from, a declaration that is there before and after: that changes it
// ("Add Rewrite" named a function that was already there).
func (w *work) editsKept(g *group) bool {
	for _, id := range g.atoms {
		a := w.atoms[id]
		f := &w.files[a.file]
		if a.newDecl != "" && len(a.adds) > 0 && f.oldNames[a.newDecl] != "" {
			return true
		}
		if a.oldDecl != "" && len(a.dels) > 0 && f.newNames[a.oldDecl] != "" {
			return true
		}
	}
	return false
}

// fileVerb adapts the verb to a subject of file names: "Add x.go" would
// announce a new file, so lines added to an existing one are added to it.
func (w *work) fileVerb(g *group, verb string) string {
	var want analyzer.Status
	var partial string
	switch verb {
	case "Add":
		want, partial = analyzer.Added, "Add to"
	case "Remove":
		want, partial = analyzer.Removed, "Remove from"
	default:
		return verb
	}
	for f := range g.files {
		if w.files[f].Status != want {
			return partial
		}
	}
	return verb
}

// topNames returns the names of the declarations the part changes most,
// in code files, or in tests when tests is set: a test's name says less
// about a part than the code it tests.
func (w *work) topNames(g *group, n int, tests bool) []string {
	lines := map[string]int{}
	for _, id := range g.atoms {
		a := w.atoms[id]
		for _, name := range a.names {
			if len(name) < 2 {
				continue // a type parameter (S, V) or a loop variable names nothing
			}
			if (w.files[a.file].class == size.Test) == tests {
				lines[name] += a.lines
			}
		}
	}
	names := make([]string, 0, len(lines))
	for name := range lines {
		names = append(names, name)
	}
	sort.Slice(names, func(i, j int) bool {
		if lines[names[i]] != lines[names[j]] {
			return lines[names[i]] > lines[names[j]]
		}
		return naturalLess(names[i], names[j])
	})
	if len(names) > n+1 { // keep "and 1 more" from replacing a single name
		return append(names[:n:n], fmt.Sprintf("%d more", len(names)-n))
	}
	return names
}

// naturalLess orders names as a reader counts: N1_2 before N1_10, by the
// value of each run of digits, then by text.
func naturalLess(a, b string) bool {
	for a != "" && b != "" {
		da, db := digitRun(a), digitRun(b)
		if da > 0 && db > 0 {
			x, y := strings.TrimLeft(a[:da], "0"), strings.TrimLeft(b[:db], "0")
			if len(x) != len(y) {
				return len(x) < len(y)
			}
			if x != y {
				return x < y
			}
			a, b = a[da:], b[db:]
			continue
		}
		if a[0] != b[0] {
			return a[0] < b[0]
		}
		a, b = a[1:], b[1:]
	}
	return len(a) < len(b)
}

// digitRun is the length of the ASCII digits s starts with.
func digitRun(s string) int {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i
}

// filesByChange lists g's files with changed lines before those without
// (an image, a mode change): a part is named by what a reviewer reads.
func (w *work) filesByChange(g *group) []string {
	changed := map[string]bool{}
	for _, id := range g.atoms {
		if a := w.atoms[id]; a.counted() > 0 {
			changed[w.files[a.file].Path] = true
		}
	}
	files := w.groupFiles(g)
	slices.SortStableFunc(files, func(a, b string) int {
		switch {
		case changed[a] == changed[b]:
			return 0
		case changed[a]:
			return -1
		}
		return 1
	})
	return files
}

func (w *work) groupFiles(g *group) []string {
	var files []string
	for f := range g.files {
		files = append(files, w.files[f].Path)
	}
	sort.Strings(files)
	return files
}

func (w *work) hasClass(g *group, c size.Class) bool {
	for f := range g.files {
		if w.files[f].class == c {
			return true
		}
	}
	return false
}

// rationale says why the part's changes belong together, from the
// strongest evidence found inside it.
func (w *work) rationale(g *group, facts *groupFacts, kind Kind, over, dependent bool) string {
	var reasons []string
	switch kind {
	case KindMechanical:
		reasons = append(reasons, mechanicalReason[g.mech])
	case KindVendored:
		reasons = append(reasons, "Vendored third-party code, not reviewed line by line and not counted in the size: one dependency update, kept apart from the change's own code and first so the parts after it build on it")
	case KindDependencies:
		if dependent {
			reasons = append(reasons, "Dependency and build changes, after the parts whose code they name")
		} else {
			reasons = append(reasons, "Dependency and build changes go first so the parts after them build on them")
		}
	case KindRelease:
		reasons = append(reasons, "A version bump and its release notes go last, once everything they announce is in")
	case KindDocs:
		if dependent {
			reasons = append(reasons, "Documentation only: it can be reviewed on its own once the code it describes is in")
		} else {
			reasons = append(reasons, "Documentation only, naming no code this change touches: it can be reviewed on its own")
		}
	}
	if kind != KindMechanical && kind != KindVendored {
		reasons = append(reasons, w.evidenceReasons(g, facts)...)
	}
	if over {
		reasons = append(reasons, fmt.Sprintf("Over the budget of %d weighted lines and %d files, but cutting it further would split %s",
			w.in.Policy.Budget.Lines, w.in.Policy.Budget.Files, w.wholeUnit(g)))
	}
	if len(reasons) == 0 {
		// "Small" only when it is: a part of 394 of 400 lines is not.
		small := "A small"
		if g.weight > float64(w.in.Policy.Budget.Lines)/2 {
			small = "A"
		}
		switch {
		case dependent && w.onlyTests(g):
			reasons = append(reasons, "Tests of code that the parts it builds on change")
		case dependent:
			reasons = append(reasons, small+" change on top of the parts it builds on")
		default:
			reasons = append(reasons, small+" self-contained change")
		}
	}
	for i, r := range reasons {
		if i == 0 {
			reasons[i] = strings.ToUpper(r[:1]) + r[1:]
		} else {
			reasons[i] = strings.ToLower(r[:1]) + r[1:]
		}
	}
	return strings.Join(reasons, "; ") + "."
}

var mechanicalReason = map[mechanical]string{
	whitespaceOnly: "Formatting only, no behaviour changes: kept apart so the other parts show only real edits",
	commentOnly:    "Comment-only edits: kept apart so the other parts show only code changes",
	moved:          "Files moved without changes (git's rename detection would show them as renames): reviewing the move alone keeps later diffs small",
	repeated:       "The same edit repeated across files, a mechanical sweep best reviewed at once",
}

// groupFacts is the evidence found inside one group, for its rationale.
type groupFacts struct {
	used             map[string]bool // declarations changed here and used by another file here
	tests, cochanged int             // file pairs of test and code, and of frequent co-change
}

// collectFacts gathers every group's facts in one pass over the links.
func (w *work) collectFacts(l *linker, groups []*group) map[int]*groupFacts {
	atomGroup := make([]int, len(w.atoms))
	fileGroups := make([]map[int]bool, len(w.files))
	facts := map[int]*groupFacts{}
	for _, g := range groups {
		facts[g.id] = &groupFacts{used: map[string]bool{}}
		for _, id := range g.atoms {
			atomGroup[id] = g.id
		}
		for f := range g.files {
			if fileGroups[f] == nil {
				fileGroups[f] = map[int]bool{}
			}
			fileGroups[f][g.id] = true
		}
	}
	for k := range l.uses {
		user, def := w.atoms[k[0]], w.atoms[k[1]]
		if g := atomGroup[user.id]; g == atomGroup[def.id] && user.file != def.file {
			for _, n := range def.names {
				facts[g].used[n] = true
			}
		}
	}
	for k, fl := range l.files {
		if k[0] == k[1] || !fl.testPair && fl.coChange < 0.3 {
			continue
		}
		for g := range fileGroups[k[0]] {
			if !fileGroups[k[1]][g] {
				continue
			}
			if fl.testPair {
				facts[g].tests++
			}
			if fl.coChange >= 0.3 {
				facts[g].cochanged++
			}
		}
	}
	return facts
}

// evidenceReasons turns the links inside a group into short sentences.
func (w *work) evidenceReasons(g *group, f *groupFacts) []string {
	var reasons []string
	used := make([]string, 0, len(f.used))
	for n := range f.used {
		used = append(used, n)
	}
	sort.Strings(used)
	if len(used) > 0 {
		reasons = append(reasons, "it changes "+listNames(used, 3)+" together with the code that uses "+pronoun(len(used)))
	}
	if f.tests > 0 {
		reasons = append(reasons, "tests travel with the code they exercise")
	}
	if f.cochanged > 0 {
		reasons = append(reasons, "its files have often changed together before")
	}
	if dir := commonDir(w.groupFiles(g)); len(g.files) > 1 && dir != "" {
		reasons = append(reasons, "all in "+dir)
	}
	return reasons
}

func pronoun(n int) string {
	if n == 1 {
		return "it"
	}
	return "them"
}

// commonDir is the deepest directory holding every path ("" when they
// share none, "." for the root).
func commonDir(paths []string) string {
	if len(paths) == 0 {
		return ""
	}
	dir := path.Dir(paths[0])
	for _, p := range paths[1:] {
		for dir != "." && !strings.HasPrefix(p, dir+"/") {
			dir = path.Dir(dir)
		}
	}
	if dir == "." && len(paths) > 1 {
		return ""
	}
	return dir
}

// baseNames names files by their base name, or by parent/base where two
// files share a base name ("handler.go and handler.go" says nothing).
func baseNames(paths []string) []string {
	// Each name is the shortest tail of its path that no other path
	// shares: main.go, then cmd/main.go, then a/cmd/main.go.
	depth := make([]int, len(paths))
	out := make([]string, len(paths))
	for i := range paths {
		depth[i] = 1
	}
	for {
		seen := map[string]int{}
		for i, p := range paths {
			out[i] = pathTail(p, depth[i])
			seen[out[i]]++
		}
		grew := false
		for i, p := range paths {
			if seen[out[i]] > 1 && pathTail(p, depth[i]+1) != out[i] {
				depth[i]++
				grew = true
			}
		}
		if !grew {
			return out
		}
	}
}

// pathTail is the last n components of p (all of them if it has fewer).
func pathTail(p string, n int) string {
	parts := strings.Split(p, "/")
	return strings.Join(parts[max(0, len(parts)-n):], "/")
}

// listNames joins up to n names with commas and "and", counting the rest.
func listNames(names []string, n int) string {
	if len(names) > n+1 {
		names = append(names[:n:n], fmt.Sprintf("%d more", len(names)-n))
	}
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
