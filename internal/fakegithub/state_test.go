package fakegithub

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestLabelsFollowGitHub(t *testing.T) {
	s := New(t)
	repo := s.AddRepo("octo", "hello")
	repo.AddLabel("bug", "d73a4a")
	repo.AddPull(Pull{Number: 1, Labels: []string{"bug"}})
	// Adding a label that does not exist creates it with the default colour.
	status, _, body := send(t, s, "POST", "/repos/octo/hello/issues/1/labels", `["size/S","BUG"]`)
	if status != 200 || !strings.Contains(body, `"name":"size/S"`) || !strings.Contains(body, `"color":"ededed"`) || strings.Count(body, `"name"`) != 2 {
		t.Errorf("add: %d %s", status, body)
	}
	if status, _, body := send(t, s, "POST", "/repos/octo/hello/labels", `{"name":"Size/S","color":"77bb00"}`); status != 422 || !strings.Contains(body, `"code":"already_exists"`) {
		t.Errorf("duplicate create: %d %s", status, body)
	}
	if status, _, body := send(t, s, "DELETE", "/repos/octo/hello/issues/1/labels/nope", ""); status != 404 || !strings.Contains(body, "Label does not exist") {
		t.Errorf("remove absent: %d %s", status, body)
	}
	if status, _, _ := send(t, s, "DELETE", "/repos/octo/hello/issues/1/labels/size%2FS", ""); status != 200 {
		t.Errorf("remove escaped: %d", status)
	}
	if got := repo.IssueLabels(1); len(got) != 1 || got[0] != "bug" {
		t.Errorf("labels = %v", got)
	}
}

func TestContentsPerRef(t *testing.T) {
	s := New(t)
	repo := s.AddRepo("octo", "hello")
	repo.SetFile("base", ".github/mvc.yml", "a: 1\n")
	repo.SetFile("head", ".github/mvc.yml", "a: 2\n")
	_, _, body := send(t, s, "GET", "/repos/octo/hello/contents/.github/mvc.yml?ref=base", "")
	var got struct{ Content, Encoding, SHA string }
	if err := json.Unmarshal([]byte(body), &got); err != nil {
		t.Fatal(err)
	}
	if got.Content != "YTogMQo=\n" || got.Encoding != "base64" || got.SHA != BlobSHA("a: 1\n") {
		t.Errorf("content at base = %+v", got)
	}
	if status, _, _ := send(t, s, "GET", "/repos/octo/hello/contents/missing?ref=base", ""); status != 404 {
		t.Errorf("missing file: %d", status)
	}
	if _, _, body := send(t, s, "GET", "/repos/octo/hello/git/trees/head?recursive=1", ""); !strings.Contains(body, `"path":".github"`) || !strings.Contains(body, `"truncated":false`) {
		t.Errorf("tree: %s", body)
	}
}

func TestBlobSHAIsGits(t *testing.T) {
	// git hash-object of "hello\n"
	if got := BlobSHA("hello\n"); got != "ce013625030ba8dba906f756967f9e9ca394464a" {
		t.Errorf("BlobSHA = %s", got)
	}
}
