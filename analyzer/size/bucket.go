package size

// Size is a size label's suffix: XS, S, M, L, XL or XXL.
type Size string

// The size labels, smallest first.
const (
	XS  Size = "XS"
	S   Size = "S"
	M   Size = "M"
	L   Size = "L"
	XL  Size = "XL"
	XXL Size = "XXL"
)

// Sizes lists every size, smallest first.
var Sizes = []Size{XS, S, M, L, XL, XXL}

type bound struct {
	size Size
	min  int
}

func (b Buckets) bounds() []bound {
	return []bound{{XS, b.XS}, {S, b.S}, {M, b.M}, {L, b.L}, {XL, b.XL}, {XXL, b.XXL}}
}

// Size returns the largest bucket whose lower bound is at most the
// weighted lines. Below XS's bound (only when XS > 0) it is still XS.
func (b Buckets) Size(weighted int) Size {
	bounds := b.bounds()
	for i := len(bounds) - 1; i > 0; i-- {
		if weighted >= bounds[i].min {
			return bounds[i].size
		}
	}
	return XS
}
