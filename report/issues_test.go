package report

import (
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
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
		Loops:        []issues.Loop{{Path: []int{3, 4}, Cut: []int{3, 4}}},
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

// Every arrow the issue report draws is a link of the graph: in a cycle,
// #a → #b says a waits on b; on the critical path, a ships before b. Two
// loops sharing an issue were drawn as one loop through a link that did
// not exist (#1 → #2 → #3 → #1 with no #3 → #1).
func TestIssueArrowsAreRealLinks(t *testing.T) {
	chain := regexp.MustCompile(`#\d+( → #\d+)+`)
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 500 {
		n := 2 + rng.IntN(12)
		waitsOn := map[[2]int]bool{}
		list := make([]issues.Issue, n)
		for i := range list {
			list[i] = issues.Issue{Number: i + 1, Title: "t", State: issues.Open}
			for j := range n {
				if j != i && rng.IntN(n) < 2 {
					list[i].BlockedBy = append(list[i].BlockedBy, j+1)
					waitsOn[[2]int{i + 1, j + 1}] = true
				}
			}
		}
		f := issues.Analyze(issues.Build(list), issues.DefaultPolicy())
		texts := []string{Text(IssuesDoc(f, IssuesMeta{Source: "random", Policy: issues.DefaultPolicy()}))}
		for _, is := range list {
			doc, _ := IssueCommentDoc(f, is.Number, issues.DefaultPolicy())
			texts = append(texts, Markdown(doc))
		}
		for _, text := range texts {
			for _, line := range strings.Split(text, "\n") {
				critical := strings.Contains(line, "ritical path") || strings.Contains(line, "on a chain of")
				for _, m := range chain.FindAllString(line, -1) {
					steps := strings.Split(m, " → ")
					for k := 1; k < len(steps); k++ {
						a, _ := strconv.Atoi(steps[k-1][1:])
						b, _ := strconv.Atoi(steps[k][1:])
						if critical {
							a, b = b, a
						}
						if !waitsOn[[2]int{a, b}] {
							t.Fatalf("round %d: %q draws #%d → #%d, not a link; graph %v\n%s", round, line, a, b, list, text)
						}
					}
				}
			}
		}
	}
}

// Two loops that share an issue are one group, drawn as its members and one
// real loop; no single link frees both, and the report does not say one does.
func TestTangledCycle(t *testing.T) {
	f := issues.Analyze(issues.Build([]issues.Issue{
		{Number: 1, State: issues.Open, BlockedBy: []int{2}},
		{Number: 2, State: issues.Open, BlockedBy: []int{1, 3}},
		{Number: 3, State: issues.Open, BlockedBy: []int{2}},
	}), issues.DefaultPolicy())
	text := Text(IssuesDoc(f, IssuesMeta{Source: "x", Policy: issues.DefaultPolicy()}))
	want := "#1, #2, #3 wait on each other through more than one loop, for example #1 → #2 → #1: no single link frees them all"
	if !strings.Contains(text, want) {
		t.Errorf("the report lacks %q:\n%s", want, text)
	}
	doc, _ := IssueCommentDoc(f, 3, issues.DefaultPolicy())
	if got := Markdown(doc); !strings.Contains(got, "#1, #2, #3 wait on each other") {
		t.Errorf("issue 3's comment:\n%s", got)
	}
}
