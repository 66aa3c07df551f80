package patch

import (
	"strings"
	"testing"
)

func TestApply(t *testing.T) {
	tests := []struct {
		name, base, patch, want string
	}{
		{"replace middle", "a\nb\nc\n", "@@ -2 +2 @@\n-b\n+B\n", "a\nB\nc\n"},
		{"insert at top", "a\n", "@@ -0,0 +1 @@\n+z\n", "z\na\n"},
		{"insert after last", "a\n", "@@ -1,0 +2 @@\n+b\n", "a\nb\n"},
		{"delete all", "a\nb\n", "@@ -1,2 +0,0 @@\n-a\n-b\n", ""},
		{"create", "", "@@ -0,0 +1,2 @@\n+x\n+y\n", "x\ny\n"},
		{"add newline at EOF", "a", "@@ -1 +1 @@\n-a\n\\ No newline at end of file\n+a\n", "a\n"},
		{"drop newline at EOF", "a\n", "@@ -1 +1 @@\n-a\n+a\n\\ No newline at end of file\n", "a"},
		{"CRLF kept", "a\r\nb\r\n", "@@ -2 +2 @@\n-b\r\n+B\r\n", "a\r\nB\r\n"},
		{"two hunks with context", "1\n2\n3\n4\n5\n", "@@ -1,2 +1,2 @@\n 1\n-2\n+two\n@@ -4,2 +4,1 @@\n-4\n 5\n", "1\ntwo\n3\n5\n"},
		{"two inserts at one place keep their order", "a\n", "@@ -1,0 +3 @@\n+c\n@@ -1,0 +2 @@\n+b\n", "a\nb\nc\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hunks, err := ParseHunks(tt.patch)
			if err != nil {
				t.Fatalf("ParseHunks: %v", err)
			}
			got, err := Apply([]byte(tt.base), hunks)
			if err != nil {
				t.Fatalf("Apply: %v", err)
			}
			if string(got) != tt.want {
				t.Errorf("Apply = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestApplyRefusesMismatches(t *testing.T) {
	tests := []struct{ name, base, patch, want string }{
		{"wrong text", "a\nb\n", "@@ -2 +2 @@\n-x\n+y\n", "does not match"},
		{"newline state differs", "a", "@@ -1 +1 @@\n-a\n+b\n", "does not match"},
		{"past the end", "a\n", "@@ -5 +5 @@\n-a\n+b\n", "does not fit"},
		{"overlap", "a\nb\n", "@@ -1,2 +1 @@\n-a\n-b\n+c\n@@ -2 +1 @@\n-b\n+d\n", "does not fit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hunks, err := ParseHunks(tt.patch)
			if err != nil {
				t.Fatalf("ParseHunks: %v", err)
			}
			if _, err := Apply([]byte(tt.base), hunks); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Apply error = %v, want one containing %q", err, tt.want)
			}
		})
	}
}

// Finer pieces of one hunk given out of order: an insertion and the
// deletion right after it share a base position; the head positions
// decide their order.
func TestApplyPiecesOutOfOrder(t *testing.T) {
	deletion, _ := ParseHunks("@@ -2 +2,0 @@\n-b\n")
	insertion, _ := ParseHunks("@@ -1,0 +2 @@\n+x\n")
	got, err := Apply([]byte("a\nb\nc\n"), append(deletion, insertion...))
	if err != nil || string(got) != "a\nx\nc\n" {
		t.Errorf("Apply = %q, %v; want \"a\\nx\\nc\\n\"", got, err)
	}
}
