package script

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/mvcbot/mvc/analyzer/split"
)

func TestFileLinks(t *testing.T) {
	in := split.Input{Head: map[string][]byte{
		"web/a.ts":          []byte("import { b } from './b'\nexport const a = b\n"),
		"web/b.ts":          []byte("export const b = 1\n"),
		"app/views.py":      []byte("from .models import User\nimport os\n"),
		"app/models.py":     []byte("class User: pass\n"),
		"docs/README.md":    []byte("# docs\n"),
		"test/app_test.rb":  []byte("require_relative 'helper'\nrequire 'app/routes'\nrequire 'json'\n"),
		"test/helper.rb":    []byte("require 'minitest/autorun'\n"),
		"lib/app/routes.rb": []byte("module App; end\n"),
	}}
	if !NeedsLinks(in) || NeedsLinks(split.Input{Head: map[string][]byte{"a.go": nil}}) || !NeedsLinks(split.Input{Head: map[string][]byte{"a.rb": nil}}) {
		t.Error("NeedsLinks is wrong")
	}
	exists := func(p string) bool { _, ok := in.Head[p]; return ok }
	got, err := FileLinks(in, exists)
	if err != nil {
		t.Fatal(err)
	}
	want := []split.FileLink{
		{From: "web/a.ts", To: "web/b.ts", Kind: "import-statement"},
		{From: "app/views.py", To: "app/models.py", Kind: "python-import"},
		{From: "test/app_test.rb", To: "test/helper.rb", Kind: "ruby-require"},
		{From: "test/app_test.rb", To: "lib/app/routes.rb", Kind: "ruby-require"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("file links (-want +got):\n%s", diff)
	}
}

// The links do not depend on the directory mvc runs in. Run inside a
// checkout, where the change's files also exist on disk, esbuild resolved
// the entry points from the disk instead of from memory, and no import
// was found at all.
func TestFileLinksIgnoreTheWorkingDirectory(t *testing.T) {
	in := split.Input{Head: map[string][]byte{
		"packages/bench/breakdown.ts": []byte("import { run } from './harness.js'\nrun()\n"),
		"packages/bench/harness.ts":   []byte("export function run() {}\n"),
	}}
	dir := t.TempDir()
	for p, content := range in.Head {
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(p)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, p), content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	got, err := FileLinks(in, func(p string) bool { _, ok := in.Head[p]; return ok })
	if err != nil {
		t.Fatal(err)
	}
	want := []split.FileLink{{From: "packages/bench/breakdown.ts", To: "packages/bench/harness.ts", Kind: "import-statement"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("file links (-want +got):\n%s", diff)
	}
}
