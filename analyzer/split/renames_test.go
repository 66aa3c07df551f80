package split

import (
	"fmt"
	"strings"
	"testing"
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
