package action

import "context"

// runReport is report mode (schedule, workflow_dispatch, push to the
// default branch): the delivery report.
func (r *runner) runReport(ctx context.Context, ev *event) (int, error) {
	r.gha.Noticef("report mode (delivery metrics) is not available in this version of mvc yet: nothing to do")
	return ExitOK, nil
}
