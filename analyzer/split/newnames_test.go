package split

import (
	"fmt"
	"slices"
	"testing"

	"github.com/mvcbot/mvc/analyzer"
)

// A name the change brings in, or whose last mentions it removes, ties
// the atoms that share it; names the base already has do not.
func TestNewNames(t *testing.T) {
	in := changeOf(map[string][2]string{
		"server/config.go": {"package server\n\nvar timeout = 3\n", "package server\n\nvar timeout = 3\nvar retryBudget = 5\n"},
		"client/call.go": {
			"package client\n\nfunc call() {\n\tlegacyDial(timeout)\n}\n",
			"package client\n\nfunc call() {\n\tdial(timeout, retryBudget)\n}\n",
		},
		"client/old.go": {"package client\n\nfunc legacyDial(t int) {}\n", ""},
	})
	// A binary file's bytes may spell anything; they are not names.
	in.Change.Files = append(in.Change.Files, analyzer.FileChange{Path: "logo.png", Status: analyzer.Modified, Binary: true})
	in.Base["logo.png"] = []byte("\x89PNG\x00retryBudget\x00")
	w, err := prepare(in)
	if err != nil {
		t.Fatal(err)
	}
	w.describeAtoms()
	names := map[string][]string{}
	for _, a := range w.atoms {
		for _, id := range a.newNames {
			names[w.files[a.file].Path] = append(names[w.files[a.file].Path], w.names.names[id])
		}
	}
	for path, want := range map[string][]string{
		"server/config.go": {"retryBudget"},
		"client/call.go":   {"-legacyDial", "dial", "retryBudget"},
		"client/old.go":    {"-legacyDial"},
	} {
		got := names[path]
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("%s: new names %q, want %q", path, got, want)
		}
	}
}

// Boilerplate that every new file repeats is not a shared purpose.
func TestNewNameInManyAtomsIsBoilerplate(t *testing.T) {
	files := map[string][2]string{}
	for i := 0; i <= maxNewNameAtoms; i++ {
		files[fmt.Sprintf("pkg%d/gen.go", i)] = [2]string{"", "package gen\n\nvar generatedMarker = 1\n"}
	}
	w, err := prepare(changeOf(files))
	if err != nil {
		t.Fatal(err)
	}
	w.describeAtoms()
	for _, a := range w.atoms {
		if len(a.newNames) > 0 {
			t.Fatalf("%s: new names %v, want none: the name is in %d atoms", w.files[a.file].Path, a.newNames, len(w.atoms))
		}
	}
}

// A file carries the words of its path that few changed files share: a
// new test case's directory names what it tests. Keywords and short words
// name nothing.
func TestPathWords(t *testing.T) {
	files := map[string][2]string{
		"src/option.js": {"export function option() {}\n", "export function option(bind) {}\n"},
	}
	for _, c := range []string{"bind-option-label", "each-keyed", "transition-fade", "const-tag"} {
		files["tests/samples/"+c+"/main.svelte"] = [2]string{"", "<p>" + c + "</p>\n"}
	}
	files["tests/samples/bind-option-label/_config.js"] = [2]string{"", "export default {};\n"}
	w, err := prepare(changeOf(files))
	if err != nil {
		t.Fatal(err)
	}
	words := w.pathWords()
	for i, f := range w.files {
		got := words[i]
		slices.Sort(got)
		want := map[string][]string{
			// "tests", "samples" and "main" are in more than 3 paths
			"tests/samples/bind-option-label/main.svelte": {"bind", "label", "option"},
			"tests/samples/bind-option-label/_config.js":  {"bind", "config", "label", "option"},
			"tests/samples/each-keyed/main.svelte":        {"each", "keyed"},
			"tests/samples/transition-fade/main.svelte":   {"fade", "transition"},
			"src/option.js": {"option"},
		}[f.Path]
		if !slices.Equal(got, want) {
			t.Errorf("%s: words %q, want %q", f.Path, got, want)
		}
	}
}

// Without the files' contents (a split from the API's patches alone), no
// name can be judged new: against nothing, every name would be.
func TestNoNewNamesWithoutContents(t *testing.T) {
	in := changeOf(map[string][2]string{
		"server/config.go": {"package server\n\nvar timeout = 3\n", "package server\n\nvar timeout = 3\nvar retryBudget = 5\n"},
		"client/call.go":   {"package client\n\nfunc call() {\n\tdial(timeout)\n}\n", "package client\n\nfunc call() {\n\tdial(timeout, retryBudget)\n}\n"},
	})
	in.Base, in.Head = nil, nil
	w, err := prepare(in)
	if err != nil {
		t.Fatal(err)
	}
	w.describeAtoms()
	for _, a := range w.atoms {
		if len(a.newNames) > 0 {
			t.Errorf("%s: new names %v without any contents, want none", w.files[a.file].Path, a.newNames)
		}
	}
}
