import { describe, expect, it } from 'vitest'
import type { Branch } from '@/api/types'
import { buildBranchTree, findNode, subtreeIds, type BranchNode } from '@/utils/branchTree'

function b(id: number, parent_id: number | null, code: string, closed = false): Branch {
  return { id, parent_id, code, name: code.toUpperCase(), path: '', depth: 0, closed }
}

const flat: Branch[] = [
  b(5, 2, 'north.b'),
  b(1, null, 'hq'),
  b(3, 1, 'south'),
  b(2, 1, 'north'),
  b(4, 2, 'north.a'),
  b(6, 3, 'south.a', true),
  b(7, 6, 'south.a.x'),
]

const shape = (nodes: BranchNode[]): unknown => nodes.map((n) => (n.children.length ? { [n.code]: shape(n.children) } : n.code))

describe('buildBranchTree', () => {
  it('nests a flat list under its parents, sorted by code', () => {
    expect(shape(buildBranchTree(flat))).toEqual([
      { hq: [{ north: ['north.a', 'north.b'] }, { south: [{ 'south.a': ['south.a.x'] }] }] },
    ])
  })

  it('does not mutate its input', () => {
    const copy = JSON.parse(JSON.stringify(flat))
    buildBranchTree(flat)
    expect(flat).toEqual(copy)
  })

  it('hides closed branches and everything below them on request', () => {
    expect(shape(buildBranchTree(flat, { hideClosed: true }))).toEqual([{ hq: [{ north: ['north.a', 'north.b'] }, 'south'] }])
  })

  it('makes roots of branches whose parent is not visible to the user', () => {
    // A manager of "north" gets only that subtree.
    const sub = flat.filter((x) => [2, 4, 5].includes(x.id))
    expect(shape(buildBranchTree(sub))).toEqual([{ north: ['north.a', 'north.b'] }])
  })

  it('returns an empty forest for an empty list', () => {
    expect(buildBranchTree([])).toEqual([])
  })

  it('handles many roots and deep chains', () => {
    const chain: Branch[] = [b(1, null, 'a'), b(100, null, 'b')]
    for (let i = 2; i <= 50; i++) chain.push(b(i, i - 1, `a${String(i).padStart(2, '0')}`))
    const tree = buildBranchTree(chain)
    expect(tree.map((n) => n.code)).toEqual(['a', 'b'])
    let depth = 0
    let n: BranchNode | undefined = tree[0]
    while (n) {
      depth++
      n = n.children[0]
    }
    expect(depth).toBe(50)
  })
})

describe('subtreeIds / findNode', () => {
  const tree = buildBranchTree(flat)
  it('finds a node anywhere in the tree', () => {
    expect(findNode(tree, 7)?.code).toBe('south.a.x')
    expect(findNode(tree, 99)).toBeUndefined()
  })
  it('collects a node and all its descendants', () => {
    expect([...subtreeIds(findNode(tree, 3)!)].sort()).toEqual([3, 6, 7])
    expect([...subtreeIds(findNode(tree, 4)!)]).toEqual([4])
  })
})
