package report

import (
	"strings"
	"testing"
)

func TestCodeSpanHoldsAnyName(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"main.go", "`main.go`"},
		{"a|b`c.txt", "``a|b`c.txt``"},
		{"`x", "`` `x ``"},
		{"a``b", "```a``b```"},
		{"new\nline.txt", "`new line.txt`"},
	} {
		got := code(tc.in)
		if got != tc.want {
			t.Errorf("code(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if back := plain(got); back != plainName(tc.in) {
			t.Errorf("plain(code(%q)) = %q, want the name back", tc.in, back)
		}
	}
}

// plainName is a name as text shows it: a line break as a space.
func plainName(s string) string {
	if s == "new\nline.txt" {
		return "new line.txt"
	}
	return s
}

func TestMarkdownTextEscapesHTMLOutsideCode(t *testing.T) {
	for _, tc := range []struct{ in, md, text string }{
		{"Update docs: <script>x.md", "Update docs: &lt;script>x.md", "Update docs: <script>x.md"},
		{"Replace `</p>` with `<br>` in 3 files", "Replace `</p>` with `<br>` in 3 files", "Replace </p> with <br> in 3 files"},
		{"Tom & Jerry &lt;", "Tom &amp; Jerry &amp;lt;", "Tom & Jerry &lt;"},
		{"an unclosed ` stays", "an unclosed ` stays", "an unclosed ` stays"},
		// Emphasis: Python's dunder names and globs stay as written.
		{"Change __init__ and `a_b` in *.py", "Change \\_\\_init\\_\\_ and `a_b` in \\*.py", "Change __init__ and a_b in *.py"},
	} {
		md := mdText(tc.in)
		if md != tc.md {
			t.Errorf("mdText(%q) = %q, want %q", tc.in, md, tc.md)
		}
		if got := plain(md); got != tc.text {
			t.Errorf("plain(%q) = %q, want %q", md, got, tc.text)
		}
	}
	if got := plain("**bold** and `**not bold**`"); got != "bold and **not bold**" {
		t.Errorf("plain = %q", got)
	}
}

func TestDisplayWidthAndShorten(t *testing.T) {
	for s, want := range map[string]int{"abc": 3, "日本語": 6, "ünï": 3, "e\u0301": 1} {
		if got := displayWidth(s); got != want {
			t.Errorf("displayWidth(%q) = %d, want %d", s, got, want)
		}
	}
	long := "moshi-kotlin-codegen/src/main/java/com/squareup/moshi/kotlin/codegen/api/AdapterGenerator.kt"
	got := shortenPath(long, 40)
	if displayWidth(got) != 40 || !strings.HasPrefix(got, "moshi-kotlin") || !strings.HasSuffix(got, "AdapterGenerator.kt") || !strings.Contains(got, "…") {
		t.Errorf("shortenPath = %q (%d columns), want 40 columns keeping both ends", got, displayWidth(got))
	}
	if got := shortenPath(long+" → "+long, 40); displayWidth(got) > 40 || !strings.Contains(got, " → ") {
		t.Errorf("shortenPath(rename) = %q (%d columns)", got, displayWidth(got))
	}
	prose := strings.Repeat("words and more ", 10)
	if got := shortenPath(prose, 40); got != prose {
		t.Errorf("prose was shortened: %q", got)
	}
	if got := shorten("日本語のファイル名です", 9); displayWidth(got) > 9 {
		t.Errorf("shorten(wide) = %q, %d columns", got, displayWidth(got))
	}
}

// Columns line up when names hold wide characters.
func TestTextTableAlignsWideCharacters(t *testing.T) {
	out := Text(Doc{Blocks: []Block{Table{Header: []string{"file", "n"}, Rows: [][]string{{"日本語.txt", "1"}, {"abc.txt", "2"}}}}})
	lines := strings.Split(out, "\n")
	col := func(line string) int { i := strings.LastIndex(line, " "); return displayWidth(line[:i+1]) }
	if col(lines[2]) != col(lines[3]) {
		t.Errorf("the second column does not line up:\n%s", out)
	}
}
