package splitbench

import (
	"strings"
	"testing"

	"github.com/mvcbot/mvc/analyzer/size"
	"github.com/mvcbot/mvc/report"
)

// Window sizes read as words, not a Go slice: "2 or 3", "2–5".
func TestSizes(t *testing.T) {
	for _, tc := range []struct {
		k    []int
		want string
	}{
		{[]int{2}, "2"},
		{[]int{2, 3}, "2 or 3"},
		{[]int{2, 3, 4, 5}, "2–5"},
		{[]int{5, 3, 4, 2, 3}, "2–5"},
		{[]int{2, 4, 7}, "2, 4 or 7"},
		{[]int{3, 5}, "3 or 5"},
	} {
		if got := sizes(tc.k); got != tc.want {
			t.Errorf("sizes(%v) = %q, want %q", tc.k, got, tc.want)
		}
	}
}

// The report's counts agree with their nouns.
func TestDocWording(t *testing.T) {
	res := Result{Repo: "r", K: []int{2, 3}, Budget: size.Budget{Lines: 400, Files: 1}, Scored: 1, Lines: 1, Unclear: 0}
	text := report.Text(res.Doc())
	for _, want := range []string{"1 case scored", "windows of 2 or 3 commits", "budget 400 weighted lines and 1 file.", "1 changed line labelled", "0 unclear lines"} {
		if !strings.Contains(text, want) {
			t.Errorf("report lacks %q:\n%s", want, text)
		}
	}
}
