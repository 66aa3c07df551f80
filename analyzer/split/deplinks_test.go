package split

import (
	"testing"
)

func TestNewDependencyLinksManifestLockfileAndImporter(t *testing.T) {
	in := changeOf(map[string][2]string{
		"package.json": {"{\n  \"dependencies\": {\n    \"vue\": \"^3.0.0\"\n  }\n}\n",
			"{\n  \"dependencies\": {\n    \"esbuild\": \"^0.8.0\",\n    \"vue\": \"^3.0.0\"\n  }\n}\n"},
		"yarn.lock":             {"vue@^3.0.0:\n  version 3.0.0\n", "esbuild@^0.8.0:\n  version 0.8.1\nvue@^3.0.0:\n  version 3.0.0\n"},
		"src/node/service.ts":   {"export const a = 1\n", "import { startService } from 'esbuild'\nexport const a = 1\n"},
		"src/node/unrelated.ts": {"export const b = 1\n", "import { ref } from 'vue'\nexport const b = 1\n"},
		"go.mod":                {"module example.com/m\n\ngo 1.22\n", "module example.com/m\n\ngo 1.22\n\nrequire golang.org/x/mod v0.20.0\n"},
		"tool/main.go":          {"package main\n\nimport (\n\t\"fmt\"\n)\n", "package main\n\nimport (\n\t\"fmt\"\n\n\t\"golang.org/x/mod/semver\"\n)\n"},
		"Cargo.toml":            {"[dependencies]\nlog = \"0.4\"\n", "[dependencies]\nlog = \"0.4\"\nserde = { version = \"1\" }\n"},
		"src/lib.rs":            {"use log::info;\n", "use log::info;\nuse serde::Serialize;\n"},
		"requirements.txt":      {"click==8.0\n", "click==8.0\nTyping-Extensions>=4.0\n"},
		"py/app.py":             {"import click\n", "import click\nfrom typing_extensions import Self\n"},
	})
	_, link := linkedChange(t, in)
	dep := func(a, b string) bool { return link(a, b).dependency }
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"package.json", "src/node/service.ts", true},
		{"yarn.lock", "src/node/service.ts", true},
		{"package.json", "src/node/unrelated.ts", false}, // vue was already a dependency
		{"go.mod", "tool/main.go", true},
		{"go.mod", "src/node/service.ts", false},
		{"requirements.txt", "py/app.py", true},
		{"Cargo.toml", "src/lib.rs", true},
	} {
		if got := dep(tc.a, tc.b); got != tc.want {
			t.Errorf("dependency link %s ↔ %s = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestImportsDependency(t *testing.T) {
	for _, tc := range []struct {
		module, dep string
		want        bool
	}{
		{"esbuild", "esbuild", true},
		{"@vitejs/plugin-vue/dist", "@vitejs/plugin-vue", true},
		{"esbuild-wasm", "esbuild", false},
		{"golang.org/x/mod/semver", "golang.org/x/mod", true},
		{"golang.org/x/modfile", "golang.org/x/mod", false},
		{"typing_extensions", "typing-extensions", true},
	} {
		if got := importsDependency(tc.module, tc.dep); got != tc.want {
			t.Errorf("importsDependency(%q, %q) = %v, want %v", tc.module, tc.dep, got, tc.want)
		}
	}
}
