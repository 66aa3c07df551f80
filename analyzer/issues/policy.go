package issues

// Policy holds the thresholds of the analysis. The zero value is not
// useful: start from DefaultPolicy.
type Policy struct {
	// MaxOpenTasks is the most open pieces of work (unchecked tasks and
	// open sub-issues) an open issue may hold and still ship as one
	// Minimum Viable Change.
	MaxOpenTasks int
	// MaxChain is the longest chain of open issues, one waiting on the
	// next, that is not worth a warning.
	MaxChain int
}

// DefaultPolicy returns the built-in thresholds.
//
// MaxOpenTasks is 5: each open piece is at least one change to review, and
// a pull request holding more than five separable pieces is well past the
// size budget analyzer/size applies to one change; beyond five, a task list
// is a plan, and a plan ships as several issues. A checklist of three to
// five steps ("code, tests, docs, flag") stays one issue, so those are not
// flagged.
//
// MaxChain is 4: issues on a chain ship one after another, so the chain's
// length is a floor on lead time. At a day or two per MVC, five in a row
// is more than a working week of waiting that no extra hands can shorten,
// which is where DORA's lead-time bands move from high to medium.
func DefaultPolicy() Policy {
	return Policy{MaxOpenTasks: 5, MaxChain: 4}
}
