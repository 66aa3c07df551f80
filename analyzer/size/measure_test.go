package size

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/mvcbot/mvc/analyzer"
)

func file(path string, add, del int) analyzer.FileChange {
	return analyzer.FileChange{Path: path, Status: analyzer.Modified, Additions: add, Deletions: del}
}

func TestMeasureWeights(t *testing.T) {
	tests := []struct {
		name     string
		files    []analyzer.FileChange
		weighted int
		size     Size
	}{
		{"empty change", nil, 0, XS},
		{"code additions count 1", []analyzer.FileChange{file("a.go", 9, 0)}, 9, XS},
		{"code deletions count 0.5", []analyzer.FileChange{file("a.go", 0, 20)}, 10, S},
		{"tests and docs count half", []analyzer.FileChange{file("a_test.go", 40, 0), file("README.md", 20, 0)}, 30, M},
		{"test deletions count a quarter", []analyzer.FileChange{file("a_test.go", 0, 10)}, 3, XS}, // 2.5 rounds up
		{"half rounds up", []analyzer.FileChange{file("a.go", 0, 1)}, 1, XS},
		{"excluded classes weigh nothing", []analyzer.FileChange{
			file("go.sum", 5000, 100), file("vendor/x/x.go", 9000, 0), file("x.pb.go", 700, 700),
			{Path: "logo.png", Status: analyzer.Added, Binary: true},
			{Path: "b.go", OldPath: "a.go", Status: analyzer.Renamed},
		}, 0, XS},
		{"bucket lower bound is inclusive", []analyzer.FileChange{file("a.go", 100, 0)}, 100, L},
		{"XL", []analyzer.FileChange{file("a.go", 999, 0)}, 999, XL},
		{"XXL", []analyzer.FileChange{file("a.go", 1000, 0)}, 1000, XXL},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Measure(analyzer.Change{Files: tt.files}, DefaultPolicy())
			if r.WeightedLines != tt.weighted || r.Size != tt.size {
				t.Errorf("weighted %d size %s, want %d %s", r.WeightedLines, r.Size, tt.weighted, tt.size)
			}
		})
	}
}

func TestMeasureCustomWeights(t *testing.T) {
	p := DefaultPolicy()
	p.Weights.Generated = 0.1
	p.Weights.Binary = 5
	p.Weights.Rename = 1
	files := []analyzer.FileChange{
		file("x.pb.go", 25, 0), // 2.5: float error must not round it down
		{Path: "logo.png", Status: analyzer.Modified, Binary: true},
		{Path: "b.go", OldPath: "a.go", Status: analyzer.Renamed},
	}
	r := Measure(analyzer.Change{Files: files}, p)
	if r.WeightedLines != 9 { // 2.5 + 5 + 1 = 8.5 → 9
		t.Errorf("weighted lines = %d, want 9; entries %+v", r.WeightedLines, r.Entries)
	}
}

// Fractional weights report what they add up to, not float error:
// 15 × 0.7 is 10.5 in the JSON, not 10.499999999999998.
func TestMeasureWeightsHaveNoFloatNoise(t *testing.T) {
	p := DefaultPolicy()
	p.Weights.Code = 0.7
	var files []analyzer.FileChange
	for i := range 15 {
		files = append(files, file(fmt.Sprintf("f%02d.go", i), 1, 0))
	}
	r := Measure(analyzer.Change{Files: files}, p)
	if len(r.Classes) != 1 || r.Classes[0].Weight != 10.5 || r.WeightedLines != 11 {
		t.Errorf("classes %+v, weighted lines %d; want code 10.5, 11", r.Classes, r.WeightedLines)
	}
	p.Weights.Code = 0.1
	r = Measure(analyzer.Change{Files: []analyzer.FileChange{file("a.go", 3, 0)}}, p)
	if r.Entries[0].Weight != 0.3 {
		t.Errorf("3 lines at 0.1: entry weight %v, want 0.3", r.Entries[0].Weight)
	}
}

func TestMeasureVerdict(t *testing.T) {
	many := func(n int, path string) []analyzer.FileChange {
		var fs []analyzer.FileChange
		for i := range n {
			fs = append(fs, file(fmt.Sprintf(path, i), 1, 0))
		}
		return fs
	}
	tests := []struct {
		name   string
		change analyzer.Change
		want   Verdict
		over   int
	}{
		{"within budget", analyzer.Change{Files: []analyzer.FileChange{file("a.go", 400, 0)}}, VerdictMVC, 0},
		{"over lines", analyzer.Change{Files: []analyzer.FileChange{file("a.go", 401, 0)}}, VerdictTooLarge, 1},
		{"40 files is within", analyzer.Change{Files: many(40, "f%d.go")}, VerdictMVC, 0},
		{"over files", analyzer.Change{Files: many(41, "f%d.go")}, VerdictTooLarge, 1},
		{"excluded files do not count", analyzer.Change{Files: many(500, "vendor/f%d.go")}, VerdictMVC, 0},
		{"both budgets", analyzer.Change{Files: append(many(41, "f%d.go"), file("big.go", 500, 0))}, VerdictTooLarge, 2},
		{"exempt label", analyzer.Change{Files: []analyzer.FileChange{file("a.go", 900, 0)},
			Labels: []string{"bug", "MVC/Exempt"}}, VerdictExempt, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Measure(tt.change, DefaultPolicy())
			if r.Verdict != tt.want || len(r.OverBudget) != tt.over {
				t.Errorf("verdict %s over %q, want %s with %d reasons", r.Verdict, r.OverBudget, tt.want, tt.over)
			}
		})
	}
}

func TestMeasureEmptyExemptLabelExemptsNothing(t *testing.T) {
	p := DefaultPolicy()
	p.ExemptLabel = ""
	r := Measure(analyzer.Change{Files: []analyzer.FileChange{file("a.go", 900, 0)}, Labels: []string{""}}, p)
	if r.Verdict != VerdictTooLarge {
		t.Errorf("verdict %s, want too-large", r.Verdict)
	}
}

func TestMeasureExactness(t *testing.T) {
	files := []analyzer.FileChange{file("a.go", 10, 2), file("b.go", 5, 0)}
	tests := []struct {
		name     string
		totals   analyzer.Totals
		exact    bool
		changed  int
		files    int
		unlisted *Unlisted
	}{
		{"no totals: the list is complete", analyzer.Totals{}, true, 17, 2, nil},
		{"totals agree", analyzer.Totals{Additions: 15, Deletions: 2, Files: 2}, true, 17, 2, nil},
		{"truncated list", analyzer.Totals{Additions: 55000, Deletions: 2, Files: 3400}, false, 55002, 3400,
			&Unlisted{Files: 3398, Additions: 54985}},
		{"inconsistent totals", analyzer.Totals{Additions: 14, Deletions: 2, Files: 2}, false, 16, 2,
			&Unlisted{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Measure(analyzer.Change{Files: files, Totals: tt.totals}, DefaultPolicy())
			if r.Exact != tt.exact || r.ChangedLines != tt.changed || r.Files != tt.files {
				t.Errorf("exact %v changed %d files %d, want %v %d %d", r.Exact, r.ChangedLines, r.Files, tt.exact, tt.changed, tt.files)
			}
			if diff := cmp.Diff(tt.unlisted, r.Unlisted); diff != "" {
				t.Errorf("unlisted (-want +got):\n%s", diff)
			}
			if r.WeightedLines != 16 { // 10 + 1 + 5: the listed files, a lower bound when inexact
				t.Errorf("weighted lines = %d, want 16", r.WeightedLines)
			}
		})
	}
}

func TestMeasureEntriesAndClasses(t *testing.T) {
	c := analyzer.Change{Base: "b1", Head: "h1", Files: []analyzer.FileChange{
		file("z.go", 4, 2),
		{Path: "new/name.go", OldPath: "old/name.go", Status: analyzer.Renamed},
		file("go.sum", 30, 10),
		file("a_test.go", 2, 0),
	}}
	r := Measure(c, DefaultPolicy())
	wantEntries := []Entry{
		{Path: "a_test.go", Status: analyzer.Modified, Class: Test, Why: "path matches *_test.*", Additions: 2, Weight: 1},
		{Path: "go.sum", Status: analyzer.Modified, Class: Lockfile, Why: "name matches go.sum", Additions: 30, Deletions: 10},
		{Path: "new/name.go", OldPath: "old/name.go", Status: analyzer.Renamed, Class: Rename, Why: "pure rename of old/name.go"},
		{Path: "z.go", Status: analyzer.Modified, Class: Code, Why: "source", Additions: 4, Deletions: 2, Weight: 5},
	}
	if diff := cmp.Diff(wantEntries, r.Entries); diff != "" {
		t.Errorf("entries (-want +got):\n%s", diff)
	}
	wantClasses := []ClassTotal{
		{Class: Code, Files: 1, Additions: 4, Deletions: 2, Weight: 5},
		{Class: Test, Files: 1, Additions: 2, Weight: 1},
		{Class: Lockfile, Files: 1, Additions: 30, Deletions: 10},
		{Class: Rename, Files: 1},
	}
	if diff := cmp.Diff(wantClasses, r.Classes); diff != "" {
		t.Errorf("classes (-want +got):\n%s", diff)
	}
	if r.ReviewableFiles != 2 || r.Files != 4 || r.ChangedLines != 48 || r.WeightedLines != 6 {
		t.Errorf("reviewable %d files %d changed %d weighted %d", r.ReviewableFiles, r.Files, r.ChangedLines, r.WeightedLines)
	}
}

// The JSON report's keys are a public contract (issue 2, section 4).
func TestResultJSONKeys(t *testing.T) {
	c := analyzer.Change{Files: []analyzer.FileChange{file("a.go", 1, 0)}}
	out, err := json.Marshal(Measure(c, DefaultPolicy()))
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	empty, _ := json.Marshal(Measure(analyzer.Change{}, DefaultPolicy()))
	if !strings.Contains(string(empty), `"classes":[]`) || !strings.Contains(string(empty), `"entries":[]`) {
		t.Errorf("an empty change should list no classes and entries as []: %s", empty)
	}
	for _, key := range []string{"verdict", "size", "weighted_lines", "changed_lines", "files", "reviewable_files", "exact", "budget", "entries"} {
		if _, ok := doc[key]; !ok {
			t.Errorf("JSON lacks key %q: %s", key, out)
		}
	}
	budget, _ := doc["budget"].(map[string]any)
	entry, _ := doc["entries"].([]any)[0].(map[string]any)
	for _, key := range []string{"lines", "files"} {
		if _, ok := budget[key]; !ok {
			t.Errorf("budget lacks key %q: %s", key, out)
		}
	}
	for _, key := range []string{"path", "old_path", "status", "class", "additions", "deletions", "weight"} {
		if _, ok := entry[key]; !ok {
			t.Errorf("entry lacks key %q: %s", key, out)
		}
	}
}

func TestPolicyValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Policy)
		want   string // substring of the error; "" for valid
	}{
		{"defaults are valid", func(*Policy) {}, ""},
		{"zero lines", func(p *Policy) { p.Budget.Lines = 0 }, "budget.lines must be a positive number"},
		{"negative files", func(p *Policy) { p.Budget.Files = -1 }, "budget.files must be a positive number"},
		{"buckets must increase", func(p *Policy) { p.Buckets.L = 30 }, "buckets.L (30) must be greater than buckets.M (30)"},
		{"negative XS", func(p *Policy) { p.Buckets.XS = -1 }, "buckets.XS must be 0 or more"},
		{"negative weight", func(p *Policy) { p.Weights.Docs = -0.5 }, "weights.docs must be a number from 0 to 1000"},
		{"bad ignore glob", func(p *Policy) { p.Ignore = []string{"ok/", "gen/[a-"} }, `ignore[1] "gen/[a-"`},
		{"negated and commented globs are fine", func(p *Policy) { p.Ignore = []string{"!x/**/*.go", "# [", ""} }, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := DefaultPolicy()
			tt.change(&p)
			err := p.Validate()
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("Validate() = %v, want nil", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("Validate() = %v, want an error containing %q", err, tt.want)
			}
		})
	}
}

// A weighted sum past an int saturates rather than wrapping to a negative
// size, which would read as a tiny change.
func TestRoundHalfUpSaturates(t *testing.T) {
	for v, want := range map[float64]int{2.5: 3, 2.4999999999: 3, 1e300: math.MaxInt64, math.Inf(1): math.MaxInt64} {
		if got := roundHalfUp(v); got != want {
			t.Errorf("roundHalfUp(%g) = %d, want %d", v, got, want)
		}
	}
}
