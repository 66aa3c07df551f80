package splitbench

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/mvcbot/mvc/analyzer/size"
	"github.com/mvcbot/mvc/source/gitrepo"
)

// Options choose the cases and the budget.
type Options struct {
	Cases        int
	K            []int // window sizes, in commits
	Seed         int64
	Since, Until time.Time // commit dates the windows must fall in; zero for no bound
	Policy       size.Policy
	// Progress receives one line per step; nil for silence.
	Progress io.Writer
	// Clock times the splitter; nil for time.Now.
	Clock func() time.Time
	// Verify type-checks every prefix of each Go case's stack, as
	// proposed and after repair, on cases whose true stack type-checks,
	// and gives the splitter Go's type-resolved links.
	Verify bool
}

// Result is a whole benchmark run on one repository.
type Result struct {
	Repo     string          `json:"repo"`
	Seed     int64           `json:"seed"`
	K        []int           `json:"k"`
	Budget   size.Budget     `json:"budget"`
	Cases    []CaseResult    `json:"cases"`
	Methods  []MethodSummary `json:"methods"`
	Scored   int             `json:"scored_cases"`
	Skipped  int             `json:"skipped_cases"`
	Lines    int             `json:"labelled_lines"`
	Unclear  int             `json:"unclear_lines"`
	Failures int             `json:"integrity_failures"`
	// Verify sums the type checks, with --verify.
	Verify *VerifySummary `json:"verify,omitempty"`
}

// Methods, the splitter first, then the trivial baselines.
const (
	MethodMVC      = "mvc"
	MethodAllInOne = "all-in-one"
	MethodPerFile  = "per-file"
	MethodPerDir   = "per-directory"
	MethodPerHunk  = "per-hunk"
)

// Methods lists every method scored, in report order.
var Methods = []string{MethodMVC, MethodAllInOne, MethodPerFile, MethodPerDir, MethodPerHunk}

// ErrNoCases is Run's answer to a history in which no window fits: the
// range or the repository to change, not a failure.
var ErrNoCases = errors.New("no case found")

// Run draws the cases from the repository's first-parent history and
// scores the splitter and the baselines on each.
func Run(ctx context.Context, r *gitrepo.Repo, name string, opt Options) (Result, error) {
	if opt.Clock == nil {
		opt.Clock = time.Now
	}
	res := Result{Repo: name, Seed: opt.Seed, K: opt.K, Budget: opt.Policy.Budget}
	history, err := firstParentHistory(ctx, r, opt.Since, opt.Until)
	if err != nil {
		return res, err
	}
	rs := runs(history)
	progress(opt, "history: %s, %s of 2+ commits by one author", count(len(history), "first-parent commit"), count(len(rs), "run"))
	windows, err := sampleWindows(ctx, r, rs, opt.Cases, opt.K, opt.Seed)
	if err != nil {
		return res, err
	}
	if len(windows) == 0 {
		return res, fmt.Errorf("%w in %s (%s of 2+ by one author): the benchmark needs runs of %s consecutive commits by one author; "+
			"widen --since/--until, try other --k, or pick a repository with a longer history",
			ErrNoCases, count(len(history), "first-parent commit"), count(len(rs), "run"), sizes(opt.K))
	}
	progress(opt, "sampled %s", count(len(windows), "case"))
	for i, w := range windows {
		c, err := runCase(ctx, r, w, opt)
		var gitErr *gitrepo.Error
		switch {
		case ctx.Err() != nil:
			return res, ctx.Err()
		case errors.As(err, &gitErr):
			// A partial clone may lack a blob of this window: skip it, say so.
			c.Skipped = "git could not read it: " + gitErr.Error()
		case err != nil:
			return res, fmt.Errorf("case %d (%s..%s): %w", i+1, short(w.Base), short(w.Commits[len(w.Commits)-1]), err)
		}
		progress(opt, "case %d/%d %s k=%d: %s (%d unclear), %s", i+1, len(windows), short(w.Base), len(w.Commits),
			count(c.Labelled, "line"), c.Unclear, caseLine(c))
		res.add(c)
	}
	res.Methods = summarizeMethods(res.Cases, opt.Seed)
	if opt.Verify {
		res.Verify = summarizeVerify(res.Cases)
	}
	return res, nil
}

// count words n of a noun: "1 run", "3 runs".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// sizes words window sizes for a sentence: "2", "2 or 3", "2–5" for a
// range, "2, 4 or 7" otherwise.
func sizes(k []int) string {
	s := slices.Sorted(slices.Values(k))
	s = slices.Compact(s)
	switch {
	case len(s) == 0:
		return ""
	case len(s) == 1:
		return strconv.Itoa(s[0])
	case len(s) > 2 && s[len(s)-1]-s[0] == len(s)-1:
		return fmt.Sprintf("%d–%d", s[0], s[len(s)-1])
	}
	words := make([]string, len(s))
	for i, n := range s {
		words[i] = strconv.Itoa(n)
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

func caseLine(c CaseResult) string {
	if c.Skipped != "" {
		return "skipped: " + c.Skipped
	}
	s := c.Scores[MethodMVC]
	line := fmt.Sprintf("mvc %s, line ARI %.2f (per-file %.2f)", count(s.Parts, "part"), s.LineARI, c.Scores[MethodPerFile].LineARI)
	switch v := c.Verify; {
	case v == nil:
	case !v.Calibrated:
		line += "; not verified: " + v.Excluded
	default:
		line += fmt.Sprintf("; %d of %d prefixes build, %d of %d after %s (%.0f s)",
			v.PrefixesBuild, v.Parts, v.RepairedPrefixesBuild, v.RepairedParts, count(v.Repairs, "repair"), v.Seconds)
	}
	return line
}

func (res *Result) add(c CaseResult) {
	res.Cases = append(res.Cases, c)
	res.Lines += c.Labelled
	res.Unclear += c.Unclear
	if c.Integrity != nil && !*c.Integrity {
		res.Failures++
	}
	if c.Skipped != "" {
		res.Skipped++
	} else {
		res.Scored++
	}
}

func progress(opt Options, format string, args ...any) {
	if opt.Progress != nil {
		fmt.Fprintf(opt.Progress, "mvc bench split: "+format+"\n", args...)
	}
}

// dirOf is the directory baseline's key.
func dirOf(p string) string { return path.Dir(p) }
