package issues

import "slices"

// Loop is what a dependency cycle group holds, drawn only with links that
// exist: Path[i] waits on Path[i+1], and the last waits on the first.
type Loop struct {
	// Path is a shortest loop through the group's smallest issue. When the
	// group is one simple loop, it is the whole group.
	Path []int `json:"path"`
	// Tangled says the group holds more than one loop (it has more links
	// than issues), so dropping one link of Path may leave others.
	Tangled bool `json:"tangled"`
	// Cut is a link [from, to] (from waits on to) whose removal alone
	// leaves the group without any loop; nil when no single link does, or
	// when the group is too big to check every link of Path.
	Cut []int `json:"cut,omitempty"`
}

// cutBudget bounds the work spent looking for a single link that frees a
// tangled group: links of the loop tried × size of the group.
const cutBudget = 4_000_000

// cycles returns the groups of open issues that wait on each other (the
// strongly connected components of more than one issue; an issue cannot
// refer to itself in the graph), each as its members ascending, groups by
// their smallest member; and for each group a loop drawn from real links.
// Listing every elementary cycle could take exponential time on a tangled
// group; one entry per group is what to act on, and one real loop in it
// shows where to start.
func (p precedence) cycles(comp []int) ([][]int, []Loop) {
	members := map[int][]int{} // component → its nodes, ascending
	var order []int            // components by their smallest node
	for i := range p.numbers {
		if len(members[comp[i]]) == 0 {
			order = append(order, comp[i])
		}
		members[comp[i]] = append(members[comp[i]], i)
	}
	var groups [][]int
	var loops []Loop
	for _, c := range order {
		nodes := members[c]
		if len(nodes) < 2 {
			continue
		}
		group := make([]int, len(nodes))
		for k, v := range nodes {
			group[k] = p.numbers[v]
		}
		groups = append(groups, group)
		loops = append(loops, p.loop(nodes, comp))
	}
	return groups, loops
}

// loop describes the group of nodes (one component, ascending).
func (p precedence) loop(nodes []int, comp []int) Loop {
	path := p.shortestLoop(nodes[0], comp)
	links := 0
	for _, v := range nodes {
		for _, w := range p.waitsOn[v] {
			if comp[w] == comp[v] {
				links++
			}
		}
	}
	l := Loop{Tangled: links > len(nodes)}
	for _, v := range path {
		l.Path = append(l.Path, p.numbers[v])
	}
	if !l.Tangled {
		l.Cut = []int{l.Path[0], l.Path[1%len(l.Path)]}
		return l
	}
	// A link whose removal frees the whole group lies on every loop, so on
	// this one: trying the links of path is enough.
	if len(path)*(len(nodes)+links) > cutBudget {
		return l
	}
	for k, v := range path {
		w := path[(k+1)%len(path)]
		if p.acyclicWithout(nodes, comp, v, w) {
			l.Cut = []int{p.numbers[v], p.numbers[w]}
			break
		}
	}
	return l
}

// shortestLoop returns a shortest loop through start inside its component,
// breadth first along "waits on" links, smaller numbers first: start, then
// each node waiting on the next, the last one waiting on start.
func (p precedence) shortestLoop(start int, comp []int) []int {
	from := map[int]int{start: -1}
	queue := []int{start}
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		for _, w := range p.waitsOn[v] {
			if w == start {
				var path []int
				for u := v; u != -1; u = from[u] {
					path = append(path, u)
				}
				slices.Reverse(path)
				return path
			}
			if _, ok := from[w]; !ok && comp[w] == comp[start] {
				from[w] = v
				queue = append(queue, w)
			}
		}
	}
	return []int{start} // unreachable for a component of more than one node
}

// acyclicWithout says whether the group has no loop once the link v → w
// is gone (Kahn's algorithm on the group's own links).
func (p precedence) acyclicWithout(nodes []int, comp []int, v, w int) bool {
	waiting := map[int]int{} // how many group members each node waits on
	before := map[int][]int{}
	for _, a := range nodes {
		for _, b := range p.waitsOn[a] {
			if comp[b] == comp[a] && (a != v || b != w) {
				waiting[a]++
				before[b] = append(before[b], a)
			}
		}
	}
	var ready []int
	for _, a := range nodes {
		if waiting[a] == 0 {
			ready = append(ready, a)
		}
	}
	done := 0
	for len(ready) > 0 {
		b := ready[len(ready)-1]
		ready = ready[:len(ready)-1]
		done++
		for _, a := range before[b] {
			if waiting[a]--; waiting[a] == 0 {
				ready = append(ready, a)
			}
		}
	}
	return done == len(nodes)
}
