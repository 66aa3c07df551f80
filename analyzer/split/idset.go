package split

import "sort"

// idSet is a sorted set of interned identifiers: intersections of two sets
// are a linear merge, which keeps scoring millions of atom pairs fast.
type idSet []int32

// interner numbers strings, so sets hold small integers.
type interner struct {
	ids   map[string]int32
	names []string
}

func (in *interner) id(s string) int32 {
	if id, ok := in.ids[s]; ok {
		return id
	}
	if in.ids == nil {
		in.ids = map[string]int32{}
	}
	id := int32(len(in.names))
	in.ids[s] = id
	in.names = append(in.names, s)
	return id
}

// setOf interns the strings of m into a sorted set.
func (in *interner) setOf(m map[string]bool) idSet {
	s := make(idSet, 0, len(m))
	for k := range m {
		s = append(s, in.id(k))
	}
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s
}

// shared counts the identifiers in both sets.
func (s idSet) shared(t idSet) int {
	n, _ := s.overlap(t, nil)
	return n
}

// overlap counts the identifiers in both sets and, given weights, sums
// their w[id]².
func (s idSet) overlap(t idSet, w []float64) (n int, sum float64) {
	i, j := 0, 0
	for i < len(s) && j < len(t) {
		switch {
		case s[i] < t[j]:
			i++
		case s[i] > t[j]:
			j++
		default:
			n++
			if w != nil {
				sum += w[s[i]] * w[s[i]]
			}
			i++
			j++
		}
	}
	return n, sum
}

// union merges sorted sets.
func union(sets ...idSet) idSet {
	seen := map[int32]bool{}
	var out idSet
	for _, s := range sets {
		for _, id := range s {
			if !seen[id] {
				seen[id] = true
				out = append(out, id)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}
