package issues

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestParseLinks(t *testing.T) {
	tests := []struct {
		name string
		body string
		want Links
	}{
		{"blocked by", "Blocked by #3", Links{BlockedBy: []int{3}}},
		{"depends on list", "Depends on: #3, #4 and #5", Links{BlockedBy: []int{3, 4, 5}}},
		{"depends on oxford", "depends on #3, and GH-4 & #5.", Links{BlockedBy: []int{3, 4, 5}}},
		{"requires and after", "REQUIRES #5; ship after #6", Links{BlockedBy: []int{5, 6}}},
		{"URL", "blocked by https://github.com/o/r/issues/8", Links{BlockedBy: []int{8}}},
		{"other repository skipped, list goes on", "depends on o/r#3, #4", Links{BlockedBy: []int{4}}},
		{"blocks", "This blocks #7 and #8", Links{Blocks: []int{7, 8}}},
		{"unblocks is not blocks", "this unblocks #7", Links{}},
		{"vague words are not dependencies", "see #3, related to #4, part of #5, after all #6 is done", Links{}},
		{"word must be right before the reference", "depends on whether #3 lands", Links{}},
		{"list ends at prose", "blocked by #3 because #4 is slow", Links{BlockedBy: []int{3}}},
		{"repeated", "blocked by #3\nalso blocked by #3", Links{BlockedBy: []int{3}}},
		{"code span", "run `blocked by #3`", Links{}},
		{"fence", "```\nblocked by #3\n```", Links{}},
		{"quote", "> blocked by #3", Links{}},
		{"comment", "<!-- blocked by #3 -->", Links{}},
		{"closing keywords", "Closes #1. fixes #2, resolved: #3 FIX #4 close #5 closed #6 fixed #7 resolve #8 resolves #9",
			Links{Closes: []int{1, 2, 3, 4, 5, 6, 7, 8, 9}}},
		{"one issue per keyword", "Fixes #1, #2", Links{Closes: []int{1}}},
		{"not closing keywords", "closing #1, fixing #2, prefix #3, closes octo/other#4", Links{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, ParseLinks(tt.body), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("ParseLinks(%q) (-want +got):\n%s", tt.body, diff)
			}
		})
	}
}
