package split

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/mvcbot/mvc/analyzer"
	"github.com/mvcbot/mvc/analyzer/size"
)

func TestRenamesWithEditsStayWholeAndWeighOnlyTheEdits(t *testing.T) {
	var body []string
	for i := range 40 {
		body = append(body, fmt.Sprintf("func step%d() int { return %d }", i, i))
	}
	old := "package progress\n\n" + strings.Join(body, "\n") + "\n"
	edited := strings.Replace(old, "return 3 }", "return 33 }", 1) + "func extra() {}\n"
	in := changeOf(map[string][2]string{
		"internal/lsp/progress/progress.go": {old, ""},
		"internal/progress/progress.go":     {"", edited},
		"cmd/other/other.go":                {"", "package other\n\nfunc Other() {}\n"},
		"cmd/gone/gone.go":                  {"package gone\n\nfunc Gone() {}\n", ""},
	})
	w, err := prepare(in)
	if err != nil {
		t.Fatal(err)
	}
	w.describeAtoms()
	u := w.hardLinks()
	fileOf := map[string]int{}
	for i, f := range w.files {
		fileOf[f.Path] = i
	}
	group := func(p string) int { return u.find(w.files[fileOf[p]].atoms[0]) }
	if group("internal/lsp/progress/progress.go") != group("internal/progress/progress.go") {
		t.Error("the renamed file's two halves are apart")
	}
	if group("cmd/other/other.go") == group("cmd/gone/gone.go") {
		t.Error("two unrelated files were taken for a rename")
	}
	var weight float64
	for _, p := range []string{"internal/lsp/progress/progress.go", "internal/progress/progress.go"} {
		for _, id := range w.files[fileOf[p]].atoms {
			weight += w.atoms[id].weight
		}
	}
	// One line changed and one added: the rename, one deletion, two additions.
	oldF, newF := w.files[fileOf["internal/lsp/progress/progress.go"]], w.files[fileOf["internal/progress/progress.go"]]
	if want := in.Policy.Weights.Rename + oldF.delW + 2*newF.addW; weight != want {
		t.Errorf("the rename weighs %v, want %v (the rename and the edited lines)", weight, want)
	}
}

// A directory moved whole, with or without edits, is packed into as few
// parts as the budget allows, named after the move, not left as one part
// per file.
func TestDirectoryMovesArePackedWithinTheBudget(t *testing.T) {
	for _, tc := range []struct {
		name      string
		edit      string
		wantParts int
		wantTitle string
	}{
		{"exact moves", "", 1, "Move 100 files from old to new"},
		// A renamed and edited file is one reviewable file: 40 fit a part.
		{"moves with edits", "func extra() {}\n", 3, "Move 40 files from old to new, with edits"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files := map[string][2]string{}
			for f := range 100 {
				var body []string
				for i := range 20 {
					body = append(body, fmt.Sprintf("func f%d_%d() int { return %d }", f, i, i))
				}
				text := "package p\n\n" + strings.Join(body, "\n") + "\n"
				files[fmt.Sprintf("old/p%02d/f.go", f)] = [2]string{text, ""}
				files[fmt.Sprintf("new/p%02d/f.go", f)] = [2]string{"", text + tc.edit}
			}
			plan, err := Split(changeOf(files))
			if err != nil {
				t.Fatal(err)
			}
			if len(plan.Parts) != tc.wantParts {
				t.Fatalf("%d parts, want %d", len(plan.Parts), tc.wantParts)
			}
			if got := plan.Parts[0].Title; got != tc.wantTitle {
				t.Errorf("title %q, want %q", got, tc.wantTitle)
			}
			for _, p := range plan.Parts {
				if p.OverBudget {
					t.Errorf("part %d (%d files) is over budget", p.Index, p.ReviewableFiles)
				}
			}
		})
	}
}

// A move keeps to itself: an edit of other code merges with it neither by
// the pair odds (a large move outweighs them) nor by folding; and a move
// whose files go different ways is named by the directories it leaves and
// enters (swr moved e2e/site/* to test/e2e/site/* and e2e/test/* to test/e2e/*).
func TestAMoveStaysPure(t *testing.T) {
	files := map[string][2]string{}
	for f := range 30 {
		text := fmt.Sprintf("export const page%d = () => %d\n", f, f)
		dir := "site"
		if f%3 == 0 {
			dir = "test"
		}
		to := "test/e2e/site"
		if dir == "test" {
			to = "test/e2e"
		}
		files[fmt.Sprintf("e2e/%s/page%02d.ts", dir, f)] = [2]string{text, ""}
		files[fmt.Sprintf("%s/page%02d.ts", to, f)] = [2]string{"", text}
	}
	files["src/env.ts"] = [2]string{"import { a, b } from './helper'\n", "import {\n  a,\n  b\n} from './helper'\n"}
	plan, err := Split(changeOf(files))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range plan.Parts {
		moved, other := 0, 0
		for _, f := range p.Files {
			if strings.HasPrefix(f.Path, "e2e/") || strings.HasPrefix(f.Path, "test/e2e") {
				moved++
			} else {
				other++
			}
		}
		if moved > 0 && other > 0 {
			t.Errorf("part %d %q mixes %d moved files with %d others", p.Index, p.Title, moved, other)
		}
		if moved > 0 && !strings.HasPrefix(p.Title, "Move ") {
			t.Errorf("move part titled %q", p.Title)
		}
	}
}

func TestMovedDirs(t *testing.T) {
	for _, tc := range []struct {
		froms, tos []string
		from, to   string
	}{
		{[]string{"old/a/x.go", "old/b/y.go"}, []string{"new/a/x.go", "new/b/y.go"}, "old", "new"},
		{[]string{"e2e/site/a.ts", "e2e/test/b.ts"}, []string{"test/e2e/site/a.ts", "test/e2e/b.ts"}, "e2e", "test/e2e"},
		{[]string{"a.go", "lib/b.go"}, []string{"pkg/a.go", "pkg/lib/c.go"}, ".", "pkg"},
	} {
		if from, to := movedDirs(tc.froms, tc.tos); from != tc.from || to != tc.to {
			t.Errorf("movedDirs(%q, %q) = %q, %q; want %q, %q", tc.froms, tc.tos, from, to, tc.from, tc.to)
		}
	}
}

// Merging never joins a move with other edits, however strong the link:
// the two groups below would merge at once were the move not kept apart.
func TestMergeKeepsAMoveApart(t *testing.T) {
	w := &work{base: 0.1}
	w.in.Policy = size.DefaultPolicy()
	w.files = []fileInfo{{FileChange: analyzer.FileChange{Path: "a.go"}, reviewable: true}, {FileChange: analyzer.FileChange{Path: "b.go"}, reviewable: true}, {FileChange: analyzer.FileChange{Path: "c.go"}, reviewable: true}}
	mk := func(id int, mech mechanical) *group {
		return &group{id: id, lines: 10, weight: 10, files: map[int]bool{id: true}, mech: mech, alive: true, links: map[int]float64{}, foldLinks: map[int]float64{}}
	}
	groups := []*group{mk(0, moved), mk(1, notMechanical), mk(2, notMechanical)}
	link := func(a, b int, s float64) { groups[a].links[b], groups[b].links[a] = s, s }
	link(0, 1, 85) // average pair probability 0.95 over 100 pairs
	link(1, 2, 85)
	w.merge(groups)
	if !groups[0].alive || groups[0].mech != moved || len(groups[0].files) != 1 {
		t.Errorf("the move merged: %+v", groups[0])
	}
	if groups[1].alive == groups[2].alive {
		t.Errorf("the two edits did not merge: alive %v %v", groups[1].alive, groups[2].alive)
	}
}

// When the source knows git's own renames, the splitter weighs each pair
// git finds by git's counts, so a part weighs what size measures: a file
// that only gained its final newline is a rename with one line changed,
// not a pure move. A file re-indented as it moved is no rename for git
// (every line differs): its halves still go together, since its lines
// match once whitespace is ignored, but weigh as the two files git sees.
func TestGitRenamesDecidePairsAndWeights(t *testing.T) {
	var body []string
	for i := range 20 {
		body = append(body, fmt.Sprintf("x%d = compute(%d)", i, i))
	}
	flat := strings.Join(body, "\n") + "\n"
	indented := "  " + strings.Join(body, "\n  ") + "\n"
	files := map[string][2]string{
		"old/a.py": {flat, ""}, "new/a.py": {"", indented},
		"old/b.txt": {"one\ntwo\nthree\nfour", ""}, "new/b.txt": {"", "one\ntwo\nthree\nfour\n"},
	}
	tests := []struct {
		name    string
		renames []Rename
		known   bool
		want    map[string]float64 // group weight by path
	}{
		{"estimated", nil, false, map[string]float64{"old/a.py": 0, "old/b.txt": 0}},
		{"git's", []Rename{{From: "old/b.txt", To: "new/b.txt", Additions: 1, Deletions: 1}}, true,
			map[string]float64{"old/a.py": 30, "new/a.py": 30, "old/b.txt": 1.5}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := changeOf(files)
			// changeOf writes every file with a final newline; b.txt's
			// base lacks it.
			for i, f := range in.Change.Files {
				if f.Path == "old/b.txt" {
					in.Change.Files[i].Hunks[0].Lines[3].NoNewline = true
				}
			}
			in.Renames, in.RenamesKnown = tt.renames, tt.known
			w, err := prepare(in)
			if err != nil {
				t.Fatal(err)
			}
			w.describeAtoms()
			groups, _ := w.initialGroups(w.hardLinks())
			for p, want := range tt.want {
				found := false
				for _, g := range groups {
					for f := range g.files {
						if w.files[f].Path == p {
							found = true
							if math.Abs(g.weight-want) > 1e-9 {
								t.Errorf("%s weighs %g in its group, want %g", p, g.weight, want)
							}
						}
					}
				}
				if !found {
					t.Errorf("no group holds %s", p)
				}
			}
		})
	}
}
