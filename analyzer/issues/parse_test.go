package issues

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseTasks(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []Task
	}{
		{"bullets and checks", "- [ ] one\n* [x] two\n+ [X] three", []Task{{Text: "one"}, {Text: "two", Done: true}, {Text: "three", Done: true}}},
		{"numbered", "1. [ ] first\n2) [x] second", []Task{{Text: "first"}, {Text: "second", Done: true}}},
		{"nested", "- [ ] parent\n  - [ ] child\n\t- [x] tabbed", []Task{{Text: "parent"}, {Text: "child"}, {Text: "tabbed", Done: true}}},
		{"not tasks", "- plain item\n- [ ]\n-[ ] glued\n- [y] odd\ntext [ ] here", nil},
		{"hash ref", "- [ ] #12", []Task{{Text: "#12", Ref: 12}}},
		{"GH ref", "- [ ] port GH-7 first", []Task{{Text: "port GH-7 first", Ref: 7}}},
		{"issue URL", "- [ ] https://github.com/octo/repo/issues/34", []Task{{Text: "https://github.com/octo/repo/issues/34", Ref: 34}}},
		{"pull URL", "- [x] https://github.com/octo/repo/pull/35", []Task{{Text: "https://github.com/octo/repo/pull/35", Done: true, Ref: 35}}},
		{"other repository", "- [ ] octo/other#12", []Task{{Text: "octo/other#12"}}},
		{"other repository then ours", "- [ ] octo/other#12 then #13", []Task{{Text: "octo/other#12 then #13", Ref: 13}}},
		{"glued hash", "- [ ] abc#12 &#12; #12abc", []Task{{Text: "abc#12 &#12; #12abc"}}},
		{"ref in code span", "- [ ] run `make #3`", []Task{{Text: "run `make #3`"}}},
		{"only a code span", "- [ ] `#3`", []Task{{Text: "`#3`"}}},
		{"backtick fence", "```\n- [ ] code\n```\n- [ ] real", []Task{{Text: "real"}}},
		{"tilde fence, longer close", "~~~~md\n- [ ] code\n~~~\n- [ ] still code\n~~~~~\n- [ ] real", []Task{{Text: "real"}}},
		{"HTML comment", "<!-- template:\n- [ ] hint\n-->\n- [ ] real <!-- #9 -->", []Task{{Text: "real"}}},
		{"quoted", "> - [ ] theirs\n- [ ] ours", []Task{{Text: "ours"}}},
		{"CRLF", "- [ ] one\r\n- [x] two\r\n", []Task{{Text: "one"}, {Text: "two", Done: true}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, ParseTasks(tt.body)); diff != "" {
				t.Errorf("ParseTasks(%q) (-want +got):\n%s", tt.body, diff)
			}
		})
	}
}

func TestParseItemsKeepsHeadingAndNesting(t *testing.T) {
	body := "- [ ] loose\n## Backend\n- [ ] api\n  - [ ] handler\n    - [ ] test\n  - [ ] docs\n- [ ] cli\n### Rollout ###\n1. [ ] flag"
	type place struct {
		Text, Heading string
		Root          int
	}
	want := []place{
		{"loose", "", 0},
		{"api", "Backend", 1},
		{"handler", "Backend", 1},
		{"test", "Backend", 1},
		{"docs", "Backend", 1},
		{"cli", "Backend", 5},
		{"flag", "Rollout", 6},
	}
	var got []place
	for _, it := range parseItems(body, "") {
		got = append(got, place{it.Text, it.Heading, it.Root})
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("parseItems (-want +got):\n%s", diff)
	}
}
