package splitbench

import (
	"testing"
	"time"
)

func TestRunsAndEligibility(t *testing.T) {
	day := 24 * time.Hour
	t0 := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	c := func(sha, parent, email, subject string, at time.Duration) commit {
		return commit{sha: sha, parent: parent, email: email, name: "x", when: t0.Add(at), subject: subject}
	}
	history := []commit{
		c("a", "0", "ann@x", "add parser", 0),
		c("b", "a", "ann@x", "use parser", day),
		c("c", "b", "ann@x", "Revert \"use parser\"", 2*day), // breaks the run
		c("d", "c", "ann@x", "docs", 3*day),
		c("e", "d", "ann@x", "more docs", 20*day), // more than 14 days later
		c("f", "e", "ann@x", "tests", 21*day),
		c("g", "f", "dependabot[bot]@x", "bump x", 22*day),
		c("h", "g", "bob@x", "one", 23*day),
		c("i", "h", "bob@x", "fixup! one", 23*day),
		c("j", "i", "bob@x", "two", 24*day),
		c("k", "j", "bob@x", "Release v1.2.0", 25*day),
		c("l", "k", "bob@x", "three", 26*day),
		c("m", "l", "bob@x", "four", 26*day),
	}
	got := runs(history)
	want := [][]string{{"a", "b"}, {"e", "f"}, {"l", "m"}}
	if len(got) != len(want) {
		t.Fatalf("runs = %v, want %v", shas(got), want)
	}
	for i := range want {
		if s := shas(got[i : i+1])[0]; len(s) != len(want[i]) || s[0] != want[i][0] || s[len(s)-1] != want[i][len(want[i])-1] {
			t.Errorf("run %d = %v, want %v", i, s, want[i])
		}
	}
	if eligible(commit{parent: "p", merge: true, email: "a@x"}) {
		t.Error("a merge commit is eligible")
	}
}

func shas(rs [][]commit) [][]string {
	var out [][]string
	for _, r := range rs {
		var s []string
		for _, c := range r {
			s = append(s, c.sha)
		}
		out = append(out, s)
	}
	return out
}

func TestQuotaSpreadsEvenly(t *testing.T) {
	ks := []int{2, 3, 4, 5}
	total := 0
	for _, k := range ks {
		total += quota(10, ks, k)
	}
	if total != 10 || quota(10, ks, 2) != 3 || quota(10, ks, 5) != 2 {
		t.Errorf("quotas of 10 over %v: total %d, k=2 %d, k=5 %d", ks, total, quota(10, ks, 2), quota(10, ks, 5))
	}
}
