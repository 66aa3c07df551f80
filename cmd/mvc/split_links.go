package main

import (
	"context"

	"github.com/mvcbot/mvc/analyzer/split"
	"github.com/mvcbot/mvc/source/gitrepo"
	"github.com/mvcbot/mvc/source/golang"
	"github.com/mvcbot/mvc/source/script"
)

// addFileLinks gives the splitter the imports among the change's files:
// TypeScript and JavaScript through esbuild's parser, Python by a
// scanner, resolved against the head's file list. Both run in memory and
// take milliseconds, so every split gets them.
func addFileLinks(ctx context.Context, repo *gitrepo.Repo, in *split.Input) error {
	if !script.NeedsLinks(*in) {
		return nil
	}
	paths, err := repo.TreePaths(ctx, in.Change.Head)
	if err != nil {
		return err
	}
	in.FileLinks, err = script.FileLinks(*in, func(p string) bool { return paths[p] })
	return err
}

// addTypeLinks gives the splitter Go's type-resolved links: uses,
// calls, implementations and imports between changed lines. Loading the
// packages runs the go command at the base and the head, so only
// --verify, which needs the toolchain anyway, asks for them.
func addTypeLinks(ctx context.Context, repo *gitrepo.Repo, in *split.Input, opt golang.Options) error {
	links, err := golang.SplitLinks(ctx, repo, *in, opt)
	in.TypeLinks = links
	return err
}
