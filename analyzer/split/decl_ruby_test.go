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
		name: "rspec blocks",
		path: "spec/base_spec.rb",
		src: `RSpec.describe App::Base do
  let(:app) { described_class.new([]) }

  it "is valid" do
    expect(app).to be_valid
  end

  context "without routes" do
    it "hides" do
      expect(app.routes).to be_empty
    end
  end
end
`,
		want: []string{
			"call RSpec.describe App::Base do",
			"call let(:app) { described_class.new([]) }", "call let(:app) { described_class.new([]) }",
			"call it \"is valid\" do", "call it \"is valid\" do", "call it \"is valid\" do", "call it \"is valid\" do",
			"call context \"without routes\" do",
			"call it \"hides\" do", "call it \"hides\" do", "call it \"hides\" do", "call it \"hides\" do", "call it \"hides\" do",
		},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, keysByLine(tc.path, tc.src)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
