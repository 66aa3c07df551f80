package fakegithub

import (
	"crypto/sha1"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/google/go-github/v60/github"
)

// MaxPullFiles is where GitHub stops listing a pull request's files.
const MaxPullFiles = 3000

// Pull seeds a pull request. Zero fields get GitHub-like defaults.
type Pull struct {
	Number int
	Title  string
	State  string // "open" when empty
	Draft  bool
	Author string // "octocat" when empty
	// BaseRef and HeadRef default to "main" and "feature"; the SHAs to
	// stable fake hashes.
	BaseRef, BaseSHA string
	HeadRef, HeadSHA string
	// HeadRepo is the head repository as "owner/name" when the pull
	// request comes from a fork; empty means this repository.
	HeadRepo string
	Labels   []string
	Files    []File
	// Additions, Deletions and ChangedFiles override the sums over Files,
	// to model what GitHub reports for a pull request whose file list it
	// truncates or that the test only sketches.
	Additions, Deletions, ChangedFiles int
}

// File is one file of a pull request, as GitHub lists it.
type File struct {
	Name         string
	PreviousName string // for renamed and copied files
	Status       string // "modified" when empty, "renamed" when PreviousName is set
	Additions    int
	Deletions    int
	Patch        string // empty for binary files and very large diffs
}

type pull struct {
	Pull
	created time.Time
}

// AddPull seeds a pull request, its labels (creating missing repository
// labels with GitHub's default colour) and its files.
func (r *Repo) AddPull(p Pull) {
	p = withPullDefaults(p)
	created := r.s.clock()
	r.Lock(func() {
		r.pulls[p.Number] = &pull{Pull: p, created: created}
		for _, name := range p.Labels {
			r.ensureLabelLocked(name, DefaultLabelColor)
			r.issueLabels[p.Number] = appendLabel(r.issueLabels[p.Number], name)
		}
	})
}

func withPullDefaults(p Pull) Pull {
	def := func(v *string, d string) {
		if *v == "" {
			*v = d
		}
	}
	def(&p.Title, fmt.Sprintf("Pull request %d", p.Number))
	def(&p.State, "open")
	def(&p.Author, "octocat")
	def(&p.BaseRef, "main")
	def(&p.HeadRef, "feature")
	def(&p.BaseSHA, fakeSHA("base", p.Number))
	def(&p.HeadSHA, fakeSHA("head", p.Number))
	for i := range p.Files {
		if p.Files[i].Status == "" {
			p.Files[i].Status = "modified"
			if p.Files[i].PreviousName != "" {
				p.Files[i].Status = "renamed"
			}
		}
	}
	if p.Additions == 0 && p.Deletions == 0 && p.ChangedFiles == 0 {
		for _, f := range p.Files {
			p.Additions += f.Additions
			p.Deletions += f.Deletions
		}
		p.ChangedFiles = len(p.Files)
	}
	return p
}

// fakeSHA is a stable 40-hex-digit name for a seeded commit.
func fakeSHA(kind string, n int) string {
	return fmt.Sprintf("%x", sha1.Sum([]byte(kind+strconv.Itoa(n))))
}

func init() {
	addRoutes(func(s *Server) {
		s.Handle("GET", "/repos/{owner}/{repo}/pulls/{number}", s.getPull)
		s.Handle("GET", "/repos/{owner}/{repo}/pulls/{number}/files", s.listPullFiles)
	})
}

// pullOf finds the pull request a request names, or answers 404.
func (s *Server) pullOf(w http.ResponseWriter, r *http.Request) (*Repo, *pull, bool) {
	repo, ok := s.repoOf(w, r)
	if !ok {
		return nil, nil, false
	}
	n, _ := strconv.Atoi(r.PathValue("number"))
	var p *pull
	repo.Lock(func() { p = repo.pulls[n] })
	if p == nil {
		WriteError(w, http.StatusNotFound, "Not Found")
		return nil, nil, false
	}
	return repo, p, true
}

func (s *Server) getPull(w http.ResponseWriter, r *http.Request) {
	repo, p, ok := s.pullOf(w, r)
	if !ok {
		return
	}
	var out *github.PullRequest
	repo.Lock(func() { out = repo.ghPullLocked(p) })
	WriteJSON(w, http.StatusOK, out)
}

// listPullFiles pages the files, stopping at GitHub's 3,000-file cap.
func (s *Server) listPullFiles(w http.ResponseWriter, r *http.Request) {
	repo, p, ok := s.pullOf(w, r)
	if !ok {
		return
	}
	files := p.Files[:min(len(p.Files), MaxPullFiles)]
	out := make([]*github.CommitFile, len(files))
	for i, f := range files {
		out[i] = repo.ghFile(p, f)
	}
	Paginate(w, r, out)
}

func (r *Repo) ghPullLocked(p *pull) *github.PullRequest {
	n := p.Number
	created := github.Timestamp{Time: p.created}
	return &github.PullRequest{
		ID:           github.Int64(int64(n) + r.id*100000),
		Number:       github.Int(n),
		State:        github.String(p.State),
		Draft:        github.Bool(p.Draft),
		Title:        github.String(p.Title),
		User:         user(p.Author),
		Labels:       r.issueLabelObjectsLocked(n),
		Head:         r.branch(p.HeadRef, p.HeadSHA, p.HeadRepo),
		Base:         r.branch(p.BaseRef, p.BaseSHA, ""),
		Additions:    github.Int(p.Additions),
		Deletions:    github.Int(p.Deletions),
		ChangedFiles: github.Int(p.ChangedFiles),
		Merged:       github.Bool(false),
		CreatedAt:    &created,
		UpdatedAt:    &created,
		HTMLURL:      github.String(fmt.Sprintf("https://github.com/%s/pull/%d", r.FullName(), n)),
	}
}

// branch is one side of a pull request; fork names another repository.
func (r *Repo) branch(ref, sha, fork string) *github.PullRequestBranch {
	repo := r.ghRepo()
	if fork != "" {
		owner, name, _ := cutFullName(fork)
		repo = &github.Repository{
			Name:     github.String(name),
			FullName: github.String(fork),
			Owner:    user(owner),
			Fork:     github.Bool(true),
		}
	}
	return &github.PullRequestBranch{
		Label: github.String(repo.GetOwner().GetLogin() + ":" + ref),
		Ref:   github.String(ref),
		SHA:   github.String(sha),
		Repo:  repo,
		User:  repo.GetOwner(),
	}
}

func (r *Repo) ghFile(p *pull, f File) *github.CommitFile {
	blob := fmt.Sprintf("https://github.com/%s/blob/%s/%s", r.FullName(), p.HeadSHA, f.Name)
	cf := &github.CommitFile{
		SHA:         github.String(fmt.Sprintf("%x", sha1.Sum([]byte(f.Name+f.Patch)))),
		Filename:    github.String(f.Name),
		Status:      github.String(f.Status),
		Additions:   github.Int(f.Additions),
		Deletions:   github.Int(f.Deletions),
		Changes:     github.Int(f.Additions + f.Deletions),
		BlobURL:     github.String(blob),
		RawURL:      github.String(fmt.Sprintf("https://github.com/%s/raw/%s/%s", r.FullName(), p.HeadSHA, f.Name)),
		ContentsURL: github.String(fmt.Sprintf("%s/repos/%s/contents/%s?ref=%s", BasePath, r.FullName(), url.PathEscape(f.Name), p.HeadSHA)),
	}
	if f.Patch != "" {
		cf.Patch = github.String(f.Patch)
	}
	if f.PreviousName != "" {
		cf.PreviousFilename = github.String(f.PreviousName)
	}
	return cf
}
