package imports

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestRuby(t *testing.T) {
	src := `require 'sinatra/base'
require_relative "test_helper"
require("rack/protection")
Kernel.require 'json'
autoload :Version, 'sinatra/version'
load 'tasks/release.rb'
# require 'commented_out'
x = "require 'in_a_string'"
DOC = <<~EOS
  require 'in_a_heredoc'
EOS
=begin
require 'in_a_block_comment'
=end
require "interpolated/#{name}"
  require 'indented'
__END__
require 'after_end'
`
	got := Ruby([]byte(src))
	want := []RubyRequire{
		{Line: 1, Path: "sinatra/base"},
		{Line: 2, Path: "test_helper", Relative: true},
		{Line: 3, Path: "rack/protection"},
		{Line: 4, Path: "json"},
		{Line: 5, Path: "sinatra/version"},
		{Line: 6, Path: "tasks/release.rb"},
		{Line: 16, Path: "indented"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Ruby() mismatch (-want +got):\n%s", diff)
	}
}

func TestResolveRuby(t *testing.T) {
	files := map[string]bool{
		"lib/sinatra/base.rb":                    true,
		"test/test_helper.rb":                    true,
		"sinatra-contrib/lib/sinatra/cookies.rb": true,
		"tasks/release.rb":                       true,
	}
	exists := func(p string) bool { return files[p] }
	tests := []struct {
		from string
		req  RubyRequire
		want string
	}{
		{"test/base_test.rb", RubyRequire{Path: "test_helper", Relative: true}, "test/test_helper.rb"},
		{"test/base_test.rb", RubyRequire{Path: "sinatra/base"}, "lib/sinatra/base.rb"},
		{"sinatra-contrib/spec/cookies_spec.rb", RubyRequire{Path: "sinatra/cookies"}, "sinatra-contrib/lib/sinatra/cookies.rb"},
		{"Rakefile.rb", RubyRequire{Path: "tasks/release.rb"}, "tasks/release.rb"},
		{"test/base_test.rb", RubyRequire{Path: "json"}, ""},
		{"test/base_test.rb", RubyRequire{Path: "missing", Relative: true}, ""},
	}
	for _, tt := range tests {
		if got := ResolveRuby(tt.from, tt.req, exists); got != tt.want {
			t.Errorf("ResolveRuby(%s, %+v) = %q, want %q", tt.from, tt.req, got, tt.want)
		}
	}
}
