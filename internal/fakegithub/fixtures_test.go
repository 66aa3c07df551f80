package fakegithub

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// fixtures are GitHub's own example responses, beside the checkout.
const fixtures = "../../../shared/fixtures/rest"

// TestAnswersUseGitHubsFieldNames checks that every field the fake sends
// exists, at the same place, in GitHub's example response for the route:
// the fake may say less than GitHub, never something GitHub does not.
func TestAnswersUseGitHubsFieldNames(t *testing.T) {
	if _, err := os.Stat(fixtures); err != nil {
		t.Skipf("%s is absent: the real GitHub shapes are not checked", fixtures)
	}
	s := New(t)
	repo := s.AddRepo("octo", "hello")
	repo.AddPull(Pull{Number: 1, HeadRepo: "mona/hello", Labels: []string{"bug"}, Files: []File{
		{Name: "b.go", PreviousName: "a.go", Additions: 1, Patch: "@@ -1 +1 @@\n-a\n+b"}}})
	repo.SetFile("main", "README.md", "hello\n")
	repo.SetSubmodule("main", "lib", "https://github.com/x/lib")
	id := repo.AddComment(1, "mona", "hi")
	tests := []struct{ method, path, body, fixture string }{
		{"GET", "/repos/octo/hello/pulls/1", "", "pulls-get.200.json"},
		{"GET", "/repos/octo/hello/pulls/1/files", "", "pulls-list-files.200.json"},
		{"GET", "/repos/octo/hello/issues/1/comments", "", "issues-list-comments.200.json"},
		{"POST", "/repos/octo/hello/issues/1/comments", `{"body":"x"}`, "issues-create-comment.201.json"},
		{"PATCH", "/repos/octo/hello/issues/comments/" + jsonNumber(id), `{"body":"y"}`, "issues-update-comment.200.json"},
		{"POST", "/repos/octo/hello/issues/1/labels", `["size/S"]`, "issues-add-labels.200.json"},
		{"DELETE", "/repos/octo/hello/issues/1/labels/size%2FS", "", "issues-remove-label.200.json"},
		{"POST", "/repos/octo/hello/labels", `{"name":"x","color":"ffffff"}`, "issues-create-label.201.json"},
		{"GET", "/repos/octo/hello/contents/README.md", "", "repos-get-content.200.response-if-content-is-a-file.json"},
		{"GET", "/repos/octo/hello/contents/lib", "", "repos-get-content.200.response-if-content-is-a-submodule.json"},
	}
	for _, tt := range tests {
		t.Run(tt.fixture, func(t *testing.T) { checkFieldNames(t, s, tt.method, tt.path, tt.body, tt.fixture, nil) })
	}
}

// checkFieldNames sends one request and checks that every field of the
// answer exists in GitHub's example response fixture, beyond the
// documented ones and those in also.
func checkFieldNames(t *testing.T, s *Server, method, path, reqBody, fixture string, also map[string]bool) {
	t.Helper()
	_, _, body := send(t, s, method, path, reqBody)
	var got, want any
	if err := json.Unmarshal([]byte(body), &got); err != nil {
		t.Fatalf("fake answered %q: %v", body, err)
	}
	data, err := os.ReadFile(filepath.Join(fixtures, fixture))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &want); err != nil {
		t.Fatal(err)
	}
	for _, extra := range unknownFields("", got, want) {
		if !documented[extra] && !also[extra] {
			t.Errorf("the fake sends %s, which GitHub's example lacks", extra)
		}
	}
}

// documented are fields of GitHub's schema that its examples happen not
// to show.
var documented = map[string]bool{
	"[0].previous_filename": true, // diff-entry, for renamed and copied files
}

// unknownFields lists the paths of fields in got that want does not have.
func unknownFields(at string, got, want any) []string {
	switch g := got.(type) {
	case map[string]any:
		w, ok := want.(map[string]any)
		if !ok {
			return nil // GitHub's example has null or another shape there
		}
		var out []string
		for k, v := range g {
			wv, ok := w[k]
			if !ok {
				out = append(out, at+"."+k)
				continue
			}
			out = append(out, unknownFields(at+"."+k, v, wv)...)
		}
		return out
	case []any:
		w, ok := want.([]any)
		if !ok || len(g) == 0 || len(w) == 0 {
			return nil
		}
		return unknownFields(at+"[0]", g[0], w[0])
	}
	return nil
}

func jsonNumber(n int64) string {
	b, _ := json.Marshal(n)
	return string(b)
}
