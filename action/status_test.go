package action

import (
	"strings"
	"testing"

	"github.com/mvcbot/mvc/analyzer/size"
	"github.com/mvcbot/mvc/config"
)

// The App's commit status fails exactly when the Action would fail the
// check, and says why in one line.
func TestVerdictStatus(t *testing.T) {
	res := size.Result{Exact: true, Size: "XL", WeightedLines: 812, ReviewableFiles: 9, Budget: size.Budget{Lines: 400, Files: 40}, ExemptLabel: "mvc-exempt"}
	for _, tc := range []struct {
		verdict    size.Verdict
		failOn     config.FailOn
		state, pre string
	}{
		{size.VerdictTooLarge, config.FailTooLarge, "failure", "Too large: size XL, 812 weighted lines (budget 400)"},
		{size.VerdictTooLarge, config.FailNever, "success", "Too large (not enforced): size XL"},
		{size.VerdictExempt, config.FailTooLarge, "success", `Exempt ("mvc-exempt" label): size XL`},
		{size.VerdictMVC, config.FailTooLarge, "success", "A Minimum Viable Change: size XL"},
	} {
		res.Verdict = tc.verdict
		st := verdictStatus(res, tc.failOn)
		if st.Context != StatusContext || st.State != tc.state || !strings.HasPrefix(st.Description, tc.pre) {
			t.Errorf("%s under fail-on %s: %+v, want %s %q…", tc.verdict, tc.failOn, st, tc.state, tc.pre)
		}
	}
}

// Past GitHub's 3,000-file list, the figures are floors, and the status
// says so as the comment does.
func TestVerdictStatusOfALowerBound(t *testing.T) {
	res := size.Result{Exact: false, Verdict: size.VerdictTooLarge, Size: "XXL", WeightedLines: 3000, ReviewableFiles: 3000,
		Budget: size.Budget{Lines: 400, Files: 40}, ExemptLabel: "mvc-exempt"}
	st := verdictStatus(res, config.FailTooLarge)
	if want := "Too large: size XXL or more, 3000+ weighted lines (budget 400), 3000+ reviewable files"; !strings.HasPrefix(st.Description, want) {
		t.Errorf("description %q, want %q…", st.Description, want)
	}
}
