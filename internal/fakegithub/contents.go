package fakegithub

import (
	"crypto/sha1"
	"encoding/base64"
	"fmt"
	"io"
	"net/http"
	"path"
	"sort"
	"strings"

	"github.com/google/go-github/v60/github"
)

// SetFile seeds a file's content at ref (a branch name or a commit SHA;
// the contents and trees APIs look refs up exactly as given).
func (r *Repo) SetFile(ref, name, content string) {
	r.Lock(func() {
		if r.files[ref] == nil {
			r.files[ref] = map[string]string{}
		}
		r.files[ref][name] = content
	})
}

// SetSubmodule seeds a submodule at ref.
func (r *Repo) SetSubmodule(ref, name, url string) {
	r.Lock(func() {
		if r.submodules[ref] == nil {
			r.submodules[ref] = map[string]string{}
		}
		r.submodules[ref][name] = url
	})
}

// SetTreeLimit makes recursive tree listings stop after n entries and
// say truncated, as GitHub does for very large trees. Zero lists all.
func (r *Repo) SetTreeLimit(n int) { r.Lock(func() { r.treeLimit = n }) }

// BlobSHA is git's object name for content, as GitHub reports it.
func BlobSHA(content string) string {
	return fmt.Sprintf("%x", sha1.Sum([]byte(fmt.Sprintf("blob %d\x00%s", len(content), content))))
}

// encodeBase64 wraps base64 at 60 columns, as GitHub does.
func encodeBase64(content string) string {
	enc := base64.StdEncoding.EncodeToString([]byte(content))
	var b strings.Builder
	for len(enc) > 60 {
		b.WriteString(enc[:60] + "\n")
		enc = enc[60:]
	}
	b.WriteString(enc + "\n")
	return b.String()
}

func init() {
	addRoutes(func(s *Server) {
		s.Handle("GET", "/repos/{owner}/{repo}/contents/{path...}", s.getContents)
		s.Handle("GET", "/repos/{owner}/{repo}/git/trees/{sha}", s.getTree)
		s.Handle("GET", "/repos/{owner}/{repo}/git/blobs/{sha}", s.getBlob)
	})
}

// snapshot is the files and submodules at one ref.
type snapshot struct {
	files, submodules map[string]string
}

// snapshotOf finds the ref's content, or answers 404 as GitHub does for
// an unknown ref.
func (s *Server) snapshotOf(w http.ResponseWriter, repo *Repo, ref string) (snapshot, bool) {
	if ref == "" {
		ref = repo.defaultBranch
	}
	var snap snapshot
	repo.Lock(func() { snap = snapshot{repo.files[ref], repo.submodules[ref]} })
	if snap.files == nil && snap.submodules == nil {
		WriteError(w, http.StatusNotFound, "No commit found for the ref "+ref)
		return snap, false
	}
	return snap, true
}

func (s *Server) getContents(w http.ResponseWriter, r *http.Request) {
	repo, ok := s.repoOf(w, r)
	if !ok {
		return
	}
	ref := r.URL.Query().Get("ref")
	snap, ok := s.snapshotOf(w, repo, ref)
	if !ok {
		return
	}
	name := strings.Trim(r.PathValue("path"), "/")
	if content, ok := snap.files[name]; ok {
		if strings.Contains(r.Header.Get("Accept"), "vnd.github.raw") {
			// The raw media type: the bytes themselves, up to 100 MB.
			w.Header().Set("Content-Type", "application/vnd.github.raw")
			w.WriteHeader(http.StatusOK)
			_, _ = io.WriteString(w, content)
			return
		}
		WriteJSON(w, http.StatusOK, repo.fileContent(name, content, ref))
		return
	}
	if url, ok := snap.submodules[name]; ok {
		WriteJSON(w, http.StatusOK, &github.RepositoryContent{
			Type: github.String("submodule"), Name: github.String(path.Base(name)), Path: github.String(name),
			SubmoduleGitURL: github.String(url), Size: github.Int(0), SHA: github.String(BlobSHA(url)),
		})
		return
	}
	if entries := snap.dir(name); len(entries) > 0 {
		out := make([]*github.RepositoryContent, len(entries))
		for i, e := range entries {
			out[i] = &github.RepositoryContent{Type: github.String(e.GetType()), Name: github.String(path.Base(e.GetPath())), Path: e.Path, SHA: e.SHA}
		}
		WriteJSON(w, http.StatusOK, out)
		return
	}
	WriteError(w, http.StatusNotFound, "Not Found")
}

// maxContentSize is the largest file the contents API returns inline;
// larger ones come with encoding "none" and no content.
const maxContentSize = 1 << 20

func (r *Repo) fileContent(name, content, ref string) *github.RepositoryContent {
	self := fmt.Sprintf("%s/repos/%s/contents/%s?ref=%s", BasePath, r.FullName(), name, ref)
	encoding, inline := "base64", encodeBase64(content)
	if len(content) > maxContentSize {
		encoding, inline = "none", ""
	}
	return &github.RepositoryContent{
		Type:        github.String("file"),
		Encoding:    github.String(encoding),
		Size:        github.Int(len(content)),
		Name:        github.String(path.Base(name)),
		Path:        github.String(name),
		Content:     github.String(inline),
		SHA:         github.String(BlobSHA(content)),
		URL:         github.String(self),
		GitURL:      github.String(fmt.Sprintf("%s/repos/%s/git/blobs/%s", BasePath, r.FullName(), BlobSHA(content))),
		HTMLURL:     github.String(fmt.Sprintf("https://github.com/%s/blob/%s/%s", r.FullName(), ref, name)),
		DownloadURL: github.String(fmt.Sprintf("https://raw.githubusercontent.com/%s/%s/%s", r.FullName(), ref, name)),
	}
}

// entries lists every file, directory and submodule in the snapshot as
// tree entries, sorted by path.
func (snap snapshot) entries() []*github.TreeEntry {
	dirs := map[string]bool{}
	var out []*github.TreeEntry
	addDirs := func(name string) {
		for d := path.Dir(name); d != "." && !dirs[d]; d = path.Dir(d) {
			dirs[d] = true
			out = append(out, &github.TreeEntry{Path: github.String(d), Mode: github.String("040000"), Type: github.String("tree"), SHA: github.String(BlobSHA("tree " + d))})
		}
	}
	for name, content := range snap.files {
		addDirs(name)
		out = append(out, &github.TreeEntry{Path: github.String(name), Mode: github.String("100644"), Type: github.String("blob"),
			SHA: github.String(BlobSHA(content)), Size: github.Int(len(content))})
	}
	for name, url := range snap.submodules {
		addDirs(name)
		out = append(out, &github.TreeEntry{Path: github.String(name), Mode: github.String("160000"), Type: github.String("commit"), SHA: github.String(BlobSHA(url))})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].GetPath() < out[j].GetPath() })
	return out
}

// dir lists the direct children of directory name ("" is the root).
func (snap snapshot) dir(name string) []*github.TreeEntry {
	var out []*github.TreeEntry
	for _, e := range snap.entries() {
		parent := path.Dir(e.GetPath())
		if parent == "." {
			parent = ""
		}
		if parent == name {
			out = append(out, e)
		}
	}
	return out
}

// getTree lists the tree at a ref: the root's children, or with
// recursive every entry, cut at the repository's tree limit.
func (s *Server) getTree(w http.ResponseWriter, r *http.Request) {
	repo, ok := s.repoOf(w, r)
	if !ok {
		return
	}
	ref := r.PathValue("sha")
	snap, ok := s.snapshotOf(w, repo, ref)
	if !ok {
		return
	}
	entries := snap.dir("")
	if r.URL.Query().Get("recursive") != "" {
		entries = snap.entries()
	}
	truncated := false
	repo.Lock(func() {
		if repo.treeLimit > 0 && len(entries) > repo.treeLimit {
			entries, truncated = entries[:repo.treeLimit], true
		}
	})
	WriteJSON(w, http.StatusOK, &github.Tree{SHA: github.String(BlobSHA("tree " + ref)), Entries: entries, Truncated: github.Bool(truncated)})
}

// getBlob serves a blob by its SHA from any seeded ref.
func (s *Server) getBlob(w http.ResponseWriter, r *http.Request) {
	repo, ok := s.repoOf(w, r)
	if !ok {
		return
	}
	sha := r.PathValue("sha")
	var content *string
	repo.Lock(func() {
		for _, files := range repo.files {
			for _, c := range files {
				if BlobSHA(c) == sha {
					c := c
					content = &c
				}
			}
		}
	})
	if content == nil {
		WriteError(w, http.StatusNotFound, "Not Found")
		return
	}
	WriteJSON(w, http.StatusOK, &github.Blob{SHA: github.String(sha), Size: github.Int(len(*content)),
		Content: github.String(encodeBase64(*content)), Encoding: github.String("base64")})
}
