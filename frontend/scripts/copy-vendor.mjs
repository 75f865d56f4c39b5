// Copies the API reference viewer (RapiDoc, from npm) into dist/vendor so
// /api/docs works without any network: huma's default loads one from a CDN.
import { copyFileSync, mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createRequire } from 'node:module'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const src = join(dirname(require.resolve('rapidoc/package.json')), 'dist')
const out = join(root, 'dist', 'vendor')
mkdirSync(out, { recursive: true })
for (const f of ['rapidoc-min.js', 'rapidoc-min.js.LICENSE.txt']) {
  copyFileSync(join(src, f), join(out, f))
}
