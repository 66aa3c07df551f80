package gitrepo

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/mvcbot/mvc/analyzer/delivery"
	"github.com/mvcbot/mvc/internal/gittest"
)

// The scale the speed bar names.
const (
	benchCommits = 100_000
	benchTags    = 2_000
)

// BenchmarkDeliveryReport compares a full delivery computation (tags,
// history walk, attribution, metrics) on 100,000 commits and 2,000 tag
// deployments with one plain `git log` walk over the same history. The bar
// is report < 2 × walk. Run with:
//
//	go test ./source/gitrepo -run '^$' -bench DeliveryReport -count 5
func BenchmarkDeliveryReport(b *testing.B) {
	dir := buildBenchRepo(b)
	ctx := context.Background()
	repo := &Repo{Dir: dir}
	b.Run("git-log-walk", func(b *testing.B) {
		for b.Loop() {
			cmd := repo.Command(ctx, "log", historyFormat, "--branches", "--tags")
			cmd.Stdout = io.Discard
			if err := cmd.Run(); err != nil {
				b.Fatal(err)
			}
		}
	})
	// The walk part 1 measured against, before messages were read for
	// the failure signals: the cost of reading them is the difference.
	b.Run("git-log-walk-without-messages", func(b *testing.B) {
		for b.Loop() {
			cmd := repo.Command(ctx, "log", "--format=%H%x1f%P%x1f%at%x1f%ct%x1f%ce", "--branches", "--tags")
			cmd.Stdout = io.Discard
			if err := cmd.Run(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("report", func(b *testing.B) {
		for b.Loop() {
			m := benchReport(ctx, b, repo)
			if m.Ever != benchTags {
				b.Fatalf("%d deployments, want %d", m.Ever, benchTags)
			}
		}
	})
}

func benchReport(ctx context.Context, b *testing.B, repo *Repo) delivery.Metrics {
	d := NewDeliveries(repo)
	deploys, err := d.Deployments(ctx, delivery.Query{Source: delivery.SourceTags, TagPattern: "v*"})
	if err != nil {
		b.Fatal(err)
	}
	h, err := d.History(ctx)
	if err != nil {
		b.Fatal(err)
	}
	until := benchEpoch.Add(benchCommits * 10 * time.Minute)
	return delivery.Compute(h, deploys, delivery.Options{Source: delivery.SourceTags, Until: until, WindowDays: 90})
}

var benchEpoch = time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)

// buildBenchRepo writes the history with git fast-import, which makes
// 100,000 commits in seconds: blocks of 25 commits, 20 on main and a
// 4-commit side branch merged back, a tag every other block (annotated and
// lightweight alternating), author dates up to 6 days before commit dates.
func buildBenchRepo(b *testing.B) string {
	b.Helper()
	dir := b.TempDir()
	run := func(stdin io.Reader, args ...string) {
		cmd := exec.Command("git", args...)
		cmd.Dir, cmd.Env, cmd.Stdin, cmd.Stderr = dir, gittest.Env(), stdin, os.Stderr
		if err := cmd.Run(); err != nil {
			b.Fatalf("git %v: %v", args, err)
		}
	}
	run(nil, "init", "-q", "-b", "main")
	pr, pw := io.Pipe()
	go func() { pw.CloseWithError(writeBenchStream(pw)) }()
	run(pr, "fast-import", "--quiet")
	return dir
}

func writeBenchStream(w io.Writer) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	mark, mainTip, tags, block := 0, 0, 0, 0
	commit := func(ref string, from, merge int) int {
		mark++
		when := benchEpoch.Add(time.Duration(mark) * 10 * time.Minute).Unix()
		authored := when - int64(mark%7)*86400
		fmt.Fprintf(bw, "commit %s\nmark :%d\nauthor A <a@example.com> %d +0000\ncommitter C <c@example.com> %d +0000\ndata 0\n", ref, mark, authored, when)
		if from > 0 {
			fmt.Fprintf(bw, "from :%d\n", from)
		}
		if merge > 0 {
			fmt.Fprintf(bw, "merge :%d\n", merge)
		}
		return mark
	}
	for mark < benchCommits {
		var fork int
		for i := 0; i < 20; i++ {
			mainTip = commit("refs/heads/main", mainTip, 0)
			if i == 10 {
				fork = mainTip
			}
			if i == 15 && block%2 == 0 && tags < benchTags {
				tags++
				writeBenchTag(bw, tags, mark)
			}
		}
		side := fork
		for i := 0; i < 4; i++ {
			side = commit("refs/heads/side", side, 0)
		}
		mainTip = commit("refs/heads/main", mainTip, side)
		block++
	}
	return bw.Flush()
}

func writeBenchTag(w io.Writer, n, mark int) {
	name := fmt.Sprintf("v%d.%d.%d", n/100, n%100, 0)
	if n%2 == 0 {
		fmt.Fprintf(w, "reset refs/tags/%s\nfrom :%d\n\n", name, mark)
		return
	}
	when := benchEpoch.Add(time.Duration(mark)*10*time.Minute + time.Hour).Unix()
	fmt.Fprintf(w, "tag %s\nfrom :%d\ntagger T <t@example.com> %d +0000\ndata 0\n", name, mark, when)
}
