package delivery

import (
	"strconv"
	"strings"
	"time"
)

// ParseDuration reads a positive duration as users write windows: Go's
// syntax (36h) or whole and fractional days with a d suffix (7d, 1.5d).
func ParseDuration(s string) (time.Duration, error) {
	var d time.Duration
	var err error
	if days, ok := strings.CutSuffix(strings.TrimSpace(s), "d"); ok {
		var n float64
		n, err = strconv.ParseFloat(days, 64)
		d = time.Duration(n * float64(24*time.Hour))
	} else {
		d, err = time.ParseDuration(strings.TrimSpace(s))
	}
	if err == nil && d <= 0 {
		err = strconv.ErrRange
	}
	return d, err
}
