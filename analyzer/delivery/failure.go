package delivery

import (
	"fmt"
	"strings"
	"time"
)

// FailureRules tune the hotfix and incident signals.
type FailureRules struct {
	// HotfixBranch is the branch prefix of hotfix pull requests
	// (default "hotfix/"), recognised from merge commit subjects.
	HotfixBranch string
	// IncidentWindow is how long after a deployment an incident without
	// a usable reference is still attributed to it (default 7 days).
	IncidentWindow time.Duration
}

func (r FailureRules) withDefaults() FailureRules {
	if r.HotfixBranch == "" {
		r.HotfixBranch = DefaultHotfixBranch
	}
	if r.IncidentWindow <= 0 {
		r.IncidentWindow = DefaultIncidentWindow
	}
	return r
}

// verdict is what the signals say about one shipment.
type verdict struct {
	failed      bool
	signal      string
	by          int // the remediating shipment, or -1 for an incident's close
	incident    *Incident
	evidence    string
	rollback    bool // this shipment is a rollback
	remediation bool // this shipment remediates an earlier one
}

// judge applies every signal to shipments (time order, all at or before
// the window's end) and returns one verdict per shipment. by maps commit
// indexes to 1 + the shipment that shipped them (see ship).
type judge struct {
	h     *History
	ss    []Shipment
	by    []int32
	sig   Signals
	rules FailureRules
	shas  shaIndex
	out   []verdict
	// reached lists, per shipment, every commit it reached, merges too.
	reached [][]int32
	// unattributed are incidents no deployment could be blamed for.
	unattributed []Incident
	// reverted marks the commits a shipped commit reverts.
	reverted map[int32]bool
}

func newJudge(h *History, ss []Shipment, by []int32, sig Signals, rules FailureRules) *judge {
	j := &judge{h: h, ss: ss, by: by, sig: sig, rules: rules.withDefaults(), shas: shaIndex{h: h}, out: make([]verdict, len(ss)), reverted: map[int32]bool{}}
	j.reached = make([][]int32, len(ss))
	for c, s := range by {
		if s > 0 && int(s) <= len(ss) {
			j.reached[s-1] = append(j.reached[s-1], int32(c))
		}
	}
	return j
}

func (j *judge) run() []verdict {
	for k := range j.ss {
		j.rollbacks(k)
		j.reverts(k)
		j.hotfixes(k)
	}
	j.unattributed = j.incidents()
	return j.out
}

// fail records that shipment i failed, remediated by shipment k. A
// deployment fails once: the earliest remediation wins, and at the same
// remediation the first signal applied (rollback, revert, hotfix).
func (j *judge) fail(i, k int, signal, evidence string) {
	j.out[k].remediation = true
	v := &j.out[i]
	if v.failed && v.by >= 0 && v.by <= k {
		return
	}
	v.failed, v.signal, v.by, v.incident, v.evidence = true, signal, k, nil, evidence
}

// shipperOf returns the shipment that shipped the commit sha names.
func (j *judge) shipperOf(sha string) (int, bool) {
	c, ok := j.shas.resolve(sha)
	if !ok || j.by[c] == 0 || int(j.by[c]) > len(j.ss) {
		return 0, false
	}
	return int(j.by[c]) - 1, true
}

// rollbacks: shipment k rolls back every earlier shipment whose commit
// has k's commit as a strict ancestor. Only shipments from the one that
// first shipped k's commit onwards can have it as an ancestor, and the
// check walks only commits they shipped, so a rollback costs the history
// between it and its target, not the whole graph.
func (j *judge) rollbacks(k int) {
	s := j.ss[k]
	target, ok := j.h.lookup(s.SHA)
	if !ok || j.by[target] == 0 {
		return
	}
	first := int(j.by[target]) - 1
	for i := first; i < k; i++ {
		if j.ss[i].SHA != s.SHA && j.reaches(j.ss[i].SHA, target, first) {
			j.out[k].rollback = true
			j.fail(i, k, SignalRollback, fmt.Sprintf("%s redeployed older commit %s", s.Ref, shortSHA(s.SHA)))
		}
	}
}

// reaches reports whether target is an ancestor of sha, walking only
// commits shipped by shipment `from` or later.
func (j *judge) reaches(sha string, target int32, from int) bool {
	start, ok := j.h.lookup(sha)
	if !ok {
		return false
	}
	seen := map[int32]bool{}
	stack := []int32{start}
	for len(stack) > 0 {
		c := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if c == target {
			return true
		}
		if seen[c] || int(j.by[c])-1 < from {
			continue
		}
		seen[c] = true
		stack = append(stack, j.h.parents[c]...)
	}
	return false
}

// reverts: shipment k ships a commit that reverts a commit an earlier
// shipment shipped. A revert of a commit not yet deployed is no failure.
func (j *judge) reverts(k int) {
	for _, c := range j.reached[k] {
		commit := j.h.commits[c]
		for _, sha := range append(append([]string(nil), commit.Reverts...), j.sig.Reverts[commit.SHA]...) {
			if c, ok := j.shas.resolve(sha); ok {
				j.reverted[c] = true
			}
			if i, ok := j.shipperOf(sha); ok && i < k {
				j.fail(i, k, SignalRevert, fmt.Sprintf("commit %s reverts %s", shortSHA(commit.SHA), shortSHA(sha)))
			}
		}
	}
}

// hotfixes: shipment k ships a hotfix pull request, which fixes what was
// in production before it: the latest earlier shipment that is not
// itself a rollback.
func (j *judge) hotfixes(k int) {
	evidence := j.hotfixEvidence(k)
	if evidence == "" {
		return
	}
	for i := k - 1; i >= 0; i-- {
		if !j.out[i].rollback {
			j.fail(i, k, SignalHotfix, evidence)
			return
		}
	}
}

func (j *judge) hotfixEvidence(k int) string {
	for _, c := range j.reached[k] {
		commit := j.h.commits[c]
		if j.sig.Hotfixes[commit.SHA] {
			return fmt.Sprintf("hotfix pull request merged as %s", shortSHA(commit.SHA))
		}
		if strings.HasPrefix(commit.MergedBranch, j.rules.HotfixBranch) {
			return fmt.Sprintf("merges branch %s (%s)", commit.MergedBranch, shortSHA(commit.SHA))
		}
	}
	return ""
}
