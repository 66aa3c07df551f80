package split

import (
	"slices"
	"testing"
)

// A workspace keeps one lockfile at its root: a member's new dependency
// and the root lockfile's entry for it land together, or a frozen-lockfile
// install fails between the two parts. A member manifest whose change
// names no dependency (its published files) does not join the lockfile.
func TestWorkspaceLockfileTravelsWithTheMemberItLocks(t *testing.T) {
	tests := []struct {
		lockfile, manifest, dir string
		lockBase, lockHead      string
		manBase, manHead        string
		otherBase, otherHead    string
	}{
		{
			lockfile: "pnpm-lock.yaml", manifest: "package.json", dir: "packages/app/",
			lockBase:  "lockfileVersion: '6.0'\n\nimporters:\n  packages/app:\n    dependencies:\n      left-pad:\n        specifier: ^1.0.0\n",
			lockHead:  "lockfileVersion: '6.0'\n\nimporters:\n  packages/app:\n    dependencies:\n      left-pad:\n        specifier: ^1.0.0\n      zod:\n        specifier: ^3.22.0\n        version: 3.22.4\n",
			manBase:   "{\n  \"name\": \"app\",\n  \"dependencies\": {\n    \"left-pad\": \"^1.0.0\"\n  }\n}\n",
			manHead:   "{\n  \"name\": \"app\",\n  \"dependencies\": {\n    \"left-pad\": \"^1.0.0\",\n    \"zod\": \"^3.22.0\"\n  }\n}\n",
			otherBase: "{\n  \"files\": [\"src\"]\n}\n",
			otherHead: "{\n  \"files\": [\"src\", \"types\"]\n}\n",
		},
		{
			lockfile: "Cargo.lock", manifest: "Cargo.toml", dir: "crates/core/",
			lockBase:  "version = 3\n\n[[package]]\nname = \"core\"\nversion = \"0.1.0\"\n",
			lockHead:  "version = 3\n\n[[package]]\nname = \"core\"\nversion = \"0.1.0\"\ndependencies = [\n \"serde\",\n]\n\n[[package]]\nname = \"serde\"\nversion = \"1.0.200\"\n",
			manBase:   "[package]\nname = \"core\"\nversion = \"0.1.0\"\n\n[dependencies]\n",
			manHead:   "[package]\nname = \"core\"\nversion = \"0.1.0\"\n\n[dependencies]\nserde = \"1.0\"\n",
			otherBase: "[package]\nname = \"other\"\nedition = 2018\n",
			otherHead: "[package]\nname = \"other\"\nedition = 2021\n",
		},
		{
			// A bump changes only the version and checksum lines; the
			// package's name is the line above (axum's examples).
			lockfile: "Cargo.lock", manifest: "Cargo.toml", dir: "examples/templates/",
			lockBase:  "version = 3\n\n[[package]]\nname = \"askama\"\nversion = \"0.15.6\"\nchecksum = \"aa\"\n",
			lockHead:  "version = 3\n\n[[package]]\nname = \"askama\"\nversion = \"0.16.0\"\nchecksum = \"bb\"\n",
			manBase:   "[package]\nname = \"templates\"\n\n[dependencies]\naskama = \"0.15\"\n",
			manHead:   "[package]\nname = \"templates\"\n\n[dependencies]\naskama = \"0.16\"\n",
			otherBase: "[package]\nname = \"other\"\nedition = 2018\n",
			otherHead: "[package]\nname = \"other\"\nedition = 2021\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.lockfile, func(t *testing.T) {
			files := map[string][2]string{
				tt.lockfile:                     {tt.lockBase, tt.lockHead},
				tt.dir + tt.manifest:            {tt.manBase, tt.manHead},
				"packages/other/" + tt.manifest: {tt.otherBase, tt.otherHead},
				"docs/guide.md":                 {"# Guide\n", "# Guide\n\nInstall it.\n"},
			}
			in := changeOf(files)
			// The rule itself, apart from other evidence that may join them.
			w, _ := linkedChange(t, in)
			paired := map[string]bool{}
			for m, locks := range w.workspaceLocks() {
				for _, l := range locks {
					paired[w.files[m].Path+" "+w.files[l].Path] = true
				}
			}
			if want := tt.dir + tt.manifest + " " + tt.lockfile; !paired[want] || len(paired) != 1 {
				t.Errorf("workspace pairs %v, want only %q", paired, want)
			}
			in.Policy.Budget.Lines = 3
			plan, err := Split(in)
			if err != nil {
				t.Fatal(err)
			}
			at := partOf(plan)
			if !slices.Equal(at[tt.lockfile], at[tt.dir+tt.manifest]) {
				t.Errorf("%s in parts %v, %s in parts %v; want one part", tt.lockfile, at[tt.lockfile], tt.dir+tt.manifest, at[tt.dir+tt.manifest])
			}
			if other := "packages/other/" + tt.manifest; slices.Equal(at[tt.lockfile], at[other]) {
				t.Errorf("%s joined the lockfile's part %v, though it changes no dependency", other, at[other])
			}
		})
	}
}
