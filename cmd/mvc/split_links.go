package main

import (
	"context"

	"github.com/mvcbot/mvc/analyzer/split"
	"github.com/mvcbot/mvc/source/gitrepo"
	"github.com/mvcbot/mvc/source/golang"
)

// addTypeLinks gives the splitter Go's type-resolved links: uses,
// calls, implementations and imports between changed lines. Loading the
// packages runs the go command at the base and the head, so only
// --verify, which needs the toolchain anyway, asks for them.
func addTypeLinks(ctx context.Context, repo *gitrepo.Repo, in *split.Input, opt golang.Options) error {
	links, err := golang.SplitLinks(ctx, repo, *in, opt)
	in.TypeLinks = links
	return err
}
