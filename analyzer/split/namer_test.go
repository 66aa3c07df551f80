package split

import (
	"fmt"
	"strings"
	"testing"
)

// Namer names a part as Split would from the hunks it holds: the same
// title for Split's own parts, and a new one when hunks moved.
func TestNamerNamesPartsByTheirHunks(t *testing.T) {
	var parse, render []string
	for i := range 12 {
		parse = append(parse, fmt.Sprintf("\tx%d := read(%d)", i, i))
		render = append(render, fmt.Sprintf("\ty%d := draw(%d)", i, i))
	}
	in := changeOf(map[string][2]string{
		"parse/parse.go":   {"package parse\n", "package parse\n\nfunc Parse() {\n" + strings.Join(parse, "\n") + "\n}\n"},
		"render/render.go": {"package render\n", "package render\n\nfunc Render() {\n" + strings.Join(render, "\n") + "\n}\n"},
	})
	in.Policy.Budget.Lines = 15
	plan, err := Split(in)
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Parts) != 2 {
		t.Fatalf("%d parts, want 2", len(plan.Parts))
	}
	n, err := NewNamer(in)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range plan.Parts {
		if got, kind := n.Name(p); got != p.Title || kind != p.Kind {
			t.Errorf("Name(part %d) = %q (%s), want %q (%s)", p.Index, got, kind, p.Title, p.Kind)
		}
	}
	// Move the second part's file into the first: the first is named by
	// both functions, and the emptied second keeps its name.
	moved := plan.Parts[0]
	moved.Files = append(append([]PartFile(nil), moved.Files...), plan.Parts[1].Files...)
	if got, _ := n.Name(moved); got != "Add Parse and Render" && got != "Add Render and Parse" {
		t.Errorf("Name(both) = %q, want both functions named", got)
	}
}
