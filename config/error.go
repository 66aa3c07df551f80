package config

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// ErrNotFound is returned (wrapped) by LoadFile when there is no config
// file: a normal outcome that means "use the built-in defaults".
var ErrNotFound = errors.New("config file not found")

// Error is one bad setting, in a config file or in an input. It prints as a
// single line, e.g.
//
//	.github/mvc.yml:3: budget.lines: must be a positive whole number, got "many"
//	input max-lines: must be a positive whole number, got "abc"
type Error struct {
	File string // config file as named to Parse; empty for inputs and flags
	Line int    // 1-based line in File; 0 when unknown
	// Key is the dotted key path in File ("budget.lines"; empty for the
	// document itself), or the knob as the user spelled it ("input
	// max-lines", "flag --max-lines").
	Key string
	Msg string // what is wrong and what is allowed
}

func (e *Error) Error() string {
	where := e.File
	if e.File != "" && e.Line > 0 {
		where += ":" + strconv.Itoa(e.Line)
	}
	parts := make([]string, 0, 3)
	for _, p := range []string{where, e.Key, e.Msg} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, ": ")
}

// unknownKeyMsg explains an unknown key, with a guess when one allowed key
// is a typo away.
func unknownKeyMsg(key string, allowed []string) string {
	msg := fmt.Sprintf("unknown key %q (allowed: %s)", key, strings.Join(allowed, ", "))
	if guess := closest(key, allowed); guess != "" {
		msg += fmt.Sprintf("; did you mean %q?", guess)
	}
	return msg
}

// closest returns the allowed key within two edits of key (ignoring case),
// or "" when none is that close.
func closest(key string, allowed []string) string {
	best, bestDist := "", 3
	for _, a := range allowed {
		if d := editDistance(strings.ToLower(key), strings.ToLower(a)); d < bestDist {
			best, bestDist = a, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}
