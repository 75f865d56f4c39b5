// ESLint (`npm run lint`): the recommended rules of JavaScript, TypeScript and Vue, and the
// project's own below. Layout is left to the code's existing style: the rules that only
// place line breaks and indentation are off.
import js from '@eslint/js'
import pluginVue from 'eslint-plugin-vue'
import { defineConfigWithVueTs, vueTsConfigs } from '@vue/eslint-config-typescript'
import globals from 'globals'

export default defineConfigWithVueTs(
  {
    ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'src/api/schema.d.ts', 'src/auto-imports.d.ts'],
  },
  js.configs.recommended,
  pluginVue.configs['flat/recommended'],
  vueTsConfigs.recommended,
  {
    rules: {
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/first-attribute-linebreak': 'off',
    },
  },
  {
    files: ['src/**/*.{ts,vue}'],
    rules: {
      // A value imported from 'element-plus' comes without its styles: components, v-loading,
      // ElMessage and ElMessageBox are imported with theirs by the build (vite.config.ts).
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'element-plus', allowTypeImports: true, message: 'use the tag or the global (auto-imported with its styles); import types only' },
            { name: 'element-plus/dist/index.css', message: 'each component brings its own styles' },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'e2e/**/*.ts', '*.config.{js,ts}'],
    languageOptions: { globals: globals.node },
  },
)
