// GBK bytes of a text, for files as Chinese bank systems export them. Node can decode GBK but
// not encode it, so the table is built once by decoding every two-byte GBK code.
let table: Map<string, number[]> | undefined

function gbkTable(): Map<string, number[]> {
  if (table) return table
  const dec = new TextDecoder('gbk', { fatal: true })
  const out = new Map<string, number[]>()
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue
      try {
        const ch = dec.decode(new Uint8Array([lead, trail]))
        if (ch.length === 1 && !out.has(ch)) out.set(ch, [lead, trail])
      } catch {
        /* not a GBK code */
      }
    }
  }
  table = out
  return out
}

export function encodeGbk(text: string): Buffer {
  const t = gbkTable()
  const bytes: number[] = []
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0
    if (c < 0x80) {
      bytes.push(c)
      continue
    }
    const b = t.get(ch)
    if (!b) throw new Error(`no GBK code for ${ch}`)
    bytes.push(...b)
  }
  return Buffer.from(bytes)
}
