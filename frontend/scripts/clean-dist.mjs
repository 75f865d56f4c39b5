// Removes the previous build's output from dist/ but keeps dist/.gitkeep, which the Go
// embed directive (`//go:embed all:dist`) needs in a clean clone. Vite runs with
// emptyOutDir: false for the same reason.
import { readdirSync, rmSync, mkdirSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist')
mkdirSync(dist, { recursive: true })
for (const name of readdirSync(dist)) {
  if (name === '.gitkeep') continue
  rmSync(join(dist, name), { recursive: true, force: true })
}
