package fakegithub

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// get sends a request to the fake and returns status, headers and body.
func send(t *testing.T, s *Server, method, path, body string) (int, http.Header, string) {
	t.Helper()
	req, err := http.NewRequest(method, s.URL()+BasePath+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := s.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, string(data)
}

func seededPull(t *testing.T, files int) *Server {
	s := New(t)
	var fs []File
	for i := range files {
		fs = append(fs, File{Name: fmt.Sprintf("f%03d", i), Additions: 1})
	}
	s.AddRepo("octo", "hello").AddPull(Pull{Number: 1, Files: fs})
	return s
}

func TestPaginationFollowsGitHub(t *testing.T) {
	s := seededPull(t, 250)
	tests := []struct {
		query string
		count int
		link  string
	}{
		{"", 30, `<http://HOST/api/v3/repos/octo/hello/pulls/1/files?page=2>; rel="next", <http://HOST/api/v3/repos/octo/hello/pulls/1/files?page=9>; rel="last"`},
		{"?per_page=500", 100, `<http://HOST/api/v3/repos/octo/hello/pulls/1/files?page=2&per_page=500>; rel="next", <http://HOST/api/v3/repos/octo/hello/pulls/1/files?page=3&per_page=500>; rel="last"`},
		{"?per_page=100&page=3", 50, `<http://HOST/api/v3/repos/octo/hello/pulls/1/files?page=1&per_page=100>; rel="first", <http://HOST/api/v3/repos/octo/hello/pulls/1/files?page=2&per_page=100>; rel="prev"`},
		{"?per_page=100&page=9", 0, `<http://HOST/api/v3/repos/octo/hello/pulls/1/files?page=1&per_page=100>; rel="first", <http://HOST/api/v3/repos/octo/hello/pulls/1/files?page=3&per_page=100>; rel="prev"`},
		{"?per_page=x", 30, `<http://HOST/api/v3/repos/octo/hello/pulls/1/files?page=2&per_page=x>; rel="next", <http://HOST/api/v3/repos/octo/hello/pulls/1/files?page=9&per_page=x>; rel="last"`},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			status, h, body := send(t, s, "GET", "/repos/octo/hello/pulls/1/files"+tt.query, "")
			var items []map[string]any
			if err := json.Unmarshal([]byte(body), &items); err != nil || status != 200 {
				t.Fatalf("status %d, body %q: %v", status, body, err)
			}
			if len(items) != tt.count {
				t.Errorf("items = %d, want %d", len(items), tt.count)
			}
			link := strings.ReplaceAll(h.Get("Link"), strings.TrimPrefix(s.URL(), "http://"), "HOST")
			if link != tt.link {
				t.Errorf("Link =\n%s\nwant\n%s", link, tt.link)
			}
		})
	}
}

func TestPullFilesStopAtTheCap(t *testing.T) {
	s := seededPull(t, 3001)
	_, h, body := send(t, s, "GET", "/repos/octo/hello/pulls/1/files?per_page=100&page=30", "")
	if strings.Contains(h.Get("Link"), `rel="next"`) || strings.Count(body, `"filename"`) != 100 {
		t.Errorf("page 30 of a 3,001-file pull request: Link %q, %d files", h.Get("Link"), strings.Count(body, `"filename"`))
	}
	_, _, pr := send(t, s, "GET", "/repos/octo/hello/pulls/1", "")
	if !strings.Contains(pr, `"changed_files":3001`) {
		t.Errorf("the pull request must count every file: %s", pr)
	}
}

func TestEveryResponseCarriesRateLimitHeaders(t *testing.T) {
	s := seededPull(t, 1)
	clock := NewClock(DefaultNow)
	s.SetClock(clock.Now)
	for i, path := range []string{"/repos/octo/hello/pulls/1", "/repos/octo/nope/pulls/1"} {
		_, h, _ := send(t, s, "GET", path, "")
		want := map[string]string{
			"X-Ratelimit-Limit": "5000", "X-Ratelimit-Remaining": fmt.Sprint(4999 - i), "X-Ratelimit-Used": fmt.Sprint(1 + i),
			"X-Ratelimit-Reset": fmt.Sprint(DefaultNow.Add(time.Hour).Unix()), "X-Ratelimit-Resource": "core",
		}
		for k, v := range want {
			if h.Get(k) != v {
				t.Errorf("%s: %s = %q, want %q", path, k, h.Get(k), v)
			}
		}
	}
}

func TestExhaustedLimitRefusesUntilTheReset(t *testing.T) {
	s := seededPull(t, 1)
	clock := NewClock(DefaultNow)
	s.SetClock(clock.Now)
	s.SetRateLimit(60, 0, DefaultNow.Add(time.Minute))
	status, h, body := send(t, s, "GET", "/repos/octo/hello/pulls/1", "")
	if status != 403 || h.Get("X-Ratelimit-Remaining") != "0" || !strings.Contains(body, MsgPrimaryLimit) {
		t.Errorf("exhausted: %d %q %s", status, h.Get("X-Ratelimit-Remaining"), body)
	}
	_ = clock.Sleep(t.Context(), time.Minute)
	if status, h, _ := send(t, s, "GET", "/repos/octo/hello/pulls/1", ""); status != 200 || h.Get("X-Ratelimit-Remaining") != "59" {
		t.Errorf("after the reset: %d, remaining %q", status, h.Get("X-Ratelimit-Remaining"))
	}
}

// recordingTB catches the fake's test failures.
type recordingTB struct {
	testing.TB
	mu     sync.Mutex
	errors []string
}

func (r *recordingTB) Errorf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

func TestUnexpectedRequestsFailTheTest(t *testing.T) {
	tb := &recordingTB{TB: t}
	s := New(tb)
	s.AddRepo("octo", "hello").AddPull(Pull{Number: 1, Labels: []string{"size/XL"}})
	for _, req := range []struct{ method, path string }{
		{"GET", "/repos/octo/hello/unknown"},
		{"PUT", "/repos/octo/hello/pulls/1"},
		// An unescaped slash names a different route.
		{"DELETE", "/repos/octo/hello/issues/1/labels/size/XL"},
	} {
		status, _, body := send(t, s, req.method, req.path, "")
		if status != 404 || !strings.Contains(body, `"message":"Not Found"`) {
			t.Errorf("%s %s: %d %s", req.method, req.path, status, body)
		}
	}
	// Outside the base path, as a client that builds absolute URLs sends.
	resp, err := s.Client().Get(s.URL() + "/repos/octo/hello/pulls/1")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	want := []string{
		"fakegithub: unexpected request GET /api/v3/repos/octo/hello/unknown",
		"fakegithub: unexpected request PUT /api/v3/repos/octo/hello/pulls/1",
		"fakegithub: unexpected request DELETE /api/v3/repos/octo/hello/issues/1/labels/size/XL",
		"fakegithub: unexpected request GET /repos/octo/hello/pulls/1",
	}
	if diff := cmp.Diff(want, tb.errors); diff != "" {
		t.Errorf("test failures (-want +got):\n%s", diff)
	}
}

func TestFaultsAreConsumedInOrder(t *testing.T) {
	s := seededPull(t, 1)
	s.FailNext("GET", "/repos/octo/hello/pulls/1", 502, nil, "")
	s.FailNextSecondaryLimit("GET", "/repos/octo/hello/pulls/1", 7*time.Second)
	var got []string
	for range 3 {
		status, h, body := send(t, s, "GET", "/repos/octo/hello/pulls/1", "")
		got = append(got, fmt.Sprintf("%d %s %t", status, h.Get("Retry-After"), strings.Contains(body, "secondary rate limit")))
	}
	want := []string{"502  false", "403 7 true", "200  false"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("answers (-want +got):\n%s", diff)
	}
	if s.Reads() != 3 || s.Writes() != 0 {
		t.Errorf("reads %d writes %d", s.Reads(), s.Writes())
	}
}

func TestReadOnlyRefusesWritesOnly(t *testing.T) {
	s := seededPull(t, 1)
	s.SetReadOnly(true)
	if status, _, _ := send(t, s, "GET", "/repos/octo/hello/issues/1/comments", ""); status != 200 {
		t.Errorf("read: %d", status)
	}
	status, _, body := send(t, s, "POST", "/repos/octo/hello/issues/1/comments", `{"body":"hi"}`)
	if status != 403 || !strings.Contains(body, MsgNotAccessible) {
		t.Errorf("write: %d %s", status, body)
	}
	if got := s.Requests()[1]; got.Method != "POST" || string(got.Body) != `{"body":"hi"}` {
		t.Errorf("recorded %s with body %q", got, got.Body)
	}
}

func TestTokensAreChecked(t *testing.T) {
	s := seededPull(t, 1)
	s.AcceptToken("good")
	for _, tt := range []struct {
		auth   string
		status int
	}{{"", 401}, {"token bad", 401}, {"token good", 200}, {"Bearer good", 200}} {
		req, _ := http.NewRequest("GET", s.BaseURL()+"repos/octo/hello/pulls/1", nil)
		req.Header.Set("Authorization", tt.auth)
		resp, err := s.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tt.status {
			t.Errorf("Authorization %q: %d, want %d", tt.auth, resp.StatusCode, tt.status)
		}
	}
}

func TestHandleAddsARoute(t *testing.T) {
	s := New(t)
	s.AddRepo("octo", "hello")
	s.Handle("GET", "/repos/{owner}/{repo}/widgets", func(w http.ResponseWriter, r *http.Request) {
		if _, ok := s.RepoOf(w, r); ok {
			Paginate(w, r, []int{1, 2, 3})
		}
	})
	status, h, body := send(t, s, "GET", "/repos/octo/hello/widgets?per_page=2", "")
	if status != 200 || strings.TrimSpace(body) != "[1,2]" || !strings.Contains(h.Get("Link"), `rel="next"`) {
		t.Errorf("%d %q %q", status, body, h.Get("Link"))
	}
	if status, _, _ := send(t, s, "GET", "/repos/octo/gone/widgets", ""); status != 404 {
		t.Errorf("unknown repository: %d", status)
	}
}
