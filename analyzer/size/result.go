package size

import "github.com/mvcbot/mvc/analyzer"

// Verdict is the outcome of measuring a change against its budget.
type Verdict string

// The verdicts, as the Action's `verdict` output spells them.
const (
	VerdictMVC      Verdict = "mvc"       // within budget: a Minimum Viable Change
	VerdictTooLarge Verdict = "too-large" // over the line or file budget
	VerdictExempt   Verdict = "exempt"    // carries the exempt label
)

// Result is everything mvc says about a change's size. It is the single
// source of the JSON report (these tags are its keys), the pull-request
// comment and the Action's outputs.
type Result struct {
	Verdict Verdict `json:"verdict"`
	Size    Size    `json:"size"`
	// WeightedLines is the sum of the entries' weights, rounded half up.
	WeightedLines int `json:"weighted_lines"`
	// ChangedLines, Additions, Deletions and Files are the host's totals
	// when it gave them (they cover files it did not list), else the sums.
	ChangedLines int `json:"changed_lines"`
	Additions    int `json:"additions"`
	Deletions    int `json:"deletions"`
	Files        int `json:"files"`
	// ReviewableFiles counts entries of class code, test or docs.
	ReviewableFiles int `json:"reviewable_files"`
	// Exact is false when the listed files do not add up to the host's
	// totals (a truncated list): the weighted lines, reviewable files and
	// size are then lower bounds, and Unlisted says by how much.
	Exact    bool      `json:"exact"`
	Unlisted *Unlisted `json:"unlisted,omitempty"`
	Budget   Budget    `json:"budget"`
	// OverBudget says, one line each, which budget the change exceeds. It
	// is filled even when the change is exempt.
	OverBudget  []string `json:"over_budget,omitempty"`
	ExemptLabel string   `json:"exempt_label,omitempty"`
	Base        string   `json:"base,omitempty"`
	Head        string   `json:"head,omitempty"`
	// Classes are per-class totals in report order, for classes present.
	Classes []ClassTotal `json:"classes"`
	// Entries are every listed file, sorted by path.
	Entries []Entry `json:"entries"`
}

// Unlisted is the part of a change the host counted but did not list.
type Unlisted struct {
	Files     int `json:"files"`
	Additions int `json:"additions"`
	Deletions int `json:"deletions"`
}

// ClassTotal sums the entries of one class.
type ClassTotal struct {
	Class     Class   `json:"class"`
	Files     int     `json:"files"`
	Additions int     `json:"additions"`
	Deletions int     `json:"deletions"`
	Weight    float64 `json:"weight"`
}

// Entry is one changed file as measured.
type Entry struct {
	Path      string          `json:"path"`
	OldPath   string          `json:"old_path"`
	Status    analyzer.Status `json:"status"`
	Class     Class           `json:"class"`
	Why       string          `json:"why"`
	Additions int             `json:"additions"`
	Deletions int             `json:"deletions"`
	Binary    bool            `json:"binary,omitempty"`
	// Weight is the file's weighted lines, unrounded.
	Weight float64 `json:"weight"`
}

// Counts reports whether the class counts toward the weighted lines:
// code, tests and docs always, another class when the policy gives it a
// weight (weights.binary: 5) and it weighs something here.
func (t ClassTotal) Counts() bool { return t.Class.Reviewable() || t.Weight != 0 }

// Counted returns the class totals of the classes that count, so their
// weights add up to the weighted lines.
func (r Result) Counted() []ClassTotal {
	var out []ClassTotal
	for _, c := range r.Classes {
		if c.Counts() {
			out = append(out, c)
		}
	}
	return out
}

// Excluded returns the class totals of the classes that do not count.
func (r Result) Excluded() []ClassTotal {
	var out []ClassTotal
	for _, c := range r.Classes {
		if !c.Counts() {
			out = append(out, c)
		}
	}
	return out
}
