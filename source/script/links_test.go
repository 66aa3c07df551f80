package script

import (
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
