package split

// unionFind joins atoms that must stay together. Atoms on different
// sides of the fence (vendored code and the change's own) never join.
type unionFind struct {
	parent []int
	fence  []bool
}

func newUnionFind(n int) *unionFind {
	u := &unionFind{parent: make([]int, n)}
	for i := range u.parent {
		u.parent[i] = i
	}
	return u
}

func (u *unionFind) find(i int) int {
	for u.parent[i] != i {
		u.parent[i] = u.parent[u.parent[i]]
		i = u.parent[i]
	}
	return i
}

// union joins the sets of i and j, keeping the smaller root so results do
// not depend on the order of calls.
func (u *unionFind) union(i, j int) {
	if u.fence != nil && u.fence[i] != u.fence[j] {
		return
	}
	a, b := u.find(i), u.find(j)
	if a == b {
		return
	}
	if b < a {
		a, b = b, a
	}
	u.parent[b] = a
}
