package github

import (
	"io"
	"log/slog"

	gh "github.com/google/go-github/v60/github"
)

func fakeCommitFile(name, status string, additions int, patch string) *gh.CommitFile {
	return &gh.CommitFile{Filename: &name, Status: &status, Additions: &additions, Changes: &additions, Patch: &patch}
}

func discard() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }
