// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import zhCN from '@/locales/zh-CN'
import en from '@/locales/en'

type Tree = { [k: string]: string | Tree }

function flatten(obj: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k
    if (typeof v === 'string') out.set(key, v)
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv)
  }
  return out
}

const zh = flatten(zhCN as Tree)
const enFlat = flatten(en as Tree)
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe('locale parity', () => {
  it('has every zh-CN key in en', () => {
    expect([...zh.keys()].filter((k) => !enFlat.has(k))).toEqual([])
  })
  it('has every en key in zh-CN', () => {
    expect([...enFlat.keys()].filter((k) => !zh.has(k))).toEqual([])
  })
  it('uses the same placeholders in both languages', () => {
    const bad = [...zh].filter(([k, v]) => placeholders(v).join() !== placeholders(enFlat.get(k) ?? '').join()).map(([k]) => k)
    expect(bad).toEqual([])
  })
  it('has no empty messages', () => {
    expect([...zh, ...enFlat].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([])
  })
  it('defines every key used as a literal t(...) call in the source', () => {
    const src = fileURLToPath(new URL('../src', import.meta.url)).replace(/\/$/, '')
    const files: string[] = []
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(d, e.name))
        else if (/\.(vue|ts)$/.test(e.name) && !e.name.endsWith('.d.ts')) files.push(join(d, e.name))
      }
    }
    walk(src)
    const missing = new Set<string>()
    for (const f of files) {
      for (const m of readFileSync(f, 'utf8').matchAll(/\bt\(\s*'([\w.-]+)'/g)) {
        if (!zh.has(m[1])) missing.add(`${m[1]} (${f.slice(src.length + 1)})`)
      }
    }
    expect([...missing]).toEqual([])
  })
})
