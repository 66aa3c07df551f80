package split

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestComponentDeclarations(t *testing.T) {
	for _, tc := range []struct {
		name, path, src string
		want            []string
	}{{
		name: "vue: template, script cut like TypeScript, style",
		path: "src/components/Counter.vue",
		src: `<template>
  <button @click="inc">{{ count }}</button>
</template>

<script setup lang="ts">
import { ref } from 'vue'
const count = ref(0)
function inc() {
  count.value++
}
</script>

<style scoped>
button { color: red; }
</style>
`,
		want: []string{
			"markup", "markup", "markup", "markup",
			"script", "script.import { ref } from 'vue'", "script.const count",
			"script.function inc", "script.function inc", "script.function inc", "script.function inc", "script.function inc",
			"style", "style", "style",
		},
	}, {
		name: "astro: front matter is script, the rest template",
		path: "src/pages/index.astro",
		src: `---
import Layout from '../layouts/Layout.astro'
const title = 'Home'
---
<Layout title={title}>
  <h1>{title}</h1>
</Layout>
`,
		want: []string{
			"frontmatter", "script.import Layout from '../layouts/Layout.astro'", "script.const title",
			"template", "template", "template", "template",
		},
	}, {
		name: "svelte: markup after the script",
		path: "src/App.svelte",
		src: `<script>
  export let name
</script>

<h1>Hello {name}</h1>
`,
		want: []string{"script", "script.let name", "script.let name", "script.let name", "markup"},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, keysByLine(tc.path, tc.src)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
