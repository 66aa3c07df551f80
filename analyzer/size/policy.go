package size

// Policy is what size measurement needs to know about a repository's rules.
// The zero value is not useful: start from DefaultPolicy.
type Policy struct {
	Budget  Budget
	Buckets Buckets
	Weights Weights
	// Ignore are gitignore-style patterns, relative to the repository root,
	// applied after the built-in classification. A pattern starting with "!"
	// re-includes a path, even one the built-in rules excluded.
	Ignore []string
	// ExemptLabel, when present on the change, makes the verdict Exempt.
	ExemptLabel string
}

// Budget is the largest change that still counts as a Minimum Viable Change.
type Budget struct {
	Lines int `json:"lines"` // weighted changed lines
	Files int `json:"files"` // reviewable files
}

// Buckets are the inclusive lower bounds of each size label, in weighted
// lines. They must be strictly increasing from XS (normally 0) to XXL.
type Buckets struct {
	XS, S, M, L, XL, XXL int
}

// Weights say how much one changed line of each class counts.
type Weights struct {
	Code, Test, Docs float64 // per added line
	// Deletion multiplies a class's weight for its deleted lines.
	Deletion float64
	// Excluded classes; 0 by default. Generated, Lockfile and Vendored are
	// per added line like Code. Binary and Rename are per file, because git
	// counts no lines for a binary file or a pure rename.
	Generated, Lockfile, Vendored, Binary, Rename float64
}

// DefaultPolicy returns the built-in defaults documented in the README.
func DefaultPolicy() Policy {
	return Policy{
		Budget:      Budget{Lines: 400, Files: 40},
		Buckets:     Buckets{XS: 0, S: 10, M: 30, L: 100, XL: 500, XXL: 1000},
		Weights:     Weights{Code: 1, Test: 0.5, Docs: 0.5, Deletion: 0.5},
		ExemptLabel: "mvc/exempt",
	}
}
