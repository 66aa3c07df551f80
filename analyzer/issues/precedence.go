package issues

// precedence is the "must finish before" relation among open issues, on
// dense indexes for speed: numbers[i] is node i's issue number, ascending,
// so a smaller index is a smaller number.
//
// Issue i waits on j when i is blocked by j, or when j is i's child: a
// parent cannot finish before its open children. Closed issues are done,
// so they constrain nothing, and pull requests are left out: they are how
// work ships, not planned work. Closes edges are not in the relation.
type precedence struct {
	numbers []int
	waitsOn [][]int // ascending indexes
}

func newPrecedence(g *Graph) precedence {
	var p precedence
	node := map[int]int{}
	for _, is := range g.issues {
		if is.State == Open && !is.PullRequest {
			node[is.Number] = len(p.numbers)
			p.numbers = append(p.numbers, is.Number)
		}
	}
	p.waitsOn = make([][]int, len(p.numbers))
	// g.edges is sorted by From then To, so each list comes out ascending.
	for _, e := range g.edges {
		from, ok1 := node[e.From]
		to, ok2 := node[e.To]
		if ok1 && ok2 && (e.Kind == BlockedBy || e.Kind == Parent) {
			if w := p.waitsOn[from]; len(w) == 0 || w[len(w)-1] != to {
				p.waitsOn[from] = append(w, to)
			}
		}
	}
	return p
}

// components returns each node's strongly connected component, numbered
// from 0, by Tarjan's algorithm without recursion: a chain of ten thousand
// issues must not grow the goroutine stack ten thousand frames deep.
func (p precedence) components() []int {
	n := len(p.numbers)
	const unvisited = -1
	order, low, comp := make([]int, n), make([]int, n), make([]int, n)
	for i := range order {
		order[i], comp[i] = unvisited, unvisited
	}
	type frame struct{ node, next int } // next: position in waitsOn[node]
	var stack []int
	var frames []frame
	visited, components := 0, 0
	for root := range n {
		if order[root] != unvisited {
			continue
		}
		frames = append(frames, frame{node: root})
		order[root], low[root] = visited, visited
		visited++
		stack = append(stack, root)
		for len(frames) > 0 {
			f := &frames[len(frames)-1]
			if f.next < len(p.waitsOn[f.node]) {
				w := p.waitsOn[f.node][f.next]
				f.next++
				switch {
				case order[w] == unvisited:
					order[w], low[w] = visited, visited
					visited++
					stack = append(stack, w)
					frames = append(frames, frame{node: w})
				case comp[w] == unvisited: // on the stack
					low[f.node] = min(low[f.node], order[w])
				}
				continue
			}
			v := f.node
			frames = frames[:len(frames)-1]
			if len(frames) > 0 {
				parent := frames[len(frames)-1].node
				low[parent] = min(low[parent], low[v])
			}
			if low[v] == order[v] {
				for {
					w := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					comp[w] = components
					if w == v {
						break
					}
				}
				components++
			}
		}
	}
	return comp
}
