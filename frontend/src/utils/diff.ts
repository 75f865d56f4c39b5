export interface DiffRow {
  key: string
  before: string
  after: string
  changed: boolean
}

function show(v: unknown): string {
  if (v === undefined) return ''
  if (typeof v === 'string') return v
  return JSON.stringify(v)
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v)
}

/**
 * Nested objects become dotted keys ({user:{name}} → "user.name") so an audit entry
 * that wraps its record still diffs field by field; arrays stay whole.
 */
export function flatten(obj: unknown, prefix = '', out: Map<string, unknown> = new Map()): Map<string, unknown> {
  if (!isPlainObject(obj)) {
    if (prefix) out.set(prefix, obj)
    return out
  }
  const keys = Object.keys(obj)
  if (keys.length === 0 && prefix) out.set(prefix, obj)
  for (const k of keys) {
    const key = prefix ? `${prefix}.${k}` : k
    if (isPlainObject(obj[k])) flatten(obj[k], key, out)
    else out.set(key, obj[k])
  }
  return out
}

/** Field-by-field view of an audit entry's before/after objects; changed fields first. */
export function diffObjects(before?: unknown, after?: unknown): DiffRow[] {
  const b = flatten(before)
  const a = flatten(after)
  const keys = new Set([...b.keys(), ...a.keys()])
  const rows: DiffRow[] = []
  for (const key of keys) {
    const x = show(b.get(key))
    const y = show(a.get(key))
    rows.push({ key, before: x, after: y, changed: x !== y })
  }
  return rows.sort((p, q) => Number(q.changed) - Number(p.changed) || p.key.localeCompare(q.key))
}
