// Package split proposes how to cut a change that is too large into a stack
// of smaller parts a reviewer can take one at a time. It is pure: adapters
// hand it the diff, the file contents and a little history as plain data;
// it returns an ordered Plan whose parts, applied in order to the base,
// reproduce the head exactly.
package split

import (
	"github.com/mvcbot/mvc/analyzer"
	"github.com/mvcbot/mvc/analyzer/size"
)

// Input is everything the splitter looks at. Only Change is required;
// every other field sharpens the proposal when an adapter can fill it.
type Input struct {
	// Change holds the files with their hunks, as `git diff -U0
	// --no-renames` computes them (hunks with context lines, such as
	// GitHub's patches, are accepted and cut at the context).
	Change analyzer.Change
	// Base and Head map paths to file contents at the two sides. They let
	// the splitter cut hunks at declaration boundaries; files missing here
	// are cut by what the hunks' own text shows.
	Base, Head map[string][]byte
	// CoChange lists, for commits of the base's history (never after the
	// base), the paths of this change each of them touched. Files that
	// often changed together belong together.
	CoChange [][]string
	// CodeOwners is the CODEOWNERS file of the base, if any.
	CodeOwners []byte
	// TypeLinks are links between changed lines that a type checker
	// resolved (source/golang for Go); FileLinks are imports between
	// changed files that a parser found (TS/JS through esbuild, Python by
	// a scanner). Both are optional.
	TypeLinks []TypeLink
	FileLinks []FileLink
	// Policy gives the budget every part should fit in, and the weights
	// and classification rules that measure a part, as for a whole change.
	Policy size.Policy
	// Renames are the removed and added files git's own rename detection
	// pairs (`git diff --find-renames=50%`), with git's counts of the
	// lines that differ between the two; RenamesKnown says the list is
	// complete. Size measures a renamed file by those counts, so the parts
	// then weigh what size measures. Without them the splitter pairs files
	// by their shared lines, which can pair files git does not (a file
	// re-indented as it moved).
	Renames      []Rename
	RenamesKnown bool
}

// Rename is a file git sees renamed, and the lines it counts as changed.
type Rename struct {
	From, To             string
	Additions, Deletions int
}
