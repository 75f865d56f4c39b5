// Writes name.br (brotli, quality 11) and name.gz (gzip, level 9) beside every text file of
// dist/ that they make smaller. The server embeds them and sends the one the browser accepts,
// so no request pays for compression, and at these levels (too slow to run per request)
// the first visit downloads least (app/web/spafiles.go).
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { dirname, extname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist')
const TEXT = new Set(['.html', '.js', '.mjs', '.css', '.svg', '.json', '.txt', '.map'])
// Below this a compressed copy saves too little to be worth a second file.
const MIN_BYTES = 256

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) yield* files(path)
    else yield path
  }
}

let before = 0
let after = 0
for (const path of files(dist)) {
  if (!TEXT.has(extname(path))) continue
  const body = readFileSync(path)
  if (body.length < MIN_BYTES) continue
  const br = brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  })
  const gz = gzipSync(body, { level: 9 })
  if (br.length < body.length) writeFileSync(`${path}.br`, br)
  if (gz.length < body.length) writeFileSync(`${path}.gz`, gz)
  before += body.length
  after += Math.min(br.length, body.length)
}
console.log(`compress-dist: ${(before / 1024).toFixed(0)} KiB of text → ${(after / 1024).toFixed(0)} KiB brotli`)
