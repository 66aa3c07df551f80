package split

import (
	"path"
	"strings"
)

// isInfra recognises dependency manifests, build files and CI settings.
func isInfra(p string) bool {
	base := path.Base(p)
	if _, ok := manifests[base]; ok { // a lockfile
		return true
	}
	if isManifest(base) { // the manifest a lockfile pairs with
		return true
	}
	if buildFiles[base] || isCI(p) {
		return true
	}
	ext := path.Ext(base)
	switch {
	case strings.HasPrefix(base, "Dockerfile"), strings.HasSuffix(base, ".mk"),
		strings.HasPrefix(base, "tsconfig") && ext == ".json",
		// pip's pins: requirements.txt, requirements-dev.txt, requirements/docs.in
		strings.HasPrefix(base, "requirements") && (ext == ".txt" || ext == ".in"),
		strings.HasPrefix(p, "requirements/") && (ext == ".txt" || ext == ".in"),
		buildExts[ext], isBundlerConfig(base):
		return true
	}
	return false
}

// bundlerConfigs are the tools whose config file builds a JavaScript
// project: webpack.config.js, vite.config.ts, ex_doc's assets/webpack.js.
var bundlerConfigs = []string{"webpack", "rollup.config", "vite.config", "vitest.config", "esbuild.config",
	"babel.config", "tsup.config", "jest.config", "postcss.config", "tailwind.config", "svelte.config", "astro.config", "next.config"}

// isBundlerConfig recognises a JavaScript build tool's config file.
func isBundlerConfig(base string) bool {
	switch path.Ext(base) {
	case ".js", ".cjs", ".mjs", ".ts", ".cts", ".mts":
	default:
		return base == ".babelrc"
	}
	for _, c := range bundlerConfigs {
		if strings.HasPrefix(base, c+".") {
			return true
		}
	}
	return false
}

// buildFiles are the build, dependency and toolchain files of the common
// ecosystems, by exact name, beyond the manifests lockfiles pair with.
var buildFiles = map[string]bool{
	"Makefile": true, "GNUmakefile": true, "CMakeLists.txt": true, "meson.build": true,
	"BUILD": true, "BUILD.bazel": true, "WORKSPACE": true, "MODULE.bazel": true,
	"go.work": true, "constraints.txt": true, "setup.cfg": true, "tox.ini": true,
	"MANIFEST.in": true, ".pre-commit-config.yaml": true,
	"pnpm-workspace.yaml": true, "lerna.json": true, "turbo.json": true, ".npmrc": true, ".nvmrc": true,
	"pom.xml": true, "build.gradle": true, "build.gradle.kts": true, "settings.gradle": true,
	"settings.gradle.kts": true, "gradle.properties": true, "gradle-wrapper.properties": true,
	"rust-toolchain": true, "rust-toolchain.toml": true,
	"Directory.Build.props": true, "Directory.Build.targets": true, "Directory.Packages.props": true,
	"global.json": true, "NuGet.config": true, "nuget.config": true,
	"Podfile": true, "Cartfile": true, "mix.exs": true, "Rakefile": true,
	".travis.yml": true, "azure-pipelines.yml": true, "Jenkinsfile": true, "dependabot.yml": true,
	"renovate.json": true, ".golangci.yml": true, ".golangci.yaml": true, ".golangci.toml": true,
	// Settings of the linters, formatters and checkers CI runs.
	"_typos.toml": true, "typos.toml": true, ".typos.toml": true, "deny.toml": true,
	"clippy.toml": true, ".clippy.toml": true, "rustfmt.toml": true, ".rustfmt.toml": true,
	"codecov.yml": true, ".codecov.yml": true, ".editorconfig": true, "biome.json": true, "biome.jsonc": true,
	".eslintrc": true, ".eslintrc.json": true, ".eslintrc.js": true, ".eslintrc.cjs": true, ".eslintrc.yml": true,
	".prettierrc": true, ".prettierrc.json": true, ".markdownlint.json": true, ".yamllint": true,
}

// buildExts are extensions only build and package files have.
var buildExts = map[string]bool{
	".csproj": true, ".fsproj": true, ".vbproj": true, ".sln": true, ".props": true,
	".gemspec": true, ".podspec": true, ".cmake": true, ".bzl": true,
}

// isCI recognises the settings of a CI service.
func isCI(p string) bool {
	return strings.HasPrefix(p, ".github/workflows/") || strings.HasPrefix(p, ".circleci/") || strings.HasPrefix(p, ".buildkite/") || p == ".gitlab-ci.yml"
}
