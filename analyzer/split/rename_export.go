package split

// MergedName names a part made of the given parts, in stack order, as
// Consolidate names a merged part: the title of the one that weighs most
// with the count of the others ("…, and 2 more parts"), and its kind.
// Callers that merge parts themselves (--verify's repairs) use it so
// every merged part reads alike.
func MergedName(parts []Part) (string, Kind) {
	if len(parts) == 1 {
		return parts[0].Title, parts[0].Kind
	}
	return consolidatedTitle(parts), heaviest(parts).Kind
}
