// Package size measures how much of a change a reviewer has to read.
//
// Every changed file gets exactly one Class. Code, tests and docs are
// reviewable and count toward the budget with their weights; generated
// files, lockfiles, vendored code, binaries, pure renames and files matched
// by the user's ignore patterns are shown but, by default, weigh nothing.
// Measure turns a Change and a Policy into a Result, the single source of
// the JSON report, the pull-request comment and the Action outputs.
package size

// Class is what kind of content a changed file holds, as far as reviewing
// it is concerned.
type Class string

// The classes, in the order reports list them.
const (
	Code      Class = "code"
	Test      Class = "test"
	Docs      Class = "docs"
	Generated Class = "generated"
	Lockfile  Class = "lockfile"
	Vendored  Class = "vendored"
	Binary    Class = "binary"
	Rename    Class = "rename"
	Ignored   Class = "ignored"
)

// Classes lists every class in report order: reviewable first.
var Classes = []Class{Code, Test, Docs, Generated, Lockfile, Vendored, Binary, Rename, Ignored}

// Reviewable reports whether files of the class count as reviewable files:
// a person has to read them line by line.
func (c Class) Reviewable() bool { return c == Code || c == Test || c == Docs }

// Classification is the class of one file and the rule that decided it, so
// reports can say why a file was excluded.
type Classification struct {
	Class Class
	// Why names the deciding rule, e.g. "linguist-generated in
	// .gitattributes", "name matches *.pb.go" or "ignore pattern /gen/".
	Why string
}
