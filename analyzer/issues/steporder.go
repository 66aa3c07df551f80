package issues

import "slices"

// inDependencyOrder reorders steps so that each comes after the steps it
// depends on, moving as little as possible: at every point the earliest
// step whose dependencies are all placed goes next. DependsOn is rewritten
// to the new indexes. Steps on a dependency cycle (children blocking each
// other; Analyze reports the cycle) keep their order, and the dependencies
// that would point forward are dropped, since a step can only depend on
// earlier ones.
func inDependencyOrder(steps []Step) []Step {
	placed := make([]int, len(steps)) // old index → new index, -1 until placed
	for i := range placed {
		placed[i] = -1
	}
	var out []Step
	for len(out) < len(steps) {
		next := firstUnplaced(steps, placed, true)
		if next < 0 { // the rest wait on each other
			next = firstUnplaced(steps, placed, false)
		}
		placed[next] = len(out)
		out = append(out, steps[next])
	}
	for k := range out {
		var deps []int
		for _, d := range out[k].DependsOn {
			if placed[d] < k {
				deps = append(deps, placed[d])
			}
		}
		slices.Sort(deps)
		out[k].DependsOn = slices.Compact(deps)
	}
	return out
}

// firstUnplaced returns the first step not placed yet, only among those
// whose dependencies are all placed when ready is set; -1 if none.
func firstUnplaced(steps []Step, placed []int, ready bool) int {
	for i, s := range steps {
		if placed[i] < 0 && (!ready || allPlaced(s.DependsOn, placed)) {
			return i
		}
	}
	return -1
}

func allPlaced(deps, placed []int) bool {
	for _, d := range deps {
		if placed[d] < 0 {
			return false
		}
	}
	return true
}
