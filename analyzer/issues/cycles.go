package issues

// cycles returns the groups of open issues that wait on each other (the
// strongly connected components of more than one issue; an issue cannot
// refer to itself in the graph). Each group is listed in the order a
// depth-first walk along "waits on" edges, from its smallest member and
// taking smaller numbers first, meets its members. Every member is
// reachable that way, and for a simple cycle the walk is the cycle, so
// "#3 waits on #5 waits on #4" reads in the order to look for the edge to
// cut. Listing each elementary cycle instead could take exponential time
// on a tangled group; one entry per group is also what to act on.
func (p precedence) cycles(comp []int) [][]int {
	size := map[int]int{}
	for _, c := range comp {
		size[c]++
	}
	var cycles [][]int
	seen := make([]bool, len(p.numbers))
	for i := range p.numbers { // ascending: i is its group's smallest
		if size[comp[i]] > 1 && !seen[i] {
			cycles = append(cycles, p.walk(i, comp, seen))
		}
	}
	return cycles
}

// walk lists, depth first and without recursion, the nodes of start's
// component reachable from start, marking them seen.
func (p precedence) walk(start int, comp []int, seen []bool) []int {
	var members []int
	stack := []int{start}
	for len(stack) > 0 {
		v := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[v] {
			continue
		}
		seen[v] = true
		members = append(members, p.numbers[v])
		next := p.waitsOn[v]
		for k := len(next) - 1; k >= 0; k-- { // so the smallest pops first
			if w := next[k]; comp[w] == comp[start] && !seen[w] {
				stack = append(stack, w)
			}
		}
	}
	return members
}
