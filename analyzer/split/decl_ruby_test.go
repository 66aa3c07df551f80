package split

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestRubyDeclarations(t *testing.T) {
	for _, tc := range []struct {
		name, path, src string
		want            []string
	}{{
		name: "classes in modules, methods, heredocs and doc blocks",
		path: "lib/app/base.rb",
		src: `# frozen_string_literal: true
require 'rack'
require_relative 'app/version'

module App
  # Base serves requests.
  class Base < Rack::Base
    attr_reader :routes

    def initialize(routes)
      @routes = routes
    end

    def self.call(env) = new([]).call(env)

    def valid?
      sql = <<~SQL
        def not_a_method
      SQL
      !sql.empty?
    end

=begin
    def commented_out; end
=end
    private def secret!
      :hidden if routes.empty?
    end
  end
end
`,
		want: []string{
			"import", "import", "import", "import",
			"module App",
			"module App.class Base", "module App.class Base", "module App.class Base", "module App.class Base",
			"module App.class Base.def initialize", "module App.class Base.def initialize", "module App.class Base.def initialize", "module App.class Base.def initialize",
			"module App.class Base.def call", "module App.class Base.def call",
			"module App.class Base.def valid?", "module App.class Base.def valid?", "module App.class Base.def valid?", "module App.class Base.def valid?",
			"module App.class Base.def valid?", "module App.class Base.def valid?", "module App.class Base.def valid?",
			"module App.class Base.def secret!", "module App.class Base.def secret!", "module App.class Base.def secret!",
			"module App.class Base.def secret!", "module App.class Base.def secret!", "module App.class Base.def secret!",
			"module App.class Base.def secret!", "module App.class Base.def secret!",
		},
	}, {
		name: "statements between methods stay with the declaration above",
		path: "app.rb",
		src: `require 'sinatra/base'

class App < Sinatra::Base
  set :port, 4567

  get '/' do
    'hi'
  end

  def helper
    1
  end
  use Rack::Lint
end
`,
		want: []string{
			"import", "import",
			"class App", "class App", "class App", "class App", "class App", "class App", "class App",
			"class App.def helper", "class App.def helper", "class App.def helper", "class App.def helper", "class App.def helper",
		},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, keysByLine(tc.path, tc.src)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
