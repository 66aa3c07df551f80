package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/mvcbot/mvc/internal/gittest"
)

func utc(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

// taggedRepo builds a history with release tags on controlled dates:
//
//	c1 (Jan 1)                      v0.1.0, lightweight: the first deployment
//	c2 (written Jan 2, rebased Jan 3)
//	c3 (Jan 3 12:00 +02:00)         v0.2.0, annotated Jan 4 10:00: ships c2 (49 h), c3 (24 h)
//	c4 (Jan 8)                      nightly: outside the pattern
//	c5 (Jan 9)                      v0.3.0-rc.1 (Jan 10) and v0.3.0 (Jan 11): ships c4 (48 h), c5 (24 h)
func taggedRepo(t *testing.T) *gittest.Repo {
	g := gittest.New(t)
	g.Write("a", "1")
	c1 := g.CommitAt("c1", utc("2024-01-01T10:00:00Z"), utc("2024-01-01T10:00:00Z"))
	g.Tag("v0.1.0", c1)
	g.Write("a", "2")
	g.CommitAt("c2", utc("2024-01-02T09:00:00Z"), utc("2024-01-03T09:00:00Z"))
	g.Write("a", "3")
	c3 := g.CommitAt("c3", utc("2024-01-03T12:00:00+02:00"), utc("2024-01-03T12:00:00+02:00"))
	g.AnnotatedTag("v0.2.0", c3, utc("2024-01-04T10:00:00Z"))
	g.Write("a", "4")
	c4 := g.CommitAt("c4", utc("2024-01-08T10:00:00Z"), utc("2024-01-08T10:00:00Z"))
	g.Tag("nightly", c4)
	g.Write("a", "5")
	c5 := g.CommitAt("c5", utc("2024-01-09T10:00:00Z"), utc("2024-01-09T10:00:00Z"))
	g.AnnotatedTag("v0.3.0", c5, utc("2024-01-11T10:00:00Z"))
	g.AnnotatedTag("v0.3.0-rc.1", c5, utc("2024-01-10T10:00:00Z"))
	return g
}

func decodeReport(t *testing.T, res result) map[string]any {
	t.Helper()
	if res.code != 0 {
		t.Fatalf("exit %d\nstderr: %s", res.code, res.stderr)
	}
	var out map[string]any
	if err := json.Unmarshal([]byte(res.stdout), &out); err != nil {
		t.Fatalf("stdout is not JSON: %v\n%s", err, res.stdout)
	}
	return out
}

func TestReportTagsJSON(t *testing.T) {
	g := taggedRepo(t)
	res := runMVC(t, g.Dir, nil, "report", "--deploy-source", "tags", "--until", "2024-01-14T00:00:00Z", "--window-days", "14", "--format", "json")
	got := decodeReport(t, res)
	want := map[string]any{
		"source": "tags", "proxy": false,
		"window":  map[string]any{"start": "2023-12-31T00:00:00Z", "end": "2024-01-14T00:00:00Z", "days": 14.0},
		"deploys": 3.0, "deploys_per_day": 3.0 / 14, "deploys_per_week": 1.5,
		"hours_between_deploys": map[string]any{"median": 108.0, "n": 2.0},
		"lead_time_hours":       map[string]any{"median": 36.0, "p75": 48.25, "p90": 48.7, "n": 4.0},
		"series": []any{
			map[string]any{"week": "2023-W52", "start": "2023-12-25", "deploys": 0.0, "lead_time_hours_median": nil, "failures": 0.0, "change_failure_rate": nil},
			map[string]any{"week": "2024-W01", "start": "2024-01-01", "deploys": 2.0, "lead_time_hours_median": 36.5, "failures": 0.0, "change_failure_rate": 0.0},
			map[string]any{"week": "2024-W02", "start": "2024-01-08", "deploys": 1.0, "lead_time_hours_median": 36.0, "failures": 0.0, "change_failure_rate": 0.0},
		},
	}
	for key, w := range want {
		if diff := cmp.Diff(w, got[key]); diff != "" {
			t.Errorf("%s (-want +got):\n%s", key, diff)
		}
	}
	deploys := got["deployments"].([]any)
	refs := []string{}
	for _, d := range deploys {
		refs = append(refs, d.(map[string]any)["ref"].(string))
	}
	if diff := cmp.Diff([]string{"v0.1.0", "v0.2.0", "v0.3.0-rc.1"}, refs); diff != "" {
		t.Errorf("deployment refs (-want +got):\n%s", diff)
	}
	if first := deploys[0].(map[string]any); first["first"] != true || first["commits"] != 0.0 {
		t.Errorf("first deployment %v, want it marked and unmeasured", first)
	}
}

func TestReportAutoSaysWhichSourceItTook(t *testing.T) {
	g := taggedRepo(t)
	got := decodeReport(t, runMVC(t, g.Dir, nil, "report", "--until", "2024-01-14T00:00:00Z", "--format", "json"))
	if got["source"] != "tags" || got["auto_selected"] != true {
		t.Errorf("source %v auto %v, want tags chosen by auto", got["source"], got["auto_selected"])
	}
	skipped, _ := json.Marshal(got["skipped_sources"])
	if !strings.Contains(string(skipped), `"source":"deployments"`) || !strings.Contains(string(skipped), `"source":"releases"`) {
		t.Errorf("skipped sources %s, want deployments and releases named", skipped)
	}
	text := runMVC(t, g.Dir, nil, "report", "--until", "2024-01-14T00:00:00Z")
	if date := runMVC(t, g.Dir, nil, "report", "--until", "2024-01-14"); date.stdout != text.stdout {
		t.Errorf("--until 2024-01-14 reports\n%s\nwant the same as --until 2024-01-14T00:00:00Z:\n%s", date.stdout, text.stdout)
	}
	if !strings.Contains(text.stdout, "Source: tags (release tags: v and a digit (v2, v1.2.3), and versions such as 1.2.3, pkg@1.2.3, pkg-1.2.3), chosen by auto after deployments") {
		t.Errorf("text report does not name its source:\n%s", text.stdout)
	}
}

func TestReportFallsBackToTheMergesProxy(t *testing.T) {
	g := gittest.New(t)
	g.Write("a", "1")
	g.CommitAt("root", utc("2024-02-01T10:00:00Z"), utc("2024-02-01T10:00:00Z"))
	for _, day := range []string{"05", "06", "07"} {
		g.Git("checkout", "-q", "-b", "feature-"+day)
		g.Write("f"+day, "x")
		g.CommitAt("work "+day, utc("2024-02-"+day+"T08:00:00Z"), utc("2024-02-"+day+"T08:00:00Z"))
		g.Git("checkout", "-q", "main")
		g.Git("merge", "-q", "--no-ff", "--no-commit", "feature-"+day)
		g.CommitAt("Merge feature "+day, utc("2024-02-"+day+"T12:00:00Z"), utc("2024-02-"+day+"T12:00:00Z"))
	}
	got := decodeReport(t, runMVC(t, g.Dir, nil, "report", "--until", "2024-02-10T00:00:00Z", "--window-days", "7", "--format", "json"))
	lead := got["lead_time_hours"].(map[string]any)
	// The first merge is the first deployment; the next two ship one
	// feature commit each, 4 hours after it was written.
	if got["source"] != "merges" || got["proxy"] != true || got["deploys"] != 3.0 || lead["median"] != 4.0 || lead["n"] != 2.0 {
		t.Errorf("merges proxy: source %v proxy %v deploys %v lead %v", got["source"], got["proxy"], got["deploys"], lead)
	}
	// --branch names the branch as GitHub does: the clone's origin/release.
	g.Git("update-ref", "refs/remotes/origin/release", "main")
	g.Git("checkout", "-q", "feature-05")
	named := decodeReport(t, runMVC(t, g.Dir, nil, "report", "--until", "2024-02-10T00:00:00Z", "--window-days", "7", "--format", "json", "--deploy-source", "merges", "--branch", "release"))
	if named["deploys"] != 3.0 {
		t.Errorf("--branch release (origin/release): deploys %v, want 3", named["deploys"])
	}
	g.Git("checkout", "-q", "main")
	md := runMVC(t, g.Dir, nil, "report", "--until", "2024-02-10T00:00:00Z", "--window-days", "7", "--format", "markdown")
	if !strings.Contains(md.stdout, "**proxy**") || !strings.Contains(md.stdout, "```mermaid\nxychart-beta") {
		t.Errorf("markdown report lacks the proxy warning or the chart:\n%s", md.stdout)
	}
}

func TestReportWindowWithoutDeployments(t *testing.T) {
	g := taggedRepo(t)
	got := decodeReport(t, runMVC(t, g.Dir, nil, "report", "--until", "2023-06-01T00:00:00Z", "--format", "json"))
	lead := got["lead_time_hours"].(map[string]any)
	if got["deploys"] != 0.0 || lead["median"] != nil || lead["p90"] != nil || got["hours_between_deploys"].(map[string]any)["median"] != nil {
		t.Errorf("empty window: deploys %v lead %v", got["deploys"], lead)
	}
	// The tags source was found: no deployment in the window is a real zero.
	if got["source"] != "tags" || got["deploys_per_week"] != 0.0 || got["deploys_per_day"] != 0.0 {
		t.Errorf("empty window: source %v deploys_per_week %v deploys_per_day %v, want tags, 0, 0", got["source"], got["deploys_per_week"], got["deploys_per_day"])
	}
}

// A clone with no tags and no merges has no deployment source: the JSON
// says null where there is nothing to measure, never a fake zero.
func TestReportWithoutASourceIsNull(t *testing.T) {
	g := gittest.New(t)
	g.Write("a", "1")
	g.CommitAt("only commit", utc("2024-01-01T10:00:00Z"), utc("2024-01-01T10:00:00Z"))
	got := decodeReport(t, runMVC(t, g.Dir, nil, "report", "--until", "2024-01-14T00:00:00Z", "--format", "json"))
	if got["source"] != "auto" {
		t.Fatalf("source %v, want auto (none found)", got["source"])
	}
	for _, key := range []string{"deploys_per_week", "deploys_per_day"} {
		if v, ok := got[key]; !ok || v != nil {
			t.Errorf("%s = %v, want null", key, v)
		}
	}
	if _, ok := got["previous"]; ok {
		t.Errorf("previous = %v, want none: nothing was measured", got["previous"])
	}
	if levels := got["levels"].(map[string]any); levels["deployment_frequency"] != nil {
		t.Errorf("deployment frequency level %v, want null", levels["deployment_frequency"])
	}
}

// A shallow clone lacks the deployments and commits before its cut: its
// figures would be wrong, so the report refuses and says how to fix it.
func TestReportRefusesAShallowClone(t *testing.T) {
	g := taggedRepo(t)
	shallow := filepath.Join(t.TempDir(), "shallow")
	g.Git("clone", "-q", "--depth", "2", "file://"+g.Dir, shallow)
	res := runMVC(t, shallow, nil, "report", "--until", "2024-01-12T00:00:00Z")
	if res.code != exitBadInput || !strings.Contains(res.stderr, "git fetch --unshallow") || strings.Count(res.stderr, "\n") != 1 || res.stdout != "" {
		t.Errorf("code %d, stdout %q, stderr %q; want exit %d and one line saying to fetch the history", res.code, res.stdout, res.stderr, exitBadInput)
	}
}

func TestReportChartFile(t *testing.T) {
	g := taggedRepo(t)
	chart := filepath.Join(t.TempDir(), "delivery.svg")
	res := runMVC(t, g.Dir, nil, "report", "--until", "2024-01-14T00:00:00Z", "--chart", chart)
	if res.code != 0 {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	svg, err := os.ReadFile(chart)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(svg), "<svg") || !strings.Contains(string(svg), "Deploys per week") {
		t.Errorf("chart file:\n%.300s", svg)
	}
}

func TestReportBadInput(t *testing.T) {
	g := taggedRepo(t)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--deploy-source", "tag"}, `unknown deploy source "tag"`},
		{[]string{"--deploy-source", "deployments"}, "add --github owner/repo"},
		{[]string{"--deploy-source", "workflow", "--github", "o/r"}, "needs --deploy-workflow"},
		{[]string{"--format", "xml"}, `--format "xml": use text, markdown or json`},
		{[]string{"--until", "yesterday"}, `--until "yesterday": use a date like 2025-01-01`},
		{[]string{"--window-days", "0"}, "from 1 to 3660, got 0"},
		{[]string{"--window-days", "10000000"}, "from 1 to 3660, got 10000000"},
		{[]string{"--tag-pattern", "v[1-"}, "--tag-pattern"},
		{[]string{"--github", "just-a-name"}, "use owner/repo"},
		{[]string{"--github", "o/r"}, "set GITHUB_TOKEN"},
		{[]string{"--repo", t.TempDir()}, "inside a git clone"},
		{[]string{"stray"}, `unexpected argument "stray"`},
		{[]string{"--chart", g.Dir + "/missing/chart.svg"}, "the directory " + g.Dir + "/missing does not exist"},
		{[]string{"--branch", "nosuch", "--deploy-source", "merges"}, "--branch nosuch: no such branch or commit in the clone, nor origin/nosuch"},
		{[]string{"--branch", "nosuch"}, "--branch nosuch: no such branch"},
		{[]string{"--max-pr-lookups", "-1"}, "--max-pr-lookups -1: give a number of pull requests, or 0 for none"},
	}
	for _, tt := range tests {
		res := runMVC(t, g.Dir, nil, append([]string{"report"}, tt.args...)...)
		if res.code != exitBadInput || !strings.Contains(res.stderr, tt.want) || res.stdout != "" {
			t.Errorf("mvc report %v: exit %d, stderr %q; want exit 2 saying %q", tt.args, res.code, res.stderr, tt.want)
		}
	}
}

func TestReportHelp(t *testing.T) {
	res := runMVC(t, t.TempDir(), nil, "report", "--help")
	for _, want := range []string{"Usage: mvc report", "-deploy-source", "-tag-pattern", "-window-days", "Examples:", "mvc report --format json",
		"and its workflow runs the workflow source's deployments"} {
		if res.code != 0 || !strings.Contains(res.stdout, want) {
			t.Errorf("mvc report --help: exit %d, lacks %q:\n%s", res.code, want, res.stdout)
		}
	}
}

func TestReportForOneServiceOfAMonorepo(t *testing.T) {
	g := gittest.New(t)
	g.Write("api/main.go", "1")
	g.Write("web/index.html", "1")
	v1 := g.CommitAt("both", utc("2024-01-01T10:00:00Z"), utc("2024-01-01T10:00:00Z"))
	g.Tag("v1", v1)
	g.Write("api/main.go", "2")
	g.CommitAt("api change", utc("2024-01-02T10:00:00Z"), utc("2024-01-02T10:00:00Z"))
	g.Write("web/index.html", "2")
	v2 := g.CommitAt("web change", utc("2024-01-03T10:00:00Z"), utc("2024-01-03T10:00:00Z"))
	g.AnnotatedTag("v2", v2, utc("2024-01-04T10:00:00Z"))
	args := []string{"report", "--until", "2024-01-07T00:00:00Z", "--window-days", "7", "--format", "json"}
	all := decodeReport(t, runMVC(t, g.Dir, nil, args...))
	api := decodeReport(t, runMVC(t, g.Dir, nil, append(args, "--path", "api")...))
	// v2 ships both changes (48 h and 24 h); only the first touches api/.
	if lead := all["lead_time_hours"].(map[string]any); lead["n"] != 2.0 || lead["median"] != 36.0 {
		t.Errorf("whole repository: lead %v", lead)
	}
	if lead := api["lead_time_hours"].(map[string]any); lead["n"] != 1.0 || lead["median"] != 48.0 || api["deploys"] != 2.0 {
		t.Errorf("api only: lead %v deploys %v", lead, api["deploys"])
	}
	if !strings.Contains(api["source_detail"].(string), "changes to `api` only") {
		t.Errorf("source detail %q does not name the path", api["source_detail"])
	}
	// A path no commit touches is most likely mistyped: say so.
	res := runMVC(t, g.Dir, nil, append(args, "--path", "apj")...)
	if res.code != 0 || !strings.Contains(res.stderr, "no commit of the history touches apj") {
		t.Errorf("--path apj: exit %d, stderr %q; want a warning that no commit touches it", res.code, res.stderr)
	}
}

// The CLI words what a source lacked in its own flags.
func TestReportAdviceNamesTheCLIFlags(t *testing.T) {
	g := gittest.New(t)
	g.Write("a", "1")
	g.CommitAt("only commit", utc("2024-01-01T10:00:00Z"), utc("2024-01-01T10:00:00Z"))
	got := decodeReport(t, runMVC(t, g.Dir, nil, "report", "--until", "2024-01-14T00:00:00Z", "--format", "json"))
	skipped, _ := json.Marshal(got["skipped_sources"])
	if !strings.Contains(string(skipped), `{"reason":"needs the GitHub API: --github and a token","source":"deployments"}`) {
		t.Errorf("skipped sources %s, want deployments needing --github and a token", skipped)
	}
	text := runMVC(t, g.Dir, nil, "report", "--until", "2024-01-14T00:00:00Z")
	for _, want := range []string{"deployments (needs the GitHub API: --github and a token)", "or name a source with --deploy-source."} {
		if !strings.Contains(text.stdout, want) {
			t.Errorf("text report lacks %q:\n%s", want, text.stdout)
		}
	}
}

// The default counts release tags only: "v" and a digit, or a version;
// vendor/snapshot-2024 and vnext start with "v" but are not releases.
func TestReportDefaultTagsAreReleases(t *testing.T) {
	g := taggedRepo(t)
	g.Tag("vendor/snapshot-2024", "HEAD~1")
	g.Tag("vnext", "HEAD~1")
	res := runMVC(t, g.Dir, nil, "report", "--deploy-source", "tags", "--until", "2024-01-14T00:00:00Z", "--window-days", "14", "--format", "json")
	if got := decodeReport(t, res); got["deploys"] != 3.0 || strings.Contains(res.stdout, "vendor/") || strings.Contains(res.stdout, "vnext") {
		t.Errorf("deploys %v, want 3 (v0.1.0, v0.2.0, v0.3.0):\n%s", got["deploys"], res.stdout)
	}
	res = runMVC(t, g.Dir, nil, "report", "--deploy-source", "tags", "--tag-pattern", "v*", "--until", "2024-01-14T00:00:00Z", "--window-days", "14", "--format", "json")
	if got := decodeReport(t, res); got["deploys"] != 4.0 {
		t.Errorf("--tag-pattern 'v*' is a glob: deploys %v, want 4 (vnext too)", got["deploys"])
	}
}

// Mermaid charts leave out weeks without data instead of drawing them as
// 0 h lead time or 0 % failures; the deploys chart keeps its real zeros.
func TestReportMarkdownChartsSkipWeeksWithoutData(t *testing.T) {
	g := taggedRepo(t)
	res := runMVC(t, g.Dir, nil, "report", "--deploy-source", "tags", "--until", "2024-01-14T00:00:00Z", "--window-days", "14", "--format", "markdown")
	charts := map[string]string{}
	for _, block := range strings.Split(res.stdout, "```mermaid")[1:] {
		block, _, _ = strings.Cut(block, "```")
		title, _, _ := strings.Cut(strings.SplitN(block, `title "`, 2)[1], `"`)
		charts[title] = block
	}
	for title, want := range map[string]string{
		"Deploys per week": `x-axis ["2023-W52", "2024-W01", "2024-W02"]`,
		"Lead time for changes, weekly median (hours)": `x-axis ["2024-W01", "2024-W02"]`,
		"Change failure rate per week (%)":             `x-axis ["2024-W01", "2024-W02"]`,
	} {
		if !strings.Contains(charts[title], want) {
			t.Errorf("chart %q lacks %s:\n%s", title, want, res.stdout)
		}
	}
}

// A window that has not happened is not rated: an --until after now is
// refused in one line (exit 2), and one exactly now is taken. The clock is
// injected; the run is in-process.
func TestReportRefusesAFutureUntil(t *testing.T) {
	g := taggedRepo(t)
	t.Setenv("GIT_CONFIG_GLOBAL", "/dev/null")
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	now := utc("2024-01-10T00:00:00Z")
	for _, tc := range []struct {
		until string
		code  int
	}{
		{"2024-01-10T00:00:00Z", 0},
		{"2024-01-10T00:00:01Z", 2},
		{"2024-01-20", 2},
		{"2030-01-01", 2},
	} {
		var stdout, stderr bytes.Buffer
		e := &env{stdout: &stdout, stderr: &stderr, getenv: func(string) string { return "" }, now: func() time.Time { return now }}
		code := run(context.Background(), []string{"report", "--repo", g.Dir, "--until", tc.until, "--window-days", "30", "--format", "json"}, e)
		if code != tc.code {
			t.Errorf("--until %s: exit %d, want %d; stderr %s", tc.until, code, tc.code, stderr.String())
		}
		if tc.code == 2 && (strings.Count(strings.TrimSpace(stderr.String()), "\n") != 0 || !strings.Contains(stderr.String(), "in the future (it is 2024-01-10T00:00:00Z now)") || stdout.Len() != 0) {
			t.Errorf("--until %s: stderr %q, stdout %q; want one line saying it is in the future", tc.until, stderr.String(), stdout.String())
		}
	}
}
