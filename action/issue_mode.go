package action

import (
	"context"
	"fmt"
	"strconv"

	"github.com/mvcbot/mvc/analyzer/issues"
	"github.com/mvcbot/mvc/publish"
	"github.com/mvcbot/mvc/report"
)

// issueTreeLimit bounds the issues one run reads below an issue: a tree
// past it is a program, not an issue, and the comment already says so.
const issueTreeLimit = 300

// runIssue is issue mode (issues events): it reads the issue with its
// sub-issues and the issues its task list names (recursively) and what
// blocks them, and keeps one comment on
// the issue while it is too big to ship as one MVC (with a proposed
// breakdown), waits on itself, sits on a chain too long, or is blocked
// only by closed issues. Quiet otherwise: an earlier comment is edited to
// say the issue fits now, and none is created.
func (r *runner) runIssue(ctx context.Context, ev *event) (int, error) {
	is := ev.Issues.GetIssue()
	number := is.GetNumber()
	if is.IsPullRequest() {
		r.gha.Noticef("#%d is a pull request: issue mode reads issues", number)
		return ExitOK, nil
	}
	if is.GetState() == "closed" {
		r.gha.Noticef("#%d is closed: nothing to do", number)
		return ExitOK, nil
	}
	client, err := r.client(ctx, ev)
	if err != nil {
		return 0, err
	}
	cfg, err := r.configAtDefaultBranch(ctx, client)
	if err != nil {
		return 0, err
	}
	tree, err := client.IssueTree(ctx, number, issueTreeLimit)
	if err != nil {
		return 0, fmt.Errorf("read issue #%d and the issues below it: %w", number, err)
	}
	for _, n := range tree.Notes {
		r.gha.Noticef("%s", n)
	}
	policy := cfg.Issues
	findings := issues.Analyze(issues.BuildIn(client.Owner()+"/"+client.Repo(), tree.Issues), policy)
	doc, flagged := report.IssueCommentDoc(findings, number, policy)
	res, err := publish.PublishComment(ctx, client, publish.Sticky{
		Number:   number,
		Marker:   "<!-- " + report.IssueMarker + " -->",
		Body:     report.Markdown(doc),
		Policy:   cfg.Comment,
		TooLarge: flagged,
	})
	if err != nil {
		return 0, fmt.Errorf("publish the issue comment: %w", err)
	}
	if w := res.Warning(); w != "" {
		r.gha.Warningf("%s", w)
	}
	r.addSummary(report.Markdown(report.IssuesDoc(findings, report.IssuesMeta{Source: "issue #" + strconv.Itoa(number), Root: number, Notes: tree.Notes, Policy: policy})))
	verdict, parts := issueVerdict(findings, number)
	r.setOutputs(map[string]string{"verdict": verdict, "parts": strconv.Itoa(parts)})
	return ExitOK, nil
}

// issueVerdict is the issue's verdict in the pull-request outputs' terms:
// too-large with the number of proposed steps, or mvc and 1.
func issueVerdict(f issues.Findings, number int) (string, int) {
	for _, tb := range f.TooBig {
		if tb.Number == number {
			return "too-large", max(1, len(tb.Breakdown))
		}
	}
	return "mvc", 1
}
