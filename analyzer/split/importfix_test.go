package split

import (
	"slices"
	"strings"
	"testing"

	"github.com/mvcbot/mvc/analyzer"
)

// Go refuses an unused import and a use without its import: whatever part
// the merging put an import line in, it ships with the earliest part that
// starts using the package, and a removed import with the last part that
// stops using it. An import that only changes its path stays put.
func TestImportsShipWithTheirUses(t *testing.T) {
	const base = "package srv\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\nfunc Name() string {\n\treturn fmt.Sprint(\"a\")\n}\n\nfunc Exit() {\n\tos.Exit(1)\n}\n\nfunc Other() int {\n\treturn 1\n}\n"
	const tsBase = "import { a } from './a'\n\nexport function one() {\n  return a()\n}\n\nexport function two() {\n  return 2\n}\n"
	const pyBase = "import os\n\n\ndef one():\n    return os.sep\n\n\ndef two():\n    return 2\n"
	tests := []struct {
		name, head string
		path, base string
		imp        string // the import line that must move
		use        string // a line of the part it must join
		unmoved    bool
	}{
		{
			name: "added",
			head: "package srv\n\nimport (\n\t\"fmt\"\n\t\"os\"\n\tstr \"strings\"\n)\n\nfunc Name() string {\n\treturn fmt.Sprint(\"a\")\n}\n\nfunc Exit() {\n\tos.Exit(1)\n}\n\nfunc Upper(s string) string {\n\treturn str.ToUpper(s)\n}\n\nfunc Other() int {\n\treturn 2\n}\n",
			imp:  "str \"strings\"", use: "str.ToUpper",
		},
		{
			name: "removed",
			head: "package srv\n\nimport (\n\t\"fmt\"\n)\n\nfunc Name() string {\n\treturn fmt.Sprint(\"a\")\n}\n\nfunc Exit() {\n\tpanic(1)\n}\n\nfunc Other() int {\n\treturn 2\n}\n",
			imp:  "\"os\"", use: "os.Exit",
		},
		{
			name: "path change",
			head: "package srv\n\nimport (\n\t\"fmt\"\n\t\"example.com/os\"\n)\n\nfunc Name() string {\n\treturn fmt.Sprint(\"a\")\n}\n\nfunc Exit() {\n\tos.Exit(2)\n}\n\nfunc Other() int {\n\treturn 2\n}\n",
			imp:  "\"os\"", use: "os.Exit(2)", unmoved: true,
		},
		{
			name: "typescript", path: "src/app.ts", base: tsBase,
			head: "import { a } from './a'\nimport { b } from './b'\n\nexport function one() {\n  return a()\n}\n\nexport function two() {\n  return b(2)\n}\n",
			imp:  "from './b'", use: "return b(2)",
		},
		{
			name: "swapped", // one edit drops "os" and brings in "io"
			head: "package srv\n\nimport (\n\t\"fmt\"\n\t\"io\"\n)\n\nfunc Name() string {\n\treturn fmt.Sprint(\"a\")\n}\n\nfunc Exit() {\n\tpanic(1)\n}\n\nfunc Copy(w io.Writer) {\n\tio.Copy(w, nil)\n}\n\nfunc Other() int {\n\treturn 2\n}\n",
			imp:  "\"io\"", use: "io.Copy",
		},
		{
			name: "multi-line import", path: "test/env.test.ts",
			base: "import {\n  a,\n  isBundledDev,\n} from './env'\n\nexport function one() {\n  return a()\n}\n\ntest.skipIf(isBundledDev)('x', () => {})\n",
			head: "import {\n  a,\n} from './env'\n\nexport function one() {\n  return a(1)\n}\n\ntest('x', () => {})\n",
			imp:  "isBundledDev,", use: "skipIf(isBundledDev)",
		},
		{
			name: "require", path: "lib/app.js",
			base: "const a = require('a')\n\nfunction one() {\n  return a()\n}\n\nfunction two() {\n  return 2\n}\n",
			head: "const a = require('a')\nconst logger = require('morgan')\n\nfunction one() {\n  return a(1)\n}\n\nfunction two() {\n  return logger(2)\n}\n",
			imp:  "require('morgan')", use: "return logger(2)",
		},
		{
			name: "python", path: "app/main.py", base: pyBase,
			head: "\n\ndef one():\n    return '/'\n\n\ndef two():\n    return 3\n",
			imp:  "import os", use: "os.sep",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, b := "srv/srv.go", base
			if tt.path != "" {
				p, b = tt.path, tt.base
			}
			in := changeOf(map[string][2]string{p: {b, tt.head}})
			w, err := prepare(in)
			if err != nil {
				t.Fatal(err)
			}
			w.describeAtoms()
			// The import atom goes first with everything but the use; the
			// use is a part of its own above it.
			first := &group{id: 0, files: map[int]bool{}, alive: true}
			second := &group{id: 1, files: map[int]bool{}, alive: true}
			var imp *atom
			for _, a := range w.atoms {
				if atomHolds(a, tt.use) {
					second.add(a)
					continue
				}
				if atomHolds(a, tt.imp) {
					imp = a
				}
				first.add(a)
			}
			if imp == nil || len(second.atoms) == 0 {
				t.Fatalf("no atom holds %q or %q", tt.imp, tt.use)
			}
			ordered := w.placeImports([]*group{first, second})
			last := ordered[len(ordered)-1]
			moved := false
			for _, id := range last.atoms {
				moved = moved || id == imp.id
			}
			if moved == tt.unmoved {
				t.Errorf("import %q in the part of %q: %v, want %v", tt.imp, tt.use, moved, !tt.unmoved)
			}
			if tt.unmoved {
				return
			}
			if first.lines+second.lines != countAtomLines(w) {
				t.Errorf("lines %d + %d, want %d", first.lines, second.lines, countAtomLines(w))
			}
		})
	}
}

func countAtomLines(w *work) int {
	n := 0
	for _, a := range w.atoms {
		n += a.lines
	}
	return n
}

func TestPackageNames(t *testing.T) {
	tests := []struct {
		path string
		want string
	}{
		{"strings", "strings"},
		{"github.com/google/go-github/v60/github", "github"},
		{"go.yaml.in/yaml/v3", "yaml"},
		{"gopkg.in/yaml.v3", "yaml"},
		{"github.com/mattn/go-isatty", "isatty"},
		{"github.com/foo/bar-go", "bar"},
	}
	for _, tt := range tests {
		names := packageNames(tt.path)
		found := false
		for _, n := range names {
			found = found || n == tt.want
		}
		if !found {
			t.Errorf("packageNames(%q) = %v, want it to hold %q", tt.path, names, tt.want)
		}
	}
}

// Each language's import statements bind the names its code then uses.
func TestImportNames(t *testing.T) {
	tests := []struct {
		path, text string
		want       []string
	}{
		{"a.go", "import (\n\t\"fmt\"\n\tyaml \"go.yaml.in/yaml/v3\"\n\t_ \"embed\"\n)", []string{"fmt", "yaml"}},
		{"a.ts", "import D, { a, b as c, type T } from './x'\nimport * as ns from \"y\"\nimport './side-effect'", []string{"D", "T", "a", "c", "ns"}},
		{"a.ts", "import {\n  first,\n  second,\n} from '../lib'", []string{"first", "second"}},
		{"a.js", "const logger = require('morgan')\nconst { json, urlencoded: form } = require(\"body-parser\")", []string{"form", "json", "logger"}},
		{"a.ts", "  isBundledDev,\n  type Plugin,", []string{"Plugin", "isBundledDev"}},
		{"a.py", "import os.path\nimport numpy as np, sys\nfrom .x import (\n    y,\n    z as w,\n)\nfrom m import *", []string{"np", "os", "sys", "w", "y"}},
		{"a.rs", "use std::collections::{HashMap, BTreeMap as Tree};\npub(crate) use crate::io::Reader;", []string{"HashMap", "Reader", "Tree"}},
		{"A.java", "import java.util.List;\nimport static org.junit.Assert.assertEquals;\nimport java.io.*;", []string{"List", "assertEquals"}},
		{"a.kt", "import kotlinx.coroutines.flow.Flow\nimport a.b.C as D", []string{"D", "Flow"}},
		{"a.php", "use App\\Models\\User;\nuse Foo\\Bar as Baz;", []string{"Baz", "User"}},
	}
	for _, tt := range tests {
		var lines []analyzer.Line
		for _, l := range strings.Split(tt.text, "\n") {
			lines = append(lines, analyzer.Line{Op: analyzer.Add, Text: l})
		}
		got := map[string]bool{}
		importNames(lang(tt.path), lines, got)
		var names []string
		for n := range got {
			names = append(names, n)
		}
		slices.Sort(names)
		if !slices.Equal(names, tt.want) {
			t.Errorf("%s: %q binds %v, want %v", tt.path, tt.text, names, tt.want)
		}
	}
}

// An import edit that swaps one package for another is two pieces: the
// new import goes with the first use of what it brings in, and the old
// one's removal with the last use of what it drops, when those are in
// different parts (jsoup replaced its Validate import by StringUtil on
// one line while Validate stayed in use three parts up).
func TestImportSwapGoesToBothUses(t *testing.T) {
	base := "package srv\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\nfunc Name() string {\n\treturn fmt.Sprint(\"a\")\n}\n\nfunc Exit() {\n\tos.Exit(1)\n}\n"
	head := "package srv\n\nimport (\n\t\"fmt\"\n\t\"io\"\n)\n\nfunc Name() string {\n\treturn fmt.Sprint(\"b\")\n}\n\nfunc Exit() {\n\tpanic(1)\n}\n\nfunc Copy(w io.Writer) {\n\tio.Copy(w, nil)\n}\n"
	in := changeOf(map[string][2]string{"srv/srv.go": {base, head}})
	w, err := prepare(in)
	if err != nil {
		t.Fatal(err)
	}
	w.describeAtoms()
	// Part 1 starts using io; part 2 holds the imports and the rest;
	// part 3 stops using os.
	parts := []*group{{id: 0, files: map[int]bool{}}, {id: 1, files: map[int]bool{}}, {id: 2, files: map[int]bool{}}}
	var added, removed *atom
	for _, a := range w.atoms {
		switch {
		case atomHolds(a, "io.Copy"):
			parts[0].add(a)
		case atomHolds(a, "os.Exit"):
			parts[2].add(a)
		default:
			parts[1].add(a)
		}
		if atomHolds(a, "\"io\"") {
			added = a
		}
		if atomHolds(a, "\"os\"") {
			removed = a
		}
	}
	if added == nil || removed == nil || added == removed {
		t.Fatalf("the swap is one piece (added %v, removed %v), want two", added != nil, removed != nil)
	}
	ordered := w.placeImports(parts)
	in0, in2 := slices.Contains(ordered[0].atoms, added.id), slices.Contains(ordered[len(ordered)-1].atoms, removed.id)
	if !in0 || !in2 {
		t.Errorf("the new import is with its first use: %v; the old one's removal with its last use: %v", in0, in2)
	}
}

// A word in a string or a comment is no use of an imported name.
func TestUsesNameSkipsStringsAndComments(t *testing.T) {
	tests := []struct {
		lg   language
		text string
		want bool
	}{
		{langScript, "  it('handles test input', () => {})", false},
		{langScript, "  // test it later", false},
		{langScript, "  test('x', () => {})", true},
		{langScript, "  const s = `a test ${x}`", false},
		{langPython, "    print('test')  # test", false},
		{langPython, "    test(1)", true},
	}
	for _, tt := range tests {
		lines := []analyzer.Line{{Op: analyzer.Add, Text: tt.text}}
		if got := usesName(tt.lg, lines, map[string]bool{"test": true}); got != tt.want {
			t.Errorf("usesName(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// atomHolds says whether one of the atom's changed lines contains text.
func atomHolds(a *atom, text string) bool {
	for _, l := range append(a.adds[:len(a.adds):len(a.adds)], a.dels...) {
		if strings.Contains(l.Text, text) {
			return true
		}
	}
	return false
}

// Outside Go, Java and Kotlin a use is found by its name alone, so an
// import swap is cut in two only when every name is code-shaped and long
// enough not to be a local's (isBundledDev, not t or io).
func TestImportSwapSplitsOnlyDistinctiveNames(t *testing.T) {
	tests := []struct {
		path, old, new string
		pieces         int
	}{
		{"a.ts", "import { isBundledDev } from './env'", "import { isBundled } from './env'", 2},
		{"a.ts", "import { isBundledDev, page } from './env'", "import { isBundled, page } from './env'", 1}, // page stays: one piece
		{"a.ts", "import { isBundledDev } from './env'", "import { viteBuildMode } from './env'", 2},
		{"a.ts", "import t from 'tap'", "import { test } from 'node:test'", 1},
		{"a.go", "\t\"os\"", "\t\"io\"", 2},
	}
	for _, tt := range tests {
		a := atom{decl: importKey + "x", oldDecl: importKey + "x", newDecl: importKey + "y",
			dels: []analyzer.Line{{Op: analyzer.Delete, Text: tt.old}}, adds: []analyzer.Line{{Op: analyzer.Add, Text: tt.new}}}
		if got := len(splitImportSwap(lang(tt.path), tt.path, a)); got != tt.pieces {
			t.Errorf("%s: %q → %q is %d pieces, want %d", tt.path, tt.old, tt.new, got, tt.pieces)
		}
	}
}
