// `npm run gen:api`: src/api/schema.d.ts from the server's OpenAPI document, as the
// openapi-typescript CLI writes it, except that a file field of a multipart form
// (`format: binary`) is a Blob rather than the string the CLI makes of it, so uploads need
// no casts. (Raw YAML bodies stay strings: the library sends its text as it is.)
//
//   node scripts/gen-api.mjs [--input openapi.json] [--check]
//
// --check writes nothing and exits 1 when the committed file differs from what it would write.
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import ts from 'typescript'
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const { values } = parseArgs({
  options: {
    input: { type: 'string', default: join(root, '..', 'app', 'web', 'openapi.json') },
    check: { type: 'boolean', default: false },
  },
})
const output = join(root, 'src', 'api', 'schema.d.ts')

const BLOB = ts.factory.createTypeReferenceNode('Blob')
const ast = await openapiTS(pathToFileURL(resolve(values.input)), {
  transform(schema, { path }) {
    if (schema.format === 'binary' && path?.includes('/multipart~1form-data/')) return BLOB
    return undefined
  },
})
const text = COMMENT_HEADER + astToString(ast)

if (values.check) {
  if (readFileSync(output, 'utf8') !== text) {
    console.error(`gen:api --check: ${relative(process.cwd(), output)} is not what the generator makes of the OpenAPI document; run \`make openapi\` and commit the result`)
    process.exit(1)
  }
} else {
  writeFileSync(output, text)
}
