package patch

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/mvcbot/mvc/analyzer"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/")

// The .diff files under testdata are real `git diff` outputs of a
// repository with every awkward case: quoted and spaced paths, CRLF, no
// newline at EOF, binary files, a mode change, an empty new file, a
// rename, and non-ASCII names with core.quotepath on and off.
func TestParseGolden(t *testing.T) {
	diffs, err := filepath.Glob("testdata/*.diff")
	if err != nil || len(diffs) == 0 {
		t.Fatalf("no testdata diffs: %v", err)
	}
	for _, path := range diffs {
		t.Run(filepath.Base(path), func(t *testing.T) {
			in, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			files, err := Parse(in)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			got := render(files)
			golden := strings.TrimSuffix(path, ".diff") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), got); diff != "" {
				t.Errorf("parse of %s differs from %s (-want +got):\n%s", path, golden, diff)
			}
		})
	}
}

// render prints parsed files one fact per line, with every line's text
// quoted so tabs, CRs and missing newlines show.
func render(files []analyzer.FileChange) string {
	var b strings.Builder
	for _, f := range files {
		fmt.Fprintf(&b, "%s %q old=%q binary=%v +%d -%d\n", f.Status, f.Path, f.OldPath, f.Binary, f.Additions, f.Deletions)
		for _, h := range f.Hunks {
			fmt.Fprintf(&b, "  %s\n", headerText(h))
			for _, l := range h.Lines {
				fmt.Fprintf(&b, "    %c%q", l.Op, l.Text)
				if l.NoNewline {
					b.WriteString(" (no newline)")
				}
				b.WriteString("\n")
			}
		}
	}
	return b.String()
}

func TestParseHeaders(t *testing.T) {
	tests := []struct {
		name string
		diff string
		want analyzer.FileChange
	}{{
		name: "copy",
		diff: "diff --git a/a.go b/b.go\nsimilarity index 90%\ncopy from a.go\ncopy to b.go\n--- a/a.go\n+++ b/b.go\n@@ -1 +1 @@\n-x\n+y\n",
		want: analyzer.FileChange{Path: "b.go", OldPath: "a.go", Status: analyzer.Copied, Additions: 1, Deletions: 1},
	}, {
		name: "rename with spaces, from rename lines",
		diff: "diff --git a/x y.go b/z w.go\nsimilarity index 100%\nrename from x y.go\nrename to z w.go\n",
		want: analyzer.FileChange{Path: "z w.go", OldPath: "x y.go", Status: analyzer.Renamed},
	}, {
		name: "mode change on a spaced name",
		diff: "diff --git a/run me.sh b/run me.sh\nold mode 100644\nnew mode 100755\n",
		want: analyzer.FileChange{Path: "run me.sh", Status: analyzer.Modified},
	}, {
		name: "deleted binary named by its old path",
		diff: "diff --git a/logo.png b/logo.png\ndeleted file mode 100644\nindex 1..0\nBinary files a/logo.png and /dev/null differ\n",
		want: analyzer.FileChange{Path: "logo.png", Status: analyzer.Removed, Binary: true},
	}, {
		name: "context with an empty line stripped of its space",
		diff: "diff --git a/a b/a\n--- a/a\n+++ b/a\n@@ -1,3 +1,3 @@\n x\n\n-y\n+z\n",
		want: analyzer.FileChange{Path: "a", Status: analyzer.Modified, Additions: 1, Deletions: 1},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files, err := Parse([]byte(tt.diff))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if len(files) != 1 {
				t.Fatalf("got %d files, want 1", len(files))
			}
			files[0].Hunks = nil
			if diff := cmp.Diff(tt.want, files[0]); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ name, diff, want string }{
		{"not a diff", "hello\n", `diff line 1: want "diff --git"`},
		{"bad hunk header", "diff --git a/a b/a\n--- a/a\n+++ b/a\n@@ -x +1\n", "malformed"},
		{"bad range", "diff --git a/a b/a\n--- a/a\n+++ b/a\n@@ -x +1 @@\n", "not two non-negative numbers"},
		{"short hunk", "diff --git a/a b/a\n--- a/a\n+++ b/a\n@@ -1,2 +1 @@\n-x\n", "ends early"},
		{"long hunk", "diff --git a/a b/a\n--- a/a\n+++ b/a\n@@ -1 +1 @@\n-x\n+y\n+z\n", `unexpected "+z"`},
		{"bad body line", "diff --git a/a b/a\n--- a/a\n+++ b/a\n@@ -1 +1 @@\n*x\n", "not a hunk body line"},
		{"bad quote", "diff --git \"a/x b/x\n", "closing quote"},
		{"ambiguous", "diff --git a/x b/y z\n", "cannot tell"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.diff))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Parse error = %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestParseHunksGitHubPatch(t *testing.T) {
	// The shape of a pull request file's "patch" field: hunks with context
	// and the section heading after the second "@@", no file header.
	patch := "@@ -1,3 +1,4 @@ package main\n import \"fmt\"\n-func a() {}\n+func a() { fmt.Println() }\n+func b() {}\n \n@@ -10 +11,0 @@\n-// end\n\\ No newline at end of file"
	hunks, err := ParseHunks(patch)
	if err != nil {
		t.Fatalf("ParseHunks: %v", err)
	}
	want := []analyzer.Hunk{{
		OldStart: 1, OldLines: 3, NewStart: 1, NewLines: 4,
		Lines: []analyzer.Line{
			{Op: ' ', Text: `import "fmt"`}, {Op: '-', Text: "func a() {}"},
			{Op: '+', Text: "func a() { fmt.Println() }"}, {Op: '+', Text: "func b() {}"}, {Op: ' '},
		},
	}, {
		OldStart: 10, OldLines: 1, NewStart: 11, NewLines: 0,
		Lines: []analyzer.Line{{Op: '-', Text: "// end", NoNewline: true}},
	}}
	if diff := cmp.Diff(want, hunks); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if _, err := ParseHunks("diff --git a/x b/x\n"); err == nil {
		t.Error("ParseHunks accepted a file header; want an error naming the hunk header")
	}
}

func TestParseSubmodule(t *testing.T) {
	diff := "diff --git a/docs b/docs\nindex 49afd52ae..25e6855c2 160000\n--- a/docs\n+++ b/docs\n@@ -1 +1 @@\n-Subproject commit 49afd52aea9249988f1a7b5f41f0b280d9ca7de0\n+Subproject commit 25e6855c2833e593b3a7a23690ea0fcac813e7e1\n" +
		"diff --git a/lib b/lib\nnew file mode 160000\nindex 0000000..25e6855\n--- /dev/null\n+++ b/lib\n@@ -0,0 +1 @@\n+Subproject commit 25e6855c2833e593b3a7a23690ea0fcac813e7e1\n"
	files, err := Parse([]byte(diff))
	if err != nil {
		t.Fatal(err)
	}
	want := []analyzer.FileChange{{Path: "docs", Status: analyzer.Modified, Binary: true, Submodule: true}, {Path: "lib", Status: analyzer.Added, Binary: true, Submodule: true}}
	if d := cmp.Diff(want, files); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
}
