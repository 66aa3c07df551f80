package publish

import (
	"context"
	"fmt"
	"testing"

	"github.com/mvcbot/mvc/analyzer/size"
	"github.com/mvcbot/mvc/config"
	"github.com/mvcbot/mvc/internal/fakegithub"
)

// TestPullRequestRunStaysWithinTheAPIBudget runs every GitHub call of one
// pull-request run, in the Action's order, and holds it to the budget the
// README promises: reads ≤ 3 + ⌈files/100⌉ + ⌈comments/100⌉ + one per
// .gitattributes, writes ≤ 4.
func TestPullRequestRunStaysWithinTheAPIBudget(t *testing.T) {
	const files, comments = 250, 135
	var fs []fakegithub.File
	for i := range files {
		fs = append(fs, fakegithub.File{Name: fmt.Sprintf("src/f%03d.go", i), Additions: 4, Patch: "@@ -1,0 +1,4 @@\n+a\n+b\n+c\n+d"})
	}
	base := "2222222222222222222222222222222222222222"
	f := newFixture(t, fakegithub.Pull{Number: 1, BaseSHA: base, Labels: []string{"size/XS", "bug"}, Files: fs})
	f.repo.SetFile(base, ".github/mvc.yml", "budget: {lines: 400}\n")
	f.repo.SetFile(base, ".gitattributes", "*.pb.go linguist-generated\n")
	f.repo.SetFile(base, "web/.gitattributes", "dist/** linguist-vendored\n")
	for i := range comments {
		f.repo.AddComment(1, "mona", fmt.Sprintf("review %d", i))
	}
	f.repo.AddComment(1, fakegithub.Actor, Marker+"\nold report")

	ctx := context.Background()
	pr, err := f.client.PullRequest(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.client.ReadFile(ctx, pr.BaseSHA, ".github/mvc.yml"); err != nil {
		t.Fatal(err)
	}
	attrs, _, err := f.client.Attributes(ctx, pr.BaseSHA)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.client.PullRequestChange(ctx, pr); err != nil {
		t.Fatal(err)
	}
	if _, err := PublishComment(ctx, f.client, Sticky{Number: 1, Body: report, Policy: config.CommentOnViolation, TooLarge: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := PublishSizeLabel(ctx, f.client, SizeLabel{Number: 1, Size: size.XL, Labels: labelsConfig(), Current: pr.Labels}); err != nil {
		t.Fatal(err)
	}

	t.Logf("reads %d, writes %d", f.srv.Reads(), f.srv.Writes())
	maxReads := 3 + ceilDiv(files, 100) + ceilDiv(comments+1, 100) + len(attrs)
	if reads := f.srv.Reads(); reads > maxReads {
		t.Errorf("reads = %d, budget %d: %v", reads, maxReads, f.srv.Requests())
	}
	if writes := f.srv.Writes(); writes > 4 {
		t.Errorf("writes = %d, budget 4", writes)
	}
	if st := f.client.Stats(); st.Reads != f.srv.Reads() || st.Writes != f.srv.Writes() {
		t.Errorf("client counted %+v, the server saw %d reads and %d writes", st, f.srv.Reads(), f.srv.Writes())
	}
}

func ceilDiv(a, b int) int { return (a + b - 1) / b }
