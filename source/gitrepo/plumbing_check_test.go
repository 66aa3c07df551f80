package gitrepo

import (
	"context"
	"math"
	"os"
	"os/exec"
	"path"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mvcbot/mvc/analyzer/delivery"
)

// TestAgainstPlumbing checks the `tags` delivery computation on a real
// repository against an independent one made of git plumbing: tags from
// `git for-each-ref`, and for each deployment one `git log --no-merges
// <sha> --not <earlier deployments>`. It is run by hand, never in CI:
//
//	MVC_CHECK_REPO=/tmp/cobra MVC_CHECK_UNTIL=2025-01-01T00:00:00Z \
//	  go test ./source/gitrepo -run AgainstPlumbing -v
//
// MVC_CHECK_PATTERN changes the tag glob (default v*).
func TestAgainstPlumbing(t *testing.T) {
	dir := os.Getenv("MVC_CHECK_REPO")
	if dir == "" {
		t.Skip("set MVC_CHECK_REPO to a clone with release tags to run this check")
	}
	pattern := envOr("MVC_CHECK_PATTERN", delivery.DefaultTagPattern)
	until, err := time.Parse(time.RFC3339, envOr("MVC_CHECK_UNTIL", time.Now().UTC().Format(time.RFC3339)))
	if err != nil {
		t.Fatal(err)
	}
	deploys := plumbingDeployments(t, dir, pattern)
	leads := plumbingLeadTimes(t, dir, deploys)
	ours := NewDeliveries(&Repo{Dir: dir})
	tagged, err := ours.Deployments(context.Background(), delivery.Query{Source: delivery.SourceTags, TagPattern: pattern})
	if err != nil {
		t.Fatal(err)
	}
	h, err := ours.History(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, days := range []int{36500, 365, 90} {
		m := delivery.Compute(h, tagged, delivery.Options{Source: delivery.SourceTags, Until: until, WindowDays: days})
		want := plumbingWindow(deploys, leads, until, days)
		got := []float64{float64(m.Deploys), float64(m.LeadTime.N), deref(m.LeadTime.Median), deref(m.LeadTime.P75), deref(m.LeadTime.P90)}
		t.Logf("%s, %d days: deploys %v/%v, n %v/%v, median %.2f/%.2f h, p75 %.2f/%.2f h, p90 %.2f/%.2f h (mvc/plumbing)",
			dir, days, got[0], want[0], got[1], want[1], got[2], want[2], got[3], want[3], got[4], want[4])
		for i, name := range []string{"deploys", "n", "median", "p75", "p90"} {
			if !within(got[i], want[i], 0.005) {
				t.Errorf("%d days: %s = %v, plumbing says %v (more than 0.5 %% apart)", days, name, got[i], want[i])
			}
		}
	}
}

type plumbingDeploy struct {
	name, sha string
	at        time.Time
}

// plumbingDeployments reads the tags: annotated ones at their tagger date,
// lightweight ones at their commit's committer date; one per commit, the
// earliest.
func plumbingDeployments(t *testing.T, dir, pattern string) []plumbingDeploy {
	out := gitOut(t, dir, nil, "for-each-ref", "--format=%(refname:strip=2) %(objecttype) %(objectname) %(*objectname) %(taggerdate:unix) %(committerdate:unix) %(*committerdate:unix)", "refs/tags")
	earliest := map[string]plumbingDeploy{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		f := strings.Split(line, " ")
		if ok, _ := path.Match(pattern, f[0]); !ok {
			continue
		}
		sha, secs := f[2], f[5]
		if f[1] == "tag" {
			sha, secs = f[3], f[4]
			if secs == "" {
				secs = f[6]
			}
		}
		n, err := strconv.ParseInt(secs, 10, 64)
		if err != nil {
			continue // a tag of a tree, or a tag of a tag
		}
		d := plumbingDeploy{name: f[0], sha: sha, at: time.Unix(n, 0).UTC()}
		if prev, ok := earliest[sha]; !ok || d.at.Before(prev.at) || (d.at.Equal(prev.at) && d.name < prev.name) {
			earliest[sha] = d
		}
	}
	var list []plumbingDeploy
	for _, d := range earliest {
		list = append(list, d)
	}
	sort.Slice(list, func(i, j int) bool {
		if !list[i].at.Equal(list[j].at) {
			return list[i].at.Before(list[j].at)
		}
		return list[i].name < list[j].name
	})
	return list
}

// plumbingLeadTimes lists, per deployment, the hours from each commit it
// shipped (git log --no-merges sha --not earlier shas) to the deployment.
func plumbingLeadTimes(t *testing.T, dir string, deploys []plumbingDeploy) [][]float64 {
	leads := make([][]float64, len(deploys))
	var not strings.Builder
	for i, d := range deploys {
		if i > 0 {
			out := gitOut(t, dir, strings.NewReader(d.sha+"\n"+not.String()), "log", "--no-merges", "--format=%at", "--stdin")
			for _, s := range strings.Fields(out) {
				n, _ := strconv.ParseInt(s, 10, 64)
				leads[i] = append(leads[i], d.at.Sub(time.Unix(n, 0)).Hours())
			}
		}
		not.WriteString("^" + d.sha + "\n")
	}
	return leads
}

// plumbingWindow is deploys, n, median, p75 and p90 in (until-days, until].
func plumbingWindow(deploys []plumbingDeploy, leads [][]float64, until time.Time, days int) []float64 {
	start := until.AddDate(0, 0, -days)
	var all []float64
	count := 0
	for i, d := range deploys {
		if d.at.After(start) && !d.at.After(until) {
			count++
			all = append(all, leads[i]...)
		}
	}
	sort.Float64s(all)
	q := func(p float64) float64 {
		if len(all) == 0 {
			return math.NaN()
		}
		pos := p * float64(len(all)-1)
		lo := int(pos)
		hi := min(lo+1, len(all)-1)
		return all[lo] + (pos-float64(lo))*(all[hi]-all[lo])
	}
	return []float64{float64(count), float64(len(all)), q(0.5), q(0.75), q(0.9)}
}

func gitOut(t *testing.T, dir string, stdin *strings.Reader, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	if stdin != nil {
		cmd.Stdin = stdin
	}
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("git %v: %v", args, err)
	}
	return string(out)
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

func deref(v *float64) float64 {
	if v == nil {
		return math.NaN()
	}
	return *v
}

func within(got, want, tolerance float64) bool {
	if math.IsNaN(got) || math.IsNaN(want) {
		return math.IsNaN(got) && math.IsNaN(want)
	}
	if want == 0 {
		return got == 0
	}
	return math.Abs(got-want)/math.Abs(want) <= tolerance
}
