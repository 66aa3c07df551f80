package report

import (
	"testing"

	"github.com/mvcbot/mvc/analyzer/issues"
)

// sampleIssueFindings has one of every finding.
func sampleIssueFindings() issues.Findings {
	return issues.Findings{
		Summary: issues.Summary{OpenIssues: 9, ClosedIssues: 1, ClosedPulls: 1, BlockedByEdges: 7, ClosesEdges: 1, Missing: []int{40}},
		TooBig: []issues.TooBig{{
			Number: 1, Title: "Checkout rewrite",
			Reasons: []string{"7 open pieces of work (open sub-issues: 1, unchecked tasks: 6): more than 5 is more than one MVC"},
			Breakdown: []issues.Step{
				{Title: "Checkout rewrite: Backend (1/2)", Tasks: []string{"Migrate the orders schema"}},
				{Title: "Payments API", Issue: 12, DependsOn: []int{0}},
				{Title: "Checkout rewrite: Frontend", Tasks: []string{"New cart page", "Docs for the cart"}, DependsOn: []int{0, 1}},
			},
		}},
		Cycles:       [][]int{{3, 4}},
		CriticalPath: []int{9, 8, 7, 6, 5},
		ChainTooLong: true,
		Stale:        []issues.Stale{{Number: 9, Title: "G", Closed: []int{10}, Ready: true}},
	}
}

func TestIssuesDoc(t *testing.T) {
	meta := IssuesMeta{Source: "octo/app (GitHub API)", Notes: []string{"sub-issues are not available on this GitHub (404): read from task lists only"}, Policy: issues.DefaultPolicy()}
	doc := IssuesDoc(sampleIssueFindings(), meta)
	golden(t, "issues.md", Markdown(doc))
	golden(t, "issues.txt", Text(doc))
	quiet := IssuesDoc(issues.Findings{Summary: issues.Summary{OpenIssues: 2}}, IssuesMeta{Source: "issues.json", Policy: issues.DefaultPolicy()})
	golden(t, "issues_none.txt", Text(quiet))
}

func TestIssueCommentDoc(t *testing.T) {
	p := issues.DefaultPolicy()
	doc, flagged := IssueCommentDoc(sampleIssueFindings(), 1, p)
	if !flagged {
		t.Error("issue 1 is too big but not flagged")
	}
	golden(t, "issue_comment.md", Markdown(doc))
	for _, n := range []int{3, 7, 9} {
		if _, flagged := IssueCommentDoc(sampleIssueFindings(), n, p); !flagged {
			t.Errorf("issue %d (in a cycle, on the chain, or ready to start) is not flagged", n)
		}
	}
	doc, flagged = IssueCommentDoc(sampleIssueFindings(), 2, p)
	if flagged {
		t.Error("issue 2 has nothing to say but is flagged")
	}
	golden(t, "issue_comment_fits.md", Markdown(doc))
}
