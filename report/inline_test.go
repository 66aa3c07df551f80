package report

import "testing"

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
