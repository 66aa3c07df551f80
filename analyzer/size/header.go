package size

import (
	"regexp"
	"strings"
)

// headerLines is how many leading lines of a file may carry a generated
// marker. Sources read at least this many into FileChange.Header.
const headerLines = 10

// generatedHeader matches Go's convention (https://go.dev/s/generatedcode),
// "// Code generated <anything> DO NOT EDIT.", under any common comment
// leader (#, --, ;, /*, *, <!--, %) and with an optional closer (*/, -->),
// so protoc, sqlc or openapi output in any language is recognised.
var generatedHeader = regexp.MustCompile(
	`^[ \t]*(?://+|#+|--|;+|/\*+|\*|<!--|%+)[ \t]*Code generated .* DO NOT EDIT\.[ \t]*(?:\*/|-->)?[ \t]*$`)

// atGenerated matches the "@generated" marker of Meta's tools, Cargo and
// others, inside a comment line.
var atGenerated = regexp.MustCompile(`^[ \t]*(?://|#|--|/\*|\*|<!--)[^\n]*@generated\b`)

// hasGeneratedMarker reports whether one of a header's first lines says the
// file is generated.
func hasGeneratedMarker(header string) bool {
	if !strings.Contains(header, "generated") { // both markers say it; most files do not
		return false
	}
	lines := strings.SplitN(header, "\n", headerLines+1)
	for i, line := range lines {
		if i == headerLines {
			break
		}
		line = strings.TrimSuffix(line, "\r")
		if generatedHeader.MatchString(line) || atGenerated.MatchString(line) {
			return true
		}
	}
	return false
}
