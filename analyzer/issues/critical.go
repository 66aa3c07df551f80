package issues

// criticalPath returns the longest chain of open issues in which each must
// finish before the next, first to last, or nil when no issue waits on
// another. Edges inside a cycle are left out (the cycle is reported on its
// own, and a chain through it could never finish anyway); its members stay
// on chains through edges that enter or leave it. Among the longest
// chains, the one whose numbers come first in order wins: the smallest
// first issue, then the smallest second, and so on.
func (p precedence) criticalPath(comp []int) []int {
	n := len(p.numbers)
	// before[j] lists the issues that wait on j, ascending.
	before := make([][]int, n)
	waiting := make([]int, n) // how many issues each one still waits on
	for i, list := range p.waitsOn {
		for _, j := range list {
			if comp[i] != comp[j] {
				before[j] = append(before[j], i)
				waiting[i]++
			}
		}
	}
	order := make([]int, 0, n) // topological: j before the issues waiting on it
	for i := range n {
		if waiting[i] == 0 {
			order = append(order, i)
		}
	}
	for k := 0; k < len(order); k++ {
		for _, i := range before[order[k]] {
			if waiting[i]--; waiting[i] == 0 {
				order = append(order, i)
			}
		}
	}
	// longest[j] is the length of the longest chain starting at j.
	longest := make([]int, n)
	for k := len(order) - 1; k >= 0; k-- {
		j := order[k]
		longest[j] = 1
		for _, i := range before[j] {
			longest[j] = max(longest[j], longest[i]+1)
		}
	}
	start := -1
	for j := range n {
		if start < 0 || longest[j] > longest[start] {
			start = j
		}
	}
	if start < 0 || longest[start] < 2 {
		return nil
	}
	path := []int{p.numbers[start]}
	for j := start; longest[j] > 1; {
		for _, i := range before[j] { // ascending: the first fit is the smallest
			if longest[i] == longest[j]-1 {
				j = i
				break
			}
		}
		path = append(path, p.numbers[j])
	}
	return path
}
