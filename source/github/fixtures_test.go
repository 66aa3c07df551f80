package github

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	gh "github.com/google/go-github/v60/github"

	"github.com/mvcbot/mvc/analyzer"
)

// fixtures are GitHub's own example responses, beside the checkout.
const fixtures = "../../../shared/fixtures/rest"

// readFixture decodes one example response, skipping when the shared
// folder is absent (a clone elsewhere).
func readFixture(t *testing.T, name string, v any) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(fixtures, name))
	if os.IsNotExist(err) {
		t.Skipf("%s is absent: the real GitHub shapes are not checked", fixtures)
	}
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("%s does not decode: %v", name, err)
	}
}

func TestRealShapesDecode(t *testing.T) {
	var pr gh.PullRequest
	readFixture(t, "pulls-get.200.json", &pr)
	p := PullRequestFrom(&pr)
	if p.Number == 0 || p.BaseSHA == "" || p.HeadSHA == "" || p.BaseRepo == "" || len(p.Labels) == 0 || p.ChangedFiles == 0 {
		t.Errorf("pull request lost fields: %+v", p)
	}

	var files []*gh.CommitFile
	readFixture(t, "pulls-list-files.200.json", &files)
	fc := (&Client{log: discard()}).fileChange(files[0])
	if fc.Path != "file1.txt" || fc.Status != analyzer.Added || fc.Additions != 103 || fc.Deletions != 21 {
		t.Errorf("file = %+v", fc)
	}

	for _, name := range []string{"issues-list-comments.200.json"} {
		var comments []*gh.IssueComment
		readFixture(t, name, &comments)
		if c := commentFrom(comments[0]); c.ID == 0 || c.Body == "" || c.Author == "" || c.CreatedAt.IsZero() {
			t.Errorf("%s: comment = %+v", name, c)
		}
	}
	for _, name := range []string{"issues-create-comment.201.json", "issues-update-comment.200.json"} {
		var comment gh.IssueComment
		readFixture(t, name, &comment)
		if c := commentFrom(&comment); c.ID == 0 || c.Body == "" {
			t.Errorf("%s: comment = %+v", name, c)
		}
	}
	for _, name := range []string{"issues-add-labels.200.json", "issues-remove-label.200.json"} {
		var labels []*gh.Label
		readFixture(t, name, &labels)
		if ls := labelsFrom(labels); len(ls) == 0 || ls[0].Name == "" || ls[0].Color == "" {
			t.Errorf("%s: labels = %+v", name, ls)
		}
	}
	var label gh.Label
	readFixture(t, "issues-create-label.201.json", &label)
	if l := labelFrom(&label); l.Name == "" || l.Color == "" {
		t.Errorf("label = %+v", l)
	}
	var content gh.RepositoryContent
	readFixture(t, "repos-get-content.200.response-if-content-is-a-file.json", &content)
	if content.GetType() != "file" || content.GetEncoding() != "base64" || content.GetSHA() == "" {
		t.Errorf("content = %+v", content)
	}
	var submodule gh.RepositoryContent
	readFixture(t, "repos-get-content.200.response-if-content-is-a-submodule.json", &submodule)
	if submodule.GetType() != "submodule" {
		t.Errorf("submodule type = %q", submodule.GetType())
	}
	var token gh.InstallationToken
	readFixture(t, "apps-create-installation-access-token.201.json", &token)
	if token.GetToken() == "" || token.GetExpiresAt().IsZero() {
		t.Errorf("installation token = %+v", token)
	}
}
