package size

import (
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"strings"
)

// Validate checks a policy and returns every problem, each naming the
// config key (as in .github/mvc.yml) and what it must be.
func (p Policy) Validate() error {
	var errs []error
	if p.Budget.Lines <= 0 {
		errs = append(errs, fmt.Errorf("budget.lines must be a positive number of weighted lines, got %d", p.Budget.Lines))
	}
	if p.Budget.Files <= 0 {
		errs = append(errs, fmt.Errorf("budget.files must be a positive number of files, got %d", p.Budget.Files))
	}
	errs = append(errs, p.Buckets.validate()...)
	errs = append(errs, p.Weights.validate()...)
	for i, pattern := range p.Ignore {
		if err := validatePattern(pattern); err != nil {
			errs = append(errs, fmt.Errorf("ignore[%d] %q: %w", i, pattern, err))
		}
	}
	return errors.Join(errs...)
}

func (b Buckets) validate() []error {
	var errs []error
	if b.XS < 0 {
		errs = append(errs, fmt.Errorf("buckets.XS must be 0 or more, got %d", b.XS))
	}
	bounds := b.bounds()
	for i := 1; i < len(bounds); i++ {
		lo, hi := bounds[i-1], bounds[i]
		if hi.min <= lo.min {
			errs = append(errs, fmt.Errorf("buckets.%s (%d) must be greater than buckets.%s (%d): lower bounds increase from XS to XXL",
				hi.size, hi.min, lo.size, lo.min))
		}
	}
	return errs
}

// MaxWeight bounds every weight: far above any sensible weighting, and low
// enough that the weighted lines of any change stay well inside an int.
const MaxWeight = 1000

func (w Weights) validate() []error {
	var errs []error
	for _, f := range []struct {
		key string
		v   float64
	}{
		{"code", w.Code}, {"test", w.Test}, {"docs", w.Docs}, {"deletion", w.Deletion},
		{"generated", w.Generated}, {"lockfile", w.Lockfile}, {"vendored", w.Vendored},
		{"binary", w.Binary}, {"rename", w.Rename},
	} {
		if f.v < 0 || f.v > MaxWeight || math.IsNaN(f.v) || math.IsInf(f.v, 0) {
			errs = append(errs, fmt.Errorf("weights.%s must be a number from 0 to %d, got %v", f.key, MaxWeight, f.v))
		}
	}
	return errs
}

// validatePattern rejects patterns go-git would silently never match:
// filepath.Match syntax errors such as an unclosed "[".
func validatePattern(pattern string) error {
	if isBlankOrComment(pattern) {
		return nil
	}
	for _, seg := range strings.Split(strings.TrimPrefix(pattern, "!"), "/") {
		if _, err := filepath.Match(seg, ""); err != nil {
			return fmt.Errorf("bad glob segment %q: unclosed [ or trailing \\", seg)
		}
	}
	return nil
}
