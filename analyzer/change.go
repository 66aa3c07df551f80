// Package analyzer holds the plain data that mvc's pure analyses work on.
//
// Nothing in analyzer or its subpackages talks to the network, runs a
// process or knows GitHub's types: adapters under source/ turn a pull
// request or a local diff into a Change, and the analyses turn a Change
// into findings. That keeps every analysis a fast, table-testable function.
package analyzer

// Status is how a file changed between base and head, in git's vocabulary.
type Status string

// The statuses a FileChange can carry.
const (
	Added    Status = "added"
	Modified Status = "modified"
	Removed  Status = "removed"
	Renamed  Status = "renamed"
	Copied   Status = "copied"
)

// Change is everything mvc knows about one proposed change: the files of a
// pull request or of a local base..head diff.
type Change struct {
	// Base and Head name the two sides (commit SHAs when known).
	Base, Head string
	// Files lists the changed files in a stable order (by path).
	Files []FileChange
	// Totals are the authoritative sums reported by the host (a pull
	// request's additions, deletions and changed_files). They may exceed the
	// sums over Files when the host truncated the per-file list. Zero
	// Totals mean "Files is complete".
	Totals Totals
	// Attributes are the .gitattributes files at the base commit, keyed by
	// the directory that holds them ("" for the repository root). They
	// decide linguist-generated and linguist-vendored.
	Attributes map[string][]byte
	// Labels are the labels on the pull request, if any.
	Labels []string
}

// Totals are a change's size as its host counts it.
type Totals struct {
	Additions, Deletions, Files int
}

// FileChange is one changed file.
type FileChange struct {
	Path    string // path at head; for a removed file, its path at base
	OldPath string // path at base when Status is Renamed or Copied
	Status  Status
	// Additions and Deletions count changed lines as git does (numstat).
	Additions, Deletions int
	Binary               bool
	// Submodule marks a gitlink: its "content" is a commit of another
	// repository, so it has no lines of its own (Binary is set too).
	Submodule bool
	// Header holds the first few lines of the file's head content (or of
	// its base content for a removed file), enough to see a "Code generated
	// ... DO NOT EDIT." marker. Empty when the source could not read it.
	Header string
	// Hunks are the file's diff hunks. Sources fill them when the analysis
	// needs line content (split proposals); size measurement needs only the
	// counts above.
	Hunks []Hunk
}

// ChangedLines is additions plus deletions.
func (f FileChange) ChangedLines() int { return f.Additions + f.Deletions }

// Hunk is one block of a unified diff. Coordinates follow git: OldStart and
// NewStart are 1-based; a side with zero lines names the line before the
// hunk (0 at the top of the file).
type Hunk struct {
	OldStart, OldLines int
	NewStart, NewLines int
	// Lines are the hunk's body lines in order. Context lines appear only
	// when the diff was produced with context.
	Lines []Line
}

// Op is the kind of a diff line.
type Op byte

// Diff line kinds, as their unified-diff prefixes.
const (
	Context Op = ' '
	Add     Op = '+'
	Delete  Op = '-'
)

// Line is one line of a hunk body, without its prefix or newline.
type Line struct {
	Op   Op
	Text string
	// NoNewline marks a line followed by "\ No newline at end of file".
	NoNewline bool
}
