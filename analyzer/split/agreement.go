package split

// agreement estimates, from the pair probabilities, the adjusted Rand
// index between a partition of the change's lines and the grouping its
// author would have chosen: the benchmark's primary measure, which rewards
// keeping together what belongs together and is not fooled by lumping
// everything in one part (that scores 0). Merging stops when no merge
// raises it, so the number of parts follows from the evidence.
type agreement struct {
	pairs float64 // line pairs in the change
	truth float64 // expected pairs the author would put together
	both  float64 // expected pairs together in the partition and for the author
	pred  float64 // pairs the partition puts together
	base  float64 // probability of a pair without evidence
}

// hardProbability is how likely two lines of one hard-linked group are to
// come from the same commit (the benchmark measures 0.96 for new files).
const hardProbability = 0.95

func (w *work) newAgreement(groups []*group) agreement {
	total := 0
	var ag agreement
	for _, g := range groups {
		total += g.lines
		ag.both += hardProbability * pairsOf(g.lines)
		ag.pred += pairsOf(g.lines)
	}
	ag.pairs = pairsOf(total)
	ag.truth = ag.both + w.base*(ag.pairs-ag.pred)
	ag.base = w.base
	for _, g := range groups {
		for k, s := range g.links {
			if k > g.id {
				ag.truth += s
			}
		}
	}
	return ag
}

func pairsOf(n int) float64 { return float64(n) * float64(n-1) / 2 }

// ari is the adjusted Rand index for expected pair counts.
func (ag agreement) ari() float64 {
	if ag.pairs == 0 {
		return 0
	}
	chance := ag.truth * ag.pred / ag.pairs
	den := (ag.truth+ag.pred)/2 - chance
	if den <= 0 {
		return 0
	}
	return (ag.both - chance) / den
}

// merged is the agreement after joining g and h, whose line pairs have
// probabilities summing to base*pairs + links.
func (ag agreement) merged(g, h *group) agreement {
	n := float64(g.lines * h.lines)
	ag.both += ag.base*n + g.links[h.id]
	ag.pred += n
	return ag
}

// price is, to first order, the average pair probability a merge needs to
// raise the agreement: the change's base rate while the agreement is 0,
// rising toward 1/2 as it grows. Candidates well below it are not worth
// queueing.
func (ag agreement) price() float64 {
	if ag.pairs == 0 {
		return 0.5
	}
	base, a := ag.truth/ag.pairs, ag.ari()
	return base*(1-a) + a/2
}
