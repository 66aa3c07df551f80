package script

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestImportsResolveRelativeSpecifiers(t *testing.T) {
	repo := map[string]string{
		"web/app.ts":          "import { a } from './lib/a'\nimport b from \"./lib/b.js\"\nimport * as React from 'react'\nexport const x: number = a + b\nconst lazy = () => import('./pages')\n",
		"web/lib/a.ts":        "export const a = 1\n",
		"web/lib/b.ts":        "export default 2\n",
		"web/pages/index.tsx": "const p = require('../lib/a')\nexport const Page = () => <div>{p.a}</div>\n",
		"web/broken.ts":       "export const = ;\n",
		"web/style.css":       "body {}\n",
		// Same stem, different extensions: one output name each.
		"env/browser.js":  "import { a } from '../web/lib/a'\n",
		"env/browser.mjs": "export default 1\n",
		"env/browser.ts":  "export const t = 1\n",
	}
	contents := map[string][]byte{}
	for p, c := range repo {
		contents[p] = []byte(c)
	}
	exists := func(p string) bool { _, ok := repo[p]; return ok }
	res, err := Imports(contents, exists)
	if err != nil {
		t.Fatal(err)
	}
	want := []Import{
		{From: "env/browser.js", To: "web/lib/a.ts", Kind: "import-statement"},
		{From: "web/app.ts", To: "web/lib/a.ts", Kind: "import-statement"},
		{From: "web/app.ts", To: "web/lib/b.ts", Kind: "import-statement"},
		{From: "web/app.ts", To: "web/pages/index.tsx", Kind: "dynamic-import"},
		{From: "web/pages/index.tsx", To: "web/lib/a.ts", Kind: "require-call"},
	}
	if diff := cmp.Diff(want, res.Imports); diff != "" {
		t.Errorf("imports (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"web/broken.ts"}, res.Skipped); diff != "" {
		t.Errorf("skipped (-want +got):\n%s", diff)
	}
}

func TestResolve(t *testing.T) {
	files := map[string]bool{"src/a.ts": true, "src/dir/index.js": true, "src/c.mts": true, "x.json": true}
	exists := func(p string) bool { return files[p] }
	for _, tc := range []struct{ dir, spec, want string }{
		{"src", "./a", "src/a.ts"},
		{"src", "./a.js", "src/a.ts"},
		{"src", "./dir", "src/dir/index.js"},
		{"src", "./c.mjs", "src/c.mts"},
		{"src/dir", "../../x.json", "x.json"},
		{"src", "./a?raw", "src/a.ts"},
		{"src", "lodash", ""},
		{"src", "@/a", ""},
		{"", "../outside", ""},
	} {
		got, _ := resolve(tc.dir, tc.spec, exists)
		if got != tc.want {
			t.Errorf("resolve(%q, %q) = %q, want %q", tc.dir, tc.spec, got, tc.want)
		}
	}
}
