package split

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestBraceDeclarations(t *testing.T) {
	for _, tc := range []struct {
		name, path, src string
		want            []string
	}{{
		name: "rust: lifetimes, raw strings, impl blocks and attributes",
		path: "src/lib.rs",
		src: `use std::fmt;

/// A wrapper.
#[derive(Debug)]
pub struct Wrapper<'a> {
    text: &'a str,
}

impl<'a> fmt::Display for Wrapper<'a> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let brace = r#"{ not a block "#;
        write!(f, "{}{}", self.text, brace)
    }

    pub fn len(&self) -> usize { self.text.len() }
}

pub(crate) fn quote() -> char {
    '{'
}
`,
		want: []string{
			"import", "import",
			"struct Wrapper", "struct Wrapper", "struct Wrapper",
			"struct Wrapper.field text", "struct Wrapper.field text", "struct Wrapper.field text",
			"impl<'a> fmt::Display for Wrapper<'a>",
			"impl<'a> fmt::Display for Wrapper<'a>.fn fmt", "impl<'a> fmt::Display for Wrapper<'a>.fn fmt",
			"impl<'a> fmt::Display for Wrapper<'a>.fn fmt", "impl<'a> fmt::Display for Wrapper<'a>.fn fmt",
			"impl<'a> fmt::Display for Wrapper<'a>.fn fmt",
			"impl<'a> fmt::Display for Wrapper<'a>.fn len", "impl<'a> fmt::Display for Wrapper<'a>.fn len",
			"impl<'a> fmt::Display for Wrapper<'a>.fn len",
			"fn quote", "fn quote", "fn quote",
		},
	}, {
		name: "java: a class and its methods, annotations above them",
		path: "src/main/java/a/Greeter.java",
		src: `package a;

import java.util.List;

public class Greeter {
    private final String name;

    @Override
    public String toString() {
        return "Greeter{" + name + "}";
    }

    static int count(List<String> xs) { return xs.size(); }
}
`,
		want: []string{
			"import", "import", "import", "import",
			"class Greeter",
			"class Greeter.field name", "class Greeter.field name",
			"class Greeter.func toString", "class Greeter.func toString", "class Greeter.func toString",
			"class Greeter.func toString", "class Greeter.func toString",
			"class Greeter.func count", "class Greeter.func count",
		},
	}, {
		name: "kotlin: functions, a text block, an extension function",
		path: "app/Main.kt",
		src: `fun main() {
    val s = """
{ not a block
"""
    println(s)
}

fun String.shout() = uppercase()
`,
		want: []string{
			"fun main", "fun main", "fun main", "fun main", "fun main", "fun main", "fun main",
			"fun shout",
		},
	}, {
		name: "c++: includes, a namespace and its functions",
		path: "geo/area.cc",
		src: `#include <vector>

namespace geo {

int area(const Rect& r) {
    return r.w * r.h;
}

}  // namespace geo
`,
		want: []string{
			"import", "import", "namespace geo", "namespace geo",
			"namespace geo.func area", "namespace geo.func area", "namespace geo.func area",
			"namespace geo.func area", "namespace geo.func area",
		},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, keysByLine(tc.path, tc.src)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
