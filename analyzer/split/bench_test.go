package split

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/mvcbot/mvc/analyzer"
	"github.com/mvcbot/mvc/analyzer/size"
)

// largeChange builds a change of n files in 40 packages, each file a Go
// source with 20 functions of which a few are edited, some files new and
// some tests: the shape of a big refactoring pull request.
func largeChange(n int) Input {
	r := rand.New(rand.NewSource(1))
	in := Input{Base: map[string][]byte{}, Head: map[string][]byte{}, Policy: size.DefaultPolicy()}
	in.Change.Base, in.Change.Head = "base", "head"
	for i := 0; i < n; i++ {
		p := fmt.Sprintf("pkg/p%02d/file%04d.go", i%40, i)
		if i%5 == 0 {
			p = strings.TrimSuffix(p, ".go") + "_test.go"
		}
		base := goSource(r, i, 20)
		head := append([]string(nil), base...)
		for e := 0; e < 3; e++ {
			at := r.Intn(len(head))
			head[at] = fmt.Sprintf("\tx%d := Helper%d(y) // edited", r.Intn(1000), r.Intn(200))
		}
		st := analyzer.Modified
		if i%10 == 0 {
			st, base = analyzer.Added, nil
		}
		f, _ := finish(p, st, base, true, head, true, &in)
		in.Change.Files = append(in.Change.Files, f)
	}
	return in
}

func goSource(r *rand.Rand, file, funcs int) []string {
	out := []string{fmt.Sprintf("package p%02d", file%40), ""}
	for f := 0; f < funcs; f++ {
		out = append(out, fmt.Sprintf("// Func%d_%d does work.", file, f), fmt.Sprintf("func Func%d_%d() {", file, f))
		for l := 0; l < 4; l++ {
			out = append(out, fmt.Sprintf("\tv%d := Helper%d(%d)", l, r.Intn(200), r.Intn(9)))
		}
		out = append(out, "}", "")
	}
	return out
}

// BenchmarkSplit1000Files measures a 1,000-file change; the bar is under
// two seconds per split.
func BenchmarkSplit1000Files(b *testing.B) {
	in := largeChange(1000)
	lines := 0
	for _, f := range in.Change.Files {
		lines += f.Additions + f.Deletions
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Split(in); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(lines), "changed-lines")
}
