package report

import "testing"

func TestStackDocGolden(t *testing.T) {
	branches := []StackBranch{
		{Name: "mvc/split/01-add-greet-in-a", Commit: "1111111aaaaaaa", Title: "Add Greet in a"},
		{Name: "mvc/split/02-use-greet-in-b", Commit: "2222222bbbbbbb", Title: "Use Greet in b, with the user's \"name\""},
	}
	doc := StackDoc(branches, "main")
	golden(t, "split-stack.md", Markdown(doc))
	golden(t, "split-stack.txt", Text(doc))
}
