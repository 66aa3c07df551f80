package action

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"strconv"
	"unicode/utf8"

	"github.com/mvcbot/mvc/analyzer/delivery"
	"github.com/mvcbot/mvc/analyzer/size"
	"github.com/mvcbot/mvc/analyzer/split"
	"github.com/mvcbot/mvc/config"
	"github.com/mvcbot/mvc/publish"
	"github.com/mvcbot/mvc/report"
	ghsource "github.com/mvcbot/mvc/source/github"
)

// publishPR writes everything a pull request run produces: the sticky
// comment, the size label, the step summary, the outputs and the report
// file. A token that cannot write degrades to the summary and a warning.
func (r *runner) publishPR(ctx context.Context, run *prRun) (int, error) {
	res := run.result
	uncertain := mayExceedBudget(res)
	if uncertain {
		u := res.Unlisted
		r.gha.Warningf("GitHub listed only %d of %d changed files; the %d added and %d deleted lines it did not list could put this pull request over the budget, so the size is a lower bound. Check out the repository with fetch-depth: 0 for an exact size.",
			res.Files-u.Files, res.Files, u.Additions, u.Deletions)
	}
	comment := report.PRComment{
		Size:  res,
		Notes: run.notes,
		// With on-violation the comment exists only if the pull request was
		// too large once; within budget, it shrinks to a short note.
		Brief:    res.Verdict == size.VerdictMVC && !uncertain && run.cfg.Comment != config.CommentAlways,
		Settings: run.cfg.Source,
	}
	if run.delivery != nil {
		comment.Delivery = prDeliverySection(run.delivery.Metrics, res)
	}
	// parts is 1 for a change accepted whole, the stack's length when one
	// was proposed, and unknown (0, an empty output) for a too-large
	// change no stack could be proposed for, such as one GitHub listed
	// only in part: 1 would say it fits.
	parts := 1
	switch {
	case run.plan != nil:
		parts = max(1, len(run.plan.Parts))
	case res.Verdict == size.VerdictTooLarge:
		parts = 0
	}
	body := commentBody(&comment, run.plan, run.planOrigin)

	cres, err := publish.PublishComment(ctx, run.client, publish.Sticky{
		Number: run.pr.Number,
		Body:   body,
		Policy: run.cfg.Comment,
		// A size that is only a lower bound and may be over the budget is
		// said on the pull request too: never a silent XS.
		TooLarge: res.Verdict == size.VerdictTooLarge || uncertain,
	})
	if err != nil {
		return 0, fmt.Errorf("publish the pull-request comment: %w", err)
	}
	lres, err := publish.PublishSizeLabel(ctx, run.client, publish.SizeLabel{
		Number:  run.pr.Number,
		Size:    res.Size,
		Labels:  run.cfg.Labels,
		Current: run.pr.Labels,
	})
	if err != nil {
		return 0, fmt.Errorf("publish the size label: %w", err)
	}
	warnings := []string{cres.Warning(), lres.Warning()}
	if r.env.CommitStatus {
		// The App: no workflow, no fork token; what is missing is the
		// App's permission.
		warnings = []string{appReadOnly(cres.Action, "the pull-request comment"), appReadOnly(lres.Action, "the size label")}
	}
	if r.env.CommitStatus {
		warnings = append(warnings, r.publishStatus(ctx, run))
	}
	for _, w := range warnings {
		if w != "" {
			r.gha.Warningf("%s", w)
		}
	}
	r.addSummary(report.Markdown(r.summaryDoc(comment, cres, lres)))

	reportPath, err := r.writePRReport(prReport{Result: res, Split: run.plan})
	if err != nil {
		return 0, err
	}
	outputs := prOutputs(res, reportPath, parts)
	if run.delivery != nil {
		maps.Copy(outputs, deliveryOutputs(run.delivery.Metrics))
	}
	r.setOutputs(outputs)
	stats := run.client.Stats()
	r.gha.Debugf("GitHub API: %d reads, %d writes, %d retries, waited %s", stats.Reads, stats.Writes, stats.Retries, stats.Waited)
	return r.verdictExit(res, run.cfg.FailOn), nil
}

// StatusContext names mvc's commit status, for branch protection's
// required checks.
const StatusContext = "mvc/size"

// publishStatus sets the verdict as a commit status on the head and
// returns a warning when it could not ("" when it did). A status is an
// extra: a failure here never fails the run.
func (r *runner) publishStatus(ctx context.Context, run *prRun) string {
	st := verdictStatus(run.result, run.cfg.FailOn)
	err := run.client.SetCommitStatus(ctx, run.pr.HeadSHA, st)
	switch {
	case err == nil:
		return ""
	case ghsource.IsPermission(err):
		return fmt.Sprintf("%s: the App needs the Commit statuses (write) permission to report the verdict as a check", oneLine(err.Error()))
	default:
		return oneLine(err.Error())
	}
}

// statusConfigError shows a config mistake where the pull request's
// author looks, as an error status, when the run reports by status (the
// App, whose log the repository's people do not read). Nothing else is
// written: the comment and label wait for a config that reads.
func (r *runner) statusConfigError(ctx context.Context, run *prRun, cfgErr error) {
	if !r.env.CommitStatus {
		return
	}
	st := ghsource.CommitStatus{Context: StatusContext, State: ghsource.StatusError, Description: oneLine(cfgErr.Error())}
	if err := run.client.SetCommitStatus(ctx, run.pr.HeadSHA, st); err != nil {
		r.gha.Warningf("%s", oneLine(err.Error()))
	}
}

// verdictStatus is the commit status a verdict gives under fail-on: a
// failure exactly when the Action would fail the check.
func verdictStatus(res size.Result, failOn config.FailOn) ghsource.CommitStatus {
	sizeLine := fmt.Sprintf("size %s, %d weighted lines (budget %d), %d reviewable files (budget %d)",
		res.Size, res.WeightedLines, res.Budget.Lines, res.ReviewableFiles, res.Budget.Files)
	if !res.Exact {
		// GitHub listed only part of the files: the figures are floors.
		sizeLine = fmt.Sprintf("size %s or more, %d+ weighted lines (budget %d), %d+ reviewable files (budget %d)",
			res.Size, res.WeightedLines, res.Budget.Lines, res.ReviewableFiles, res.Budget.Files)
	}
	st := ghsource.CommitStatus{Context: StatusContext, State: ghsource.StatusSuccess}
	switch {
	case res.Verdict == size.VerdictExempt:
		st.Description = fmt.Sprintf("Exempt (%q label): %s", res.ExemptLabel, sizeLine)
	case res.Verdict == size.VerdictTooLarge && failOn == config.FailTooLarge:
		st.State = ghsource.StatusFailure
		st.Description = fmt.Sprintf("Too large: %s. Split it, or add the %q label.", sizeLine, res.ExemptLabel)
	case res.Verdict == size.VerdictTooLarge:
		st.Description = "Too large (not enforced): " + sizeLine
	default:
		st.Description = "A Minimum Viable Change: " + sizeLine
	}
	return st
}

// commentBody renders the comment with the proposed stack, if any. A
// stack that would make the comment longer than GitHub accepts loses the
// git steps by hand first, then is listed compactly, one row per part,
// rather than cut off.
func commentBody(comment *report.PRComment, plan *split.Plan, origin report.SplitOptions) string {
	if plan == nil {
		return report.Markdown(comment.Doc())
	}
	comment.Split = report.SplitSectionFor(*plan, origin)
	body := report.Markdown(comment.Doc())
	if utf8.RuneCountInString(body) <= publish.MaxCommentLength {
		return body
	}
	// The git steps by hand name every file: they go first, and the parts
	// keep their files and reasons (`mvc split` prints the steps).
	origin.NoSteps = true
	comment.Split = report.SplitSectionFor(*plan, origin)
	if body = report.Markdown(comment.Doc()); utf8.RuneCountInString(body) <= publish.MaxCommentLength {
		return body
	}
	comment.Split = report.SplitSectionCompactFor(*plan, origin)
	return report.Markdown(comment.Doc())
}

// summaryDoc is the comment's content plus what was published.
func (r *runner) summaryDoc(c report.PRComment, cres publish.CommentResult, lres publish.LabelResult) report.Doc {
	c.Brief = false // the summary always shows the full report
	d := c.Doc()
	d.Add(report.Paragraph{Text: fmt.Sprintf("Comment: %s (%s). Size label: %s (%s).", cres.Action, cres.Reason, lres.Action, lres.Reason)})
	return d
}

// prReport is the JSON report file of a pull request run: the size
// result's keys, plus the proposed split when there is one.
type prReport struct {
	size.Result
	Split *split.Plan `json:"split,omitempty"`
}

// writePRReport writes the JSON report file and returns its path.
func (r *runner) writePRReport(rep prReport) (string, error) {
	data, err := json.MarshalIndent(rep, "", "  ")
	if err != nil {
		return "", fmt.Errorf("encode the report: %w", err)
	}
	return r.writeReport(r.in.ReportFile, append(data, '\n'))
}

// verdictExit is the exit code for a verdict under fail-on, with the error
// annotation that explains a failing check.
func (r *runner) verdictExit(res size.Result, failOn config.FailOn) int {
	if res.Verdict != size.VerdictTooLarge || failOn != config.FailTooLarge {
		return ExitOK
	}
	r.gha.WithFieldsMap(map[string]string{"title": "Too large to be a Minimum Viable Change"}).Errorf(
		"size %s: %d weighted lines (budget %d), %d reviewable files (budget %d). Split it, or add the %q label.",
		res.Size, res.WeightedLines, res.Budget.Lines, res.ReviewableFiles, res.Budget.Files, res.ExemptLabel)
	return ExitTooLarge
}

func prOutputs(res size.Result, reportPath string, parts int) map[string]string {
	return map[string]string{
		"verdict":          string(res.Verdict),
		"size":             string(res.Size),
		"weighted-lines":   strconv.Itoa(res.WeightedLines),
		"changed-lines":    strconv.Itoa(res.ChangedLines),
		"files":            strconv.Itoa(res.Files),
		"reviewable-files": strconv.Itoa(res.ReviewableFiles),
		"exact":            strconv.FormatBool(res.Exact),
		"parts":            countOrEmpty(parts),
		"report":           reportPath,
	}
}

// mayExceedBudget says whether a size measured within budget from an
// incomplete file list could be over it: the lines and files GitHub did
// not list, counted as hand-written code, would cross the budget.
func mayExceedBudget(res size.Result) bool {
	if res.Exact || res.Unlisted == nil || res.Verdict != size.VerdictMVC {
		return false
	}
	u := res.Unlisted
	return res.WeightedLines+u.Additions+u.Deletions > res.Budget.Lines || res.ReviewableFiles+u.Files > res.Budget.Files
}

// appReadOnly is the App's warning for a write GitHub refused, or "".
func appReadOnly(a publish.Action, what string) string {
	if a != publish.ReadOnly {
		return ""
	}
	return "mvc skipped " + what + ": GitHub refused the write. To fix: give the App the Pull requests and Issues (write) permissions, and accept them in the installation's settings on this repository"
}

// countOrEmpty writes an unknown count (0) as an empty output.
func countOrEmpty(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// prDeliverySection is the comment's delivery part: the health summary,
// when the repository usually ships a merged change, and for a too-large
// pull request what its size has cost here (each only when measured).
func prDeliverySection(m delivery.Metrics, res size.Result) []report.Block {
	blocks := report.DeliveryHealth(m)
	if s := report.ShipsWithin(m); s != "" {
		blocks = append(blocks, report.Paragraph{Text: s})
	}
	if res.Verdict == size.VerdictTooLarge {
		if s := delivery.SizeCostSentence(m.Flow, string(res.Size)); s != "" {
			blocks = append(blocks, report.Paragraph{Text: s})
		}
	}
	return blocks
}
