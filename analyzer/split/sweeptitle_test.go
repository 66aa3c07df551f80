package split

import (
	"fmt"
	"slices"
	"testing"

	"github.com/mvcbot/mvc/analyzer"
)

func TestEditSummary(t *testing.T) {
	line := func(s ...string) []analyzer.Line {
		var out []analyzer.Line
		for _, x := range s {
			out = append(out, analyzer.Line{Text: x})
		}
		return out
	}
	for _, tc := range []struct {
		name       string
		dels, adds []analyzer.Line
		want       string
	}{
		{"version in prose", line("  Alamofire 5.10.0 Docs"), line("  Alamofire 5.10.1 Docs"), "Replace `5.10.0` with `5.10.1`"},
		{"two fragments", line("updated: 2024-10-13)</p>", "jazzy v0.15.2</a>"), line("updated: 2024-10-19)</p>", "jazzy v0.15.3</a>"),
			"Replace `2024-10-13` with `2024-10-19` and `v0.15.2` with `v0.15.3`"},
		{"a call renamed", line("\tlog.Printf(\"x\")"), line("\tslog.Info(\"x\")"), "Replace `log.Printf` with `slog.Info`"},
		{"a word inserted, sigil kept", line("f: @escaping (Int) -> Void"), line("f: @escaping @Sendable (Int) -> Void"), "Add `@Sendable`"},
		{"a word removed", line("x := y // TODO"), line("x := y"), "Remove `// TODO`"},
		{"sigils swapped", line("h: @Sendable @escaping (R)"), line("h: @escaping @Sendable (R)"), "Replace `@Sendable @escaping` with `@escaping @Sendable`"},
		{"mixed kinds", line("a b", "c d"), line("a x b", "c"), ""},
		{"three fragments", line("a 1", "b 2", "c 3"), line("a 4", "b 5", "c 6"), ""},
		{"lines not paired", line("a"), line("b", "c"), ""},
		{"too long to quote", line("s := \"" + fmt.Sprint(make([]int, 20)) + "\""), line("s := \"\""), ""},
		{"a backquote in the fragment", line("s := `a`"), line("s := \"a\""), ""},
		{"a line added whole", nil, line("  #![forbid(unsafe_code)]"), "Add `#![forbid(unsafe_code)]`"},
		{"a line removed whole", line("import _ \"embed\""), nil, "Remove `import _ \"embed\"`"},
		{"lines added whole", nil, line("a", "b"), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := editSummary(&atom{dels: tc.dels, adds: tc.adds}); got != tc.want {
				t.Errorf("editSummary = %q, want %q", got, tc.want)
			}
		})
	}
}

// Two sweeps over the same files, a version and a date bumped in every
// generated page, are told apart by what they replace.
func TestSweepsAreNamedByTheirEdit(t *testing.T) {
	files := map[string][2]string{}
	for i := range 5 {
		body := "<p>intro</p>\n" + fmt.Sprintf("<p>page %d</p>\n", i)
		var filler string
		for j := range 30 {
			filler += fmt.Sprintf("<p>filler %d of page %d</p>\n", j, i)
		}
		files[fmt.Sprintf("site/page%d.html", i)] = [2]string{
			"<title>App 1.0.0 Docs</title>\n" + body + filler + "<footer>Updated 2024-10-13</footer>\n",
			"<title>App 1.0.1 Docs</title>\n" + body + filler + "<footer>Updated 2024-10-19</footer>\n",
		}
	}
	plan, err := Split(changeOf(files))
	if err != nil {
		t.Fatal(err)
	}
	titles := map[string]bool{}
	for _, p := range plan.Parts {
		titles[p.Title] = true
	}
	for _, want := range []string{"Replace `1.0.0` with `1.0.1` in 5 files", "Replace `2024-10-13` with `2024-10-19` in 5 files"} {
		if !titles[want] {
			t.Errorf("no part titled %q; parts: %v", want, titles)
		}
	}
}

// A sweep of several different lines, the same in every file, is named by
// the names it drops and brings in, not "Apply the same edit to 6 files".
func TestMultiLineSweepsAreNamedByTheirWords(t *testing.T) {
	files := map[string][2]string{}
	for i := range 6 {
		var body string
		for j := range 30 {
			body += fmt.Sprintf("func f%d_%d() int { return %d }\n", i, j, j)
		}
		files[fmt.Sprintf("pkg%d/svc.go", i)] = [2]string{
			fmt.Sprintf("package pkg%d\n\n", i) + "func setup() {\n\tlogger := NewLogger()\n\tlogger.Start(ctx)\n\tdefer logger.Close()\n}\n\n" + body,
			fmt.Sprintf("package pkg%d\n\n", i) + "func setup() {\n\ttracer := NewTracer(defaults)\n\ttracer.Begin(ctx, span)\n\tdefer tracer.Flush()\n}\n\n" + body,
		}
	}
	titles := splitTitles(t, changeOf(files))
	want := "Replace `logger`, `NewLogger` and 2 more with `tracer`, `NewTracer` and 4 more in 6 files"
	if !slices.Contains(titles, want) {
		t.Errorf("titles %q, want one %q", titles, want)
	}
}
