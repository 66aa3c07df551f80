package main

import (
	"context"
	"os"
	"regexp"
	"strings"

	"github.com/mvcbot/mvc/analyzer/issues"
	"github.com/mvcbot/mvc/source/github"
	"github.com/mvcbot/mvc/source/gitrepo"
	"github.com/mvcbot/mvc/source/issuefile"
)

// fileList is a repeatable flag: --from a.json --from b.json.
type fileList []string

func (l *fileList) String() string     { return strings.Join(*l, ",") }
func (l *fileList) Set(v string) error { *l = append(*l, v); return nil }

// issueSet is what `mvc issues` analyzes, and where it came from.
type issueSet struct {
	list   []issues.Issue
	source string   // "issues.json", "octo/app (GitHub API)"
	repo   string   // "owner/name" the issues are of, "" when not known
	notes  []string // what the source could not read, said once
}

// readIssueFiles reads every --from file; an issue exported twice (an
// issues export and a pull requests export that overlap) keeps its first
// copy.
func readIssueFiles(paths []string) (issueSet, error) {
	set := issueSet{source: strings.Join(paths, ", ")}
	seen := map[int]bool{}
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return issueSet{}, usagef("--from: %v", err)
		}
		list, err := issuefile.Read(f, p)
		f.Close()
		if err != nil {
			return issueSet{}, usagef("--from %v", err)
		}
		for _, is := range list {
			if !seen[is.Number] {
				seen[is.Number] = true
				set.list = append(set.list, is)
			}
		}
	}
	return set, nil
}

// readIssuesAPI reads owner/repo's issue graph (or one issue's tree) with
// GITHUB_TOKEN.
func readIssuesAPI(ctx context.Context, e *env, full string, f issuesFlags) (issueSet, *github.Client, error) {
	owner, name, ok := strings.Cut(full, "/")
	if !ok || owner == "" || name == "" || strings.Contains(name, "/") {
		return issueSet{}, nil, usagef("--github %q: use owner/repo, such as octo/app", full)
	}
	token := e.getenv("GITHUB_TOKEN")
	if token == "" {
		return issueSet{}, nil, usagef("reading issues from GitHub needs a token: set GITHUB_TOKEN, or export them with gh issue list --json and pass --from FILE")
	}
	c, err := github.NewClient(ctx, github.Options{BaseURL: e.getenv("GITHUB_API_URL"), Token: token, Owner: owner, Repo: name})
	if err != nil {
		return issueSet{}, nil, usagef("%v", err)
	}
	var res github.IssueGraphResult
	if f.issue > 0 {
		res, err = c.IssueTree(ctx, f.issue, f.maxIssues)
	} else {
		res, err = c.IssueGraph(ctx, github.IssueGraphOptions{State: f.state, MaxIssues: f.maxIssues})
	}
	if err != nil {
		return issueSet{}, nil, &exitError{code: exitFailure, err: err}
	}
	return issueSet{list: res.Issues, source: full + " (GitHub API)", repo: full, notes: res.Notes}, c, nil
}

// githubRemote matches the GitHub repository of a remote URL:
// https://github.com/o/r(.git), git@github.com:o/r(.git), ssh://git@github.com/o/r.git.
var githubRemote = regexp.MustCompile(`^(?:https?://(?:[^@/]+@)?github\.com/|(?:ssh://)?git@github\.com[:/])([A-Za-z0-9][A-Za-z0-9-]*)/([A-Za-z0-9._-]+?)(?:\.git)?/?$`)

// originRepo is the owner/repo of the repository's origin remote on
// github.com, or "" when it has none.
func originRepo(ctx context.Context, dir string) string {
	r, err := gitrepo.Open(ctx, dir)
	if err != nil {
		return ""
	}
	url, err := r.GitString(ctx, "remote", "get-url", "origin")
	if err != nil {
		return ""
	}
	m := githubRemote.FindStringSubmatch(strings.TrimSpace(url))
	if m == nil {
		return ""
	}
	return m[1] + "/" + m[2]
}
