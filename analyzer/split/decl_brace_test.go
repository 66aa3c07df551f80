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
			"import std::fmt;", "import std::fmt;",
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
			"import a;", "import a;", "import java.util.List;", "import java.util.List;",
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
			"import <vector>", "import <vector>", "namespace geo", "namespace geo",
			"namespace geo.func area", "namespace geo.func area", "namespace geo.func area",
			"namespace geo.func area", "namespace geo.func area",
		},
	}, {
		name: "php: hash comments, attributes and methods",
		path: "src/Router.php",
		src: `<?php
namespace App;

use App\Route;

# Routes requests.
#[Attribute]
final class Router
{
    private array $routes = [];

    public function add(Route $r): void
    {
        # a { in a comment
        $this->routes[] = $r;
    }
}
`,
		want: []string{
			"stmt <?php", "namespace App", "namespace App", `import App\Route;`, `import App\Route;`,
			"class Router", "class Router", "class Router", "class Router",
			"class Router.field $routes", "class Router.field $routes",
			"class Router.function add", "class Router.function add", "class Router.function add",
			"class Router.function add", "class Router.function add", "class Router.function add",
		},
	}, {
		name: "c#: braces on their own lines open the declaration above",
		path: "src/Shapes.cs",
		src: `namespace Geo
{
    public class Circle
    {
        public double Radius;

        public double Area()
        {
            return Math.PI * Radius * Radius;
        }
    }
}
`,
		want: []string{
			"namespace Geo", "namespace Geo",
			"namespace Geo.class Circle", "namespace Geo.class Circle",
			"namespace Geo.class Circle.field Radius", "namespace Geo.class Circle.field Radius",
			"namespace Geo.class Circle.func Area", "namespace Geo.class Circle.func Area", "namespace Geo.class Circle.func Area",
			"namespace Geo.class Circle.func Area", "namespace Geo.class Circle.func Area", "namespace Geo.class Circle.func Area",
		},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, keysByLine(tc.path, tc.src)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// Every scanner takes any bytes without panicking and returns sorted,
// non-overlapping declarations within the file.
func FuzzDeclarationScanners(f *testing.F) {
	for _, seed := range []string{
		"fn f<'a>(x: &'a str) -> char { '{' }\n",
		"impl<T> X for Y<T> {\n    fn g() {}\n}\n",
		"let s = r#\"{\"#;\n/* { */\n\"\"\"\n{\n\"\"\"\n",
		"class A {\n  @Ann\n  int x = 1;\n  void m() {}\n}\n",
		"export default function () {\n  return `${a}`\n}\n",
		"def f():\n    '''doc\n'''\n    pass\n",
		"package p\n\nfunc (r *T) M() {}\n",
		"}}}\n{{{\n'\n\"\n",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src string) {
		for _, p := range []string{"a.rs", "A.java", "a.ts", "a.py", "a.go", "a.cc", "a.rb", "a.php", "a.vue", "a.astro"} {
			idx := indexFile(p, []byte(src))
			prev := 0
			for _, s := range idx.segs {
				if s.start < prev || s.end <= s.start {
					t.Fatalf("%s: segment %+v after line %d", p, s, prev)
				}
				prev = s.end
			}
		}
	})
}
