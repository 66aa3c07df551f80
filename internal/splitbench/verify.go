package splitbench

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/mvcbot/mvc/analyzer/split"
	"github.com/mvcbot/mvc/report"
	"github.com/mvcbot/mvc/source/gitrepo"
	"github.com/mvcbot/mvc/source/golang"
)

// VerifyResult is one case's type-check outcome (Go), with --verify.
type VerifyResult struct {
	// Calibrated says every commit of the true stack type-checks with this
	// toolchain. Only calibrated cases count: a case whose own history
	// does not build here (an older Go, a missing module) says nothing
	// about the splitter.
	Calibrated bool   `json:"calibrated"`
	Excluded   string `json:"excluded,omitempty"`
	// As proposed, then after the repair loop of `mvc split --verify`.
	Parts                 int     `json:"parts"`
	PrefixesBuild         int     `json:"prefixes_build"`
	StackBuilds           bool    `json:"stack_builds"`
	RepairedParts         int     `json:"repaired_parts"`
	RepairedPrefixesBuild int     `json:"repaired_prefixes_build"`
	RepairedStackBuilds   bool    `json:"repaired_stack_builds"`
	Repairs               int     `json:"repairs"`
	Seconds               float64 `json:"seconds"`
	// LineARI scores the plan as proposed, RepairedLineARI the repaired
	// one: what repair costs in agreement with the author's commits.
	LineARI         float64 `json:"line_ari"`
	RepairedLineARI float64 `json:"repaired_line_ari"`
}

// VerifySummary sums the calibrated cases.
type VerifySummary struct {
	Cases                 int     `json:"cases"`
	Calibrated            int     `json:"calibrated"`
	Prefixes              int     `json:"prefixes"`
	PrefixesBuild         int     `json:"prefixes_build"`
	StacksBuild           int     `json:"stacks_build"`
	RepairedPrefixes      int     `json:"repaired_prefixes"`
	RepairedPrefixesBuild int     `json:"repaired_prefixes_build"`
	RepairedStacksBuild   int     `json:"repaired_stacks_build"`
	Seconds               float64 `json:"seconds"`
	// Mean line ARI over the calibrated cases, as proposed and repaired.
	LineARI         float64 `json:"line_ari"`
	RepairedLineARI float64 `json:"repaired_line_ari"`
}

// goEnv pins the toolchain to the local one: cases are calibrated against
// it instead of downloading the Go of their day.
var goEnv = []string{"GOTOOLCHAIN=local"}

// verifyCase calibrates the case on its true stack, then type-checks the
// proposed stack's prefixes as proposed and after repair. A failure of the
// toolchain excludes the case, saying why, rather than ending the run.
func verifyCase(ctx context.Context, r *gitrepo.Repo, w Window, in split.Input, plan split.Plan, clock func() time.Time) (*VerifyResult, split.Plan) {
	start := clock()
	v := &VerifyResult{}
	defer func() { v.Seconds = clock().Sub(start).Seconds() }()
	reason, err := calibrate(ctx, r, w)
	if err != nil || reason != "" {
		v.Excluded = reason
		if err != nil {
			v.Excluded = "calibration failed: " + err.Error()
		}
		return v, plan
	}
	opt := golang.Options{Env: goEnv, Now: clock}
	rep, err := golang.Verify(ctx, r, in, plan, opt)
	var unavailable *golang.UnavailableError
	switch {
	case errors.As(err, &unavailable):
		// The machine, not the stack: no go command, a module not in the
		// cache with the network off.
		v.Excluded = "verification unavailable: " + err.Error()
		return v, plan
	case err != nil:
		v.Excluded = "verification failed: " + err.Error()
		return v, plan
	}
	fixed, rep2, err := golang.Repair(ctx, r, in, plan, opt)
	if err != nil {
		v.Excluded = "repair failed: " + err.Error()
		return v, plan
	}
	v.Calibrated = true
	v.Parts, v.PrefixesBuild = len(plan.Parts), building(rep)
	v.StackBuilds = v.PrefixesBuild == v.Parts
	v.RepairedParts, v.RepairedPrefixesBuild = len(fixed.Parts), building(rep2)
	v.RepairedStackBuilds = v.RepairedPrefixesBuild == v.RepairedParts
	v.Repairs = len(rep2.Repairs)
	return v, fixed
}

// lineARI is the line-level ARI of the items' mvc parts over the clearly
// labelled lines.
func lineARI(items []item) float64 {
	var truth, pred []int
	for _, it := range items {
		if it.truth > 0 {
			truth, pred = append(truth, it.truth), append(pred, it.mvc)
		}
	}
	return ARI(truth, pred)
}

// calibrate says why the case's own commits do not type-check, or "". A
// commit that touches no Go package (docs, go.mod alone) cannot break the
// build and passes; a case with no Go at all is excluded.
func calibrate(ctx context.Context, r *gitrepo.Repo, w Window) (string, error) {
	parent, checked := w.Base, false
	for _, c := range w.Commits {
		in, err := r.SplitInput(ctx, parent, c)
		if err != nil {
			return "", err
		}
		rep, err := golang.Verify(ctx, r, in, wholePlan(in), golang.Options{Env: goEnv})
		if err != nil {
			return "", err
		}
		if rep.HeadBuilds != nil && !*rep.HeadBuilds {
			return fmt.Sprintf("commit %s does not type-check with this Go", short(c)), nil
		}
		checked = checked || rep.HeadBuilds != nil
		parent = c
	}
	if !checked {
		return "the case touches no Go package inside a module (GOPATH-era code is not checked)", nil
	}
	return "", nil
}

// wholePlan is the change as one part.
func wholePlan(in split.Input) split.Plan {
	p := split.Part{Index: 1, Title: "the whole change"}
	for _, f := range in.Change.Files {
		pf := split.PartFile{Path: f.Path, OldPath: f.OldPath, Status: f.Status, Binary: f.Binary}
		for _, h := range f.Hunks {
			pf.Hunks = append(pf.Hunks, split.PartHunk{OldStart: h.OldStart, OldLines: h.OldLines, NewStart: h.NewStart, NewLines: h.NewLines, Lines: h.Lines})
		}
		p.Files = append(p.Files, pf)
	}
	return split.Plan{Base: in.Change.Base, Head: in.Change.Head, Parts: []split.Part{p}}
}

func building(rep golang.Report) int {
	n := 0
	for _, p := range rep.Parts {
		if p.Builds != nil && *p.Builds {
			n++
		}
	}
	return n
}

func summarizeVerify(cases []CaseResult) *VerifySummary {
	s := &VerifySummary{}
	for _, c := range cases {
		v := c.Verify
		if v == nil {
			continue
		}
		s.Cases++
		s.Seconds += v.Seconds
		if !v.Calibrated {
			continue
		}
		s.Calibrated++
		s.Prefixes += v.Parts
		s.PrefixesBuild += v.PrefixesBuild
		s.RepairedPrefixes += v.RepairedParts
		s.RepairedPrefixesBuild += v.RepairedPrefixesBuild
		if v.StackBuilds {
			s.StacksBuild++
		}
		if v.RepairedStackBuilds {
			s.RepairedStacksBuild++
		}
		s.LineARI += v.LineARI
		s.RepairedLineARI += v.RepairedLineARI
	}
	if s.Calibrated > 0 {
		s.LineARI /= float64(s.Calibrated)
		s.RepairedLineARI /= float64(s.Calibrated)
	}
	return s
}

// verifyDoc is the --verify paragraph of the benchmark report.
func (s *VerifySummary) doc() report.Block {
	if s.Calibrated == 0 {
		return report.Paragraph{Text: fmt.Sprintf("Type-checking (--verify): none of %d cases is calibrated: their own commits do not all type-check with this Go, or touch no Go package inside a module.", s.Cases)}
	}
	share := func(n, of int) string { return fmt.Sprintf("%d of %d (%s)", n, of, pct(float64(n)/float64(of))) }
	return report.Paragraph{Text: fmt.Sprintf(
		"Type-checking (--verify, Go), on the %d of %d cases whose true stack type-checks with this Go (the calibration gate): "+
			"whole stacks whose every prefix builds: %s as proposed, %s after repair; prefixes that build: %s as proposed, %s after repair; "+
			"mean line ARI on these cases %s as proposed, %s after repair. Verification took %.0f s in all.",
		s.Calibrated, s.Cases, share(s.StacksBuild, s.Calibrated), share(s.RepairedStacksBuild, s.Calibrated),
		share(s.PrefixesBuild, s.Prefixes), share(s.RepairedPrefixesBuild, s.RepairedPrefixes),
		num(s.LineARI), num(s.RepairedLineARI), s.Seconds)}
}
