package split

import (
	"bytes"
	"strings"
)

// lineState is what a lexer knows at the start of a line.
type lineState struct {
	depth int  // open brackets of any kind
	code  bool // the line starts in code, not inside a string or comment
}

// scriptLexer tracks just enough of TypeScript/JavaScript to tell where a
// line starts: inside a comment, a string, a template literal (whose ${}
// nest), a regular expression literal, or code at some bracket depth.
type scriptLexer struct {
	depth     int
	templates []int // bracket depth at each open ${ of a template literal
	inBlock   bool  // inside /* */
	inTmpl    bool  // inside a template literal's text
	quote     byte  // inside a ' or " string
	prev      byte  // last significant code byte, for the regex guess
}

// lexLines returns the state at the start of each line of src.
func (lx *scriptLexer) lexLines(src []byte) []lineState {
	lines := bytes.Split(src, []byte{'\n'})
	states := make([]lineState, len(lines))
	for i, l := range lines {
		states[i] = lineState{depth: lx.depth, code: !lx.inBlock && !lx.inTmpl && lx.quote == 0}
		lx.lexLine(l)
		lx.quote = 0 // an unterminated quote ends at the newline
	}
	return states
}

func (lx *scriptLexer) lexLine(l []byte) {
	for i := 0; i < len(l); i++ {
		c := l[i]
		switch {
		case lx.inBlock:
			if c == '*' && i+1 < len(l) && l[i+1] == '/' {
				lx.inBlock = false
				i++
			}
		case lx.quote != 0:
			if c == '\\' {
				i++
			} else if c == lx.quote {
				lx.quote = 0
			}
		case lx.inTmpl:
			i = lx.templateText(l, i)
		default:
			if skip := lx.code(l, i); skip < 0 {
				return // a line comment
			} else {
				i = skip
			}
		}
	}
}

// templateText handles one byte of template literal text at l[i].
func (lx *scriptLexer) templateText(l []byte, i int) int {
	switch {
	case l[i] == '\\':
		return i + 1
	case l[i] == '`':
		lx.inTmpl = false
		lx.prev = '`'
	case l[i] == '$' && i+1 < len(l) && l[i+1] == '{':
		lx.templates = append(lx.templates, lx.depth)
		lx.inTmpl = false
		lx.depth++
		lx.prev = '{'
		return i + 1
	}
	return i
}

// code handles one byte of code at l[i] and returns the index of the last
// byte it consumed, or -1 when the rest of the line is a comment.
func (lx *scriptLexer) code(l []byte, i int) int {
	c := l[i]
	switch {
	case c == '/' && i+1 < len(l) && l[i+1] == '/':
		return -1
	case c == '/' && i+1 < len(l) && l[i+1] == '*':
		lx.inBlock = true
		return i + 1
	case c == '/' && (regexCanStart(lx.prev) || afterKeyword(l[:i])):
		return lx.skipRegex(l, i)
	case c == '\'' || c == '"':
		lx.quote = c
	case c == '`':
		lx.inTmpl = true
	case c == '{' || c == '(' || c == '[':
		lx.depth++
	case c == '}' || c == ')' || c == ']':
		lx.depth--
		if n := len(lx.templates); c == '}' && n > 0 && lx.templates[n-1] == lx.depth {
			lx.templates = lx.templates[:n-1]
			lx.inTmpl = true
		}
	}
	if c != ' ' && c != '\t' && c != '\r' {
		lx.prev = c
	}
	return i
}

// regexCanStart guesses that a '/' after prev opens a regular expression
// rather than dividing: the usual heuristic of JavaScript tools without a
// full parser.
func regexCanStart(prev byte) bool {
	return prev == 0 || strings.IndexByte("(,=:[!&|?{};+-*%<>~^", prev) >= 0
}

// afterKeyword reports whether the code before a '/' ends with a keyword
// after which an expression starts (return /x/), not a value to divide.
func afterKeyword(before []byte) bool {
	t := strings.TrimRight(string(before), " \t")
	end := len(t)
	for end > 0 && isIdentRune(rune(t[end-1]), 1) {
		end--
	}
	return regexKeywords[t[end:]]
}

var regexKeywords = map[string]bool{
	"return": true, "typeof": true, "case": true, "do": true, "else": true, "in": true, "of": true,
	"new": true, "delete": true, "void": true, "throw": true, "yield": true, "await": true,
}

// skipRegex skips a regular expression literal starting at l[i], with its
// character classes, and returns the index of its closing '/'.
func (lx *scriptLexer) skipRegex(l []byte, i int) int {
	inClass := false
	for j := i + 1; j < len(l); j++ {
		switch {
		case l[j] == '\\':
			j++
		case l[j] == '[':
			inClass = true
		case l[j] == ']':
			inClass = false
		case l[j] == '/' && !inClass:
			lx.prev = 'x'
			return j
		}
	}
	return len(l) - 1 // not a regex after all: treat the line's rest as opaque
}
