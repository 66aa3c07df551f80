package main

import (
	"context"
	"path"

	"github.com/mvcbot/mvc/analyzer/imports"
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
	var pyFiles []string
	scripts := false
	for p := range in.Head {
		switch {
		case path.Ext(p) == ".py":
			pyFiles = append(pyFiles, p)
		case script.IsScript(p):
			scripts = true
		}
	}
	if len(pyFiles) == 0 && !scripts {
		return nil
	}
	paths, err := repo.TreePaths(ctx, in.Change.Head)
	if err != nil {
		return err
	}
	exists := func(p string) bool { return paths[p] }
	if scripts {
		res, err := script.Imports(in.Head, exists)
		if err != nil {
			return err
		}
		for _, imp := range res.Imports {
			in.FileLinks = append(in.FileLinks, split.FileLink{From: imp.From, To: imp.To, Kind: imp.Kind})
		}
	}
	for _, p := range pyFiles {
		for _, imp := range imports.Python(in.Head[p]) {
			for _, to := range imports.ResolvePython(p, imp, exists) {
				in.FileLinks = append(in.FileLinks, split.FileLink{From: p, To: to, Kind: "python-import"})
			}
		}
	}
	return nil
}

// addTypeLinks gives the splitter Go's type-resolved links: uses,
// calls, implementations and imports between changed lines. Loading the
// packages runs the go command at the base and the head, so only
// --verify, which needs the toolchain anyway, asks for them.
func addTypeLinks(ctx context.Context, repo *gitrepo.Repo, in *split.Input, opt golang.Options) error {
	links, err := golang.TypeLinks(ctx, repo, *in, opt)
	if err != nil {
		return err
	}
	for _, l := range links {
		in.TypeLinks = append(in.TypeLinks, split.TypeLink{FromPath: l.FromPath, FromLine: l.FromLine,
			ToPath: l.ToPath, ToLine: l.ToLine, Old: l.Old, Kind: string(l.Kind)})
	}
	return nil
}
