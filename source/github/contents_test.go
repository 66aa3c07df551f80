package github

import (
	"context"
	"errors"
	"io/fs"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const baseSHA = "1111111111111111111111111111111111111111"

func TestReadFileReadsTheBaseNotTheHead(t *testing.T) {
	f := newFixture(t)
	f.repo.SetFile(baseSHA, ".github/mvc.yml", "budget: {lines: 100}\n")
	f.repo.SetFile("feature", ".github/mvc.yml", "budget: {lines: 100000}\n")
	got, err := f.client.ReadFile(context.Background(), baseSHA, ".github/mvc.yml")
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != "budget: {lines: 100}\n" {
		t.Errorf("content = %q, want the base's", got)
	}
	if r := f.srv.Requests()[0]; r.Query.Get("ref") != baseSHA {
		t.Errorf("request %s does not ask for the base", r)
	}
}

func TestReadFileOutcomes(t *testing.T) {
	f := newFixture(t)
	f.repo.SetFile(baseSHA, "docs/a.md", "a")
	f.repo.SetSubmodule(baseSHA, "vendor/lib", "https://github.com/x/lib")
	big := strings.Repeat("0123456789abcdef", 1<<16+1) // past the contents API's 1 MB
	f.repo.SetFile(baseSHA, "big.txt", big)
	tests := []struct {
		ref, path string
		want      string // content, or an error substring
		notExist  bool
	}{
		{baseSHA, "missing.yml", "read missing.yml at 111111111111: file does not exist", true},
		{"no-such-ref", "docs/a.md", "read docs/a.md at no-such-ref: file does not exist", true},
		{"", "missing.yml", "read missing.yml at the default branch: file does not exist", true},
		{baseSHA, "docs", "read docs at 111111111111: it is a directory, not a file", false},
		{baseSHA, "vendor/lib", "read vendor/lib at 111111111111: it is a submodule, not a file", false},
		{baseSHA, "big.txt", big, false},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			got, err := f.client.ReadFile(context.Background(), tt.ref, tt.path)
			if errors.Is(err, fs.ErrNotExist) != tt.notExist {
				t.Errorf("errors.Is(%v, fs.ErrNotExist) = %v, want %v", err, !tt.notExist, tt.notExist)
			}
			if err != nil && err.Error() != tt.want {
				t.Errorf("err = %q, want %q", err, tt.want)
			}
			if err == nil && string(got) != tt.want {
				t.Errorf("content of %d bytes, want %d", len(got), len(tt.want))
			}
		})
	}
}

func TestAttributesReadsEveryFileInOneListing(t *testing.T) {
	f := newFixture(t)
	f.repo.SetFile(baseSHA, ".gitattributes", "*.pb.go linguist-generated\n")
	f.repo.SetFile(baseSHA, "web/.gitattributes", "dist/** linguist-vendored\n")
	f.repo.SetFile(baseSHA, "web/app.js", "x")
	f.repo.SetFile("feature", "api/.gitattributes", "* linguist-generated\n")
	got, partial, err := f.client.Attributes(context.Background(), baseSHA)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]byte{"": []byte("*.pb.go linguist-generated\n"), "web": []byte("dist/** linguist-vendored\n")}
	if diff := cmp.Diff(want, got); diff != "" || partial {
		t.Errorf("Attributes (-want +got):\n%s partial=%v", diff, partial)
	}
	if reads := f.srv.Reads(); reads != 1+2 {
		t.Errorf("reads = %d, want one tree and two blobs", reads)
	}
}

func TestAttributesFallsBackToTheRootWhenTheTreeIsTruncated(t *testing.T) {
	f := newFixture(t)
	f.repo.SetFile(baseSHA, ".gitattributes", "*.gen linguist-generated\n")
	f.repo.SetFile(baseSHA, "a/.gitattributes", "x\n")
	f.repo.SetFile(baseSHA, "b/c.txt", "y")
	f.repo.SetTreeLimit(2)
	got, partial, err := f.client.Attributes(context.Background(), baseSHA)
	if err != nil {
		t.Fatal(err)
	}
	if !partial || !cmp.Equal(got, map[string][]byte{"": []byte("*.gen linguist-generated\n")}) {
		t.Errorf("Attributes = %q, partial %v; want the root file only, partial", got, partial)
	}
}

func TestAttributesWithoutAnyFile(t *testing.T) {
	f := newFixture(t)
	f.repo.SetFile(baseSHA, "main.go", "package main")
	got, partial, err := f.client.Attributes(context.Background(), baseSHA)
	if err != nil || partial || len(got) != 0 {
		t.Errorf("Attributes = %v, %v, %v; want none", got, partial, err)
	}
	if f.srv.Reads() != 1 {
		t.Errorf("reads = %d, want the tree listing only", f.srv.Reads())
	}
}
