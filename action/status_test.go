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
	res := size.Result{Size: "XL", WeightedLines: 812, ReviewableFiles: 9, Budget: size.Budget{Lines: 400, Files: 40}, ExemptLabel: "mvc-exempt"}
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
