package app

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-github/v60/github"

	"github.com/mvcbot/mvc/action"
	"github.com/mvcbot/mvc/internal/fakegithub"
)

// TestOpenedThenSynchronize runs the Action's real flow against the fake
// GitHub: an oversized pull request gets one sticky comment and its label;
// a later push edits that comment instead of adding one.
func TestOpenedThenSynchronize(t *testing.T) {
	h := newHarness(t)
	h.addPull(8, 5, 120)
	if rec := h.deliver("pull_request", "d-1", h.prPayload("opened", 8)); rec.Code != http.StatusAccepted {
		t.Fatalf("%d %s", rec.Code, rec.Body)
	}
	h.srv.Wait()
	marked := h.markedComments(8)
	if len(marked) != 1 {
		t.Fatalf("%d marked comments, want 1\nlogs:\n%s", len(marked), h.logs.String())
	}
	if got := h.repo.IssueLabels(8); !slices.Equal(got, []string{"size/XL"}) {
		t.Errorf("labels = %v, want [size/XL]", got)
	}
	for _, r := range h.gh.Requests() {
		if strings.HasSuffix(r.Path, "/installation") {
			t.Errorf("looked the installation up although the payload names it: %s", r)
		}
	}
	if st := h.repo.Statuses(headSHA(8)); len(st) != 1 || st[0].GetContext() != "mvc/size" || st[0].GetState() != "failure" ||
		!strings.HasPrefix(st[0].GetDescription(), "Too large: size XL") {
		t.Errorf("statuses = %+v, want one mvc/size failure: fail-on too-large is the default", st)
	}
	if logs := h.logs.String(); !strings.Contains(logs, "verdict=too-large size=XL") || !strings.Contains(logs, "delivery=d-1") {
		t.Errorf("no outcome line with the delivery's attributes:\n%s", logs)
	}

	h.addPull(8, 2, 20)
	if rec := h.deliver("pull_request", "d-2", h.prPayload("synchronize", 8)); rec.Code != http.StatusAccepted {
		t.Fatalf("%d %s", rec.Code, rec.Body)
	}
	h.srv.Wait()
	after := h.markedComments(8)
	if len(after) != 1 || after[0].GetID() != marked[0].GetID() {
		t.Fatalf("after synchronize: %d marked comments (want the same one edited)", len(after))
	}
	if !strings.Contains(after[0].GetBody(), "Now within budget") {
		t.Errorf("comment not edited:\n%s", after[0].GetBody())
	}
	if got := h.repo.IssueLabels(8); !slices.Equal(got, []string{"size/M"}) {
		t.Errorf("labels = %v, want [size/M]", got)
	}
	if st := h.repo.Statuses(headSHA(8)); len(st) != 2 || st[1].GetState() != "success" ||
		!strings.HasPrefix(st[1].GetDescription(), "A Minimum Viable Change: size M") {
		t.Errorf("statuses = %+v, want the failure then a success", st)
	}
}

// TestStatusWithoutPermissionWarns: an App installed without the Commit
// statuses permission still comments and labels; the log says what to
// grant.
func TestStatusWithoutPermissionWarns(t *testing.T) {
	h := newHarness(t)
	h.addPull(9, 1, 10)
	h.gh.FailNext("POST", "/repos/"+h.repo.FullName()+"/statuses/"+headSHA(9), http.StatusForbidden, nil,
		`{"message":"Resource not accessible by integration"}`)
	h.deliver("pull_request", "d-1", h.prPayload("opened", 9))
	h.srv.Wait()
	if logs := h.logs.String(); !strings.Contains(logs, "level=WARN") || !strings.Contains(logs, "Commit statuses (write) permission") || !strings.Contains(logs, "exit=0") {
		t.Errorf("logs lack the permission warning:\n%s", logs)
	}
	if got := h.repo.IssueLabels(9); !slices.Equal(got, []string{"size/S"}) {
		t.Errorf("labels = %v, want [size/S]", got)
	}
}

// TestBadConfigIsLogged: a config mistake posts no comment; the reason
// reaches the log, where the App's operator looks, and an error status,
// where the pull request's author looks.
func TestBadConfigIsLogged(t *testing.T) {
	h := newHarness(t)
	h.addPull(4, 1, 10)
	h.repo.SetFile(strings.Repeat("0", 32)+"ba5e0004", ".github/mvc.yml", "budget: {lines: lots}\n")
	h.deliver("pull_request", "d-1", h.prPayload("opened", 4))
	h.srv.Wait()
	logs := h.logs.String()
	if !strings.Contains(logs, "level=ERROR") || !strings.Contains(logs, "mvc.yml") || !strings.Contains(logs, "exit=2") {
		t.Errorf("logs lack the config error:\n%s", logs)
	}
	if n := len(h.repo.Comments(4)); n != 0 {
		t.Errorf("%d comments after a bad config", n)
	}
	if st := h.repo.Statuses(headSHA(4)); len(st) != 1 || st[0].GetState() != "error" || !strings.Contains(st[0].GetDescription(), "mvc.yml") {
		t.Errorf("statuses = %+v, want one error status naming .github/mvc.yml", st)
	}
}

// TestOnePullRequestNeverRunsTwiceAtOnce holds the first run until a second
// delivery for the same pull request has arrived: the second waits, so
// there is only ever one sticky comment.
func TestOnePullRequestNeverRunsTwiceAtOnce(t *testing.T) {
	h := newHarness(t, func(c *Config) { c.Workers = 4 })
	h.addPull(8, 5, 120)
	var (
		mu            sync.Mutex
		running, most int
		started       = make(chan struct{}, 4)
		release       = make(chan struct{})
	)
	runs := h.stubRuns(func(ctx context.Context, env action.Env) int {
		mu.Lock()
		running++
		most = max(most, running)
		mu.Unlock()
		started <- struct{}{}
		<-release
		code := action.Run(ctx, env)
		mu.Lock()
		running--
		mu.Unlock()
		return code
	})
	h.deliver("pull_request", "d-1", h.prPayload("opened", 8))
	<-started
	for _, id := range []string{"d-2", "d-3"} {
		if rec := h.deliver("pull_request", id, h.prPayload("synchronize", 8)); rec.Code != http.StatusAccepted {
			t.Fatalf("%s: %d %s", id, rec.Code, rec.Body)
		}
	}
	close(release)
	h.srv.Wait()
	if most != 1 {
		t.Errorf("%d runs for one pull request at once, want 1", most)
	}
	// d-3 replaced d-2 while it waited: the run reads the pull request afresh.
	if n := runs.get(); n != 2 {
		t.Errorf("%d runs, want 2 (the first, then one for the waiting events)", n)
	}
	if n := len(h.markedComments(8)); n != 1 {
		t.Errorf("%d marked comments, want 1", n)
	}
}

func TestRedeliveryRunsOnce(t *testing.T) {
	h := newHarness(t)
	runs := h.stubRuns(ok)
	body := h.prPayload("opened", 3)
	first := h.deliver("pull_request", "d-1", body)
	h.srv.Wait()
	again := h.deliver("pull_request", "d-1", body)
	h.srv.Wait()
	if first.Code != http.StatusAccepted || again.Code != http.StatusOK || !strings.Contains(again.Body.String(), "duplicate") {
		t.Errorf("answers %d, %d %q", first.Code, again.Code, again.Body)
	}
	if n := runs.get(); n != 1 {
		t.Errorf("%d runs, want 1", n)
	}
}

// TestFailedRunCanBeRedelivered: a run that failed forgets its delivery,
// so "Redeliver" in the App's settings runs it again.
func TestFailedRunCanBeRedelivered(t *testing.T) {
	h := newHarness(t)
	runs := h.stubRuns(func(context.Context, action.Env) int { return action.ExitFailure })
	body := h.prPayload("opened", 3)
	h.deliver("pull_request", "d-1", body)
	h.srv.Wait()
	if rec := h.deliver("pull_request", "d-1", body); rec.Code != http.StatusAccepted {
		t.Errorf("redelivery after a failure: %d %s", rec.Code, rec.Body)
	}
	h.srv.Wait()
	if n := runs.get(); n != 2 {
		t.Errorf("%d runs, want 2", n)
	}
}

func TestQueueFull(t *testing.T) {
	h := newHarness(t, func(c *Config) { c.Workers, c.Queue = 1, 1 })
	started, release := make(chan struct{}, 3), make(chan struct{})
	runs := h.stubRuns(func(context.Context, action.Env) int {
		started <- struct{}{}
		<-release
		return action.ExitOK
	})
	h.deliver("pull_request", "d-1", h.prPayload("opened", 1)) // runs
	<-started
	steps := []struct {
		delivery string
		pr       int
		want     int
	}{
		{"d-2", 2, http.StatusAccepted},           // waits in the queue
		{"d-3", 3, http.StatusServiceUnavailable}, // no room
		{"d-4", 1, http.StatusAccepted},           // waits behind pull request 1's run, taking no room
	}
	for _, s := range steps {
		if rec := h.deliver("pull_request", s.delivery, h.prPayload("synchronize", s.pr)); rec.Code != s.want {
			t.Errorf("%s: %d %s, want %d", s.delivery, rec.Code, rec.Body, s.want)
		}
	}
	close(release)
	h.srv.Wait()
	// GitHub redelivers the refused one with the same id: it runs now.
	if rec := h.deliver("pull_request", "d-3", h.prPayload("synchronize", 3)); rec.Code != http.StatusAccepted {
		t.Errorf("redelivery of a refused delivery: %d %s", rec.Code, rec.Body)
	}
	h.srv.Wait()
	if n := runs.get(); n != 4 {
		t.Errorf("%d runs, want 4", n)
	}
}

// TestShutdownDrains: work taken before shutdown still runs; deliveries
// after it are refused for GitHub to redeliver elsewhere.
func TestShutdownDrains(t *testing.T) {
	h := newHarness(t, func(c *Config) { c.Workers = 1 })
	started, release := make(chan struct{}, 3), make(chan struct{})
	runs := h.stubRuns(func(context.Context, action.Env) int {
		started <- struct{}{}
		<-release
		return action.ExitOK
	})
	h.deliver("pull_request", "d-1", h.prPayload("opened", 1))
	h.deliver("pull_request", "d-2", h.prPayload("opened", 2))
	<-started
	done := make(chan error)
	go func() { done <- h.srv.Shutdown(context.Background()) }()
	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if n := runs.get(); n != 2 {
		t.Errorf("%d runs after shutdown, want both", n)
	}
	if rec := h.deliver("pull_request", "d-3", h.prPayload("opened", 3)); rec.Code != http.StatusServiceUnavailable {
		t.Errorf("after shutdown: %d, want 503", rec.Code)
	}
}

// TestShutdownDeadlineCancelsRuns: past the deadline, runs see their
// context cancelled.
func TestShutdownDeadlineCancelsRuns(t *testing.T) {
	h := newHarness(t)
	started := make(chan struct{}, 1)
	h.stubRuns(func(ctx context.Context, _ action.Env) int {
		started <- struct{}{}
		<-ctx.Done()
		return action.ExitFailure
	})
	h.deliver("pull_request", "d-1", h.prPayload("opened", 1))
	<-started
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := h.srv.Shutdown(ctx); !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "1 runs cancelled") {
		t.Errorf("Shutdown = %v, want context.Canceled naming the cancelled run", err)
	}
	if logs := h.logs.String(); !strings.Contains(logs, "level=WARN msg=\"run cancelled: mvc stopped before it ended; redeliver it from the App's settings\"") {
		t.Errorf("the cancelled run is not logged as one to redeliver:\n%s", logs)
	}
}

// TestRunEnvironment: the run sees what a workflow step would, with the
// App's credentials as inputs, the payload's installation and no checkout.
func TestRunEnvironment(t *testing.T) {
	h := newHarness(t)
	var got action.Env
	var event []byte
	vars := map[string]string{}
	h.stubRuns(func(_ context.Context, env action.Env) int {
		got = env
		for _, k := range []string{"GITHUB_EVENT_NAME", "GITHUB_REPOSITORY", "GITHUB_API_URL", "INPUT_MODE", "INPUT_APP-ID", "GITHUB_OUTPUT", "GITHUB_STEP_SUMMARY"} {
			vars[k] = env.Getenv(k)
		}
		event, _ = os.ReadFile(env.Getenv("GITHUB_EVENT_PATH"))
		if fi, err := os.Stat(env.Getenv("GITHUB_WORKSPACE")); err != nil || !fi.IsDir() {
			t.Errorf("workspace %q: %v", env.Getenv("GITHUB_WORKSPACE"), err)
		}
		if !strings.Contains(env.Getenv("INPUT_APP-PRIVATE-KEY"), "RSA PRIVATE KEY") {
			t.Error("no private key input")
		}
		return action.ExitOK
	})
	body := h.prPayload("opened", 3)
	h.deliver("pull_request", "d-1", body)
	h.srv.Wait()
	want := map[string]string{
		"GITHUB_EVENT_NAME": "pull_request", "GITHUB_REPOSITORY": "octo/app",
		"GITHUB_API_URL": strings.TrimSuffix(h.gh.BaseURL(), "/"), "INPUT_MODE": "pr", "INPUT_APP-ID": "42",
		"GITHUB_STEP_SUMMARY": "",
	}
	for k, v := range want {
		if vars[k] != v {
			t.Errorf("%s = %q, want %q", k, vars[k], v)
		}
	}
	if out := vars["GITHUB_OUTPUT"]; filepath.Dir(out) != filepath.Dir(got.Getenv("GITHUB_EVENT_PATH")) {
		t.Errorf("GITHUB_OUTPUT = %q, want a file in the run's scratch directory", out)
	}
	if string(event) != string(body) {
		t.Errorf("event file differs from the payload")
	}
	if got.InstallationID != h.installation || !got.NoCheckout || got.HTTPClient == nil || got.Now == nil || got.Sleep == nil {
		t.Errorf("env = %+v", got)
	}
	if _, err := os.Stat(filepath.Dir(got.Getenv("GITHUB_EVENT_PATH"))); !os.IsNotExist(err) {
		t.Errorf("the run's scratch directory is left behind: %v", err)
	}
}

// An issues delivery runs the Action's issue mode: an issue too big for
// one MVC gets one comment with a proposed breakdown.
func TestIssueTooBigGetsABreakdown(t *testing.T) {
	h := newHarness(t)
	body := "- [ ] one\n- [ ] two\n- [ ] three\n- [ ] four\n- [ ] five\n- [ ] six"
	n := h.repo.AddIssue(fakegithub.Issue{Title: "Big", Body: body})
	payload, _ := json.Marshal(github.IssuesEvent{
		Action:       github.String("opened"),
		Issue:        &github.Issue{Number: github.Int(n), State: github.String("open")},
		Repo:         &github.Repository{FullName: github.String(h.repo.FullName()), Name: github.String(h.repo.Name), Owner: &github.User{Login: github.String(h.repo.Owner)}},
		Installation: &github.Installation{ID: github.Int64(h.installation)},
	})
	if rec := h.deliver("issues", "d-issue", payload); rec.Code != http.StatusAccepted {
		t.Fatalf("%d %s", rec.Code, rec.Body)
	}
	h.srv.Wait()
	var marked int
	for _, c := range h.repo.Comments(n) {
		if strings.Contains(c.GetBody(), "<!-- mvc:issue-report -->") && strings.Contains(c.GetBody(), "Proposed breakdown") {
			marked++
		}
	}
	if marked != 1 {
		t.Errorf("%d breakdown comments, want 1\nlogs:\n%s", marked, h.logs.String())
	}
}

// Runs for one installation share its token: the second delivery mints
// none.
func TestRunsShareTheInstallationToken(t *testing.T) {
	h := newHarness(t)
	h.addPull(8, 1, 10)
	h.addPull(9, 1, 10)
	h.deliver("pull_request", "d-1", h.prPayload("opened", 8))
	h.srv.Wait()
	h.deliver("pull_request", "d-2", h.prPayload("opened", 9))
	h.srv.Wait()
	minted := 0
	for _, r := range h.gh.Requests() {
		if r.Method == "POST" && strings.HasSuffix(r.Path, "/access_tokens") {
			minted++
		}
	}
	if minted != 1 {
		t.Errorf("%d installation tokens minted for two runs, want 1\nlogs:\n%s", minted, h.logs.String())
	}
	if got := h.repo.IssueLabels(9); len(got) != 1 {
		t.Errorf("the second run did not label: %v\nlogs:\n%s", got, h.logs.String())
	}
}
