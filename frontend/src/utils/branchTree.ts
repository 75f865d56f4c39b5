import type { Branch } from '@/api/types'

export interface BranchNode extends Branch {
  children: BranchNode[]
}

export interface BuildOptions {
  /** Leave closed branches (and everything below them) out. */
  hideClosed?: boolean
}

function byName(a: BranchNode, b: BranchNode): number {
  return a.code.localeCompare(b.code) || a.name.localeCompare(b.name, 'zh-CN') || a.id - b.id
}

/**
 * Builds the branch forest from the flat list the API returns. A branch whose parent is
 * not in the list (a manager sees only a subtree) becomes a root. Children are ordered
 * by code, then name.
 */
export function buildBranchTree(items: readonly Branch[], opts: BuildOptions = {}): BranchNode[] {
  const nodes = new Map<number, BranchNode>()
  for (const b of items) {
    if (opts.hideClosed && b.closed) continue
    nodes.set(b.id, { ...b, children: [] })
  }
  const allIds = new Set(items.map((b) => b.id))
  const roots: BranchNode[] = []
  for (const n of nodes.values()) {
    const parent = n.parent_id == null ? undefined : nodes.get(n.parent_id)
    if (parent && parent.id !== n.id) parent.children.push(n)
    else if (n.parent_id == null || n.parent_id === n.id || !allIds.has(n.parent_id)) roots.push(n)
    // else: the parent is listed but hidden (closed), so this subtree is hidden too.
  }
  const sort = (list: BranchNode[]) => {
    list.sort(byName)
    for (const c of list) sort(c.children)
  }
  sort(roots)
  return roots
}

/** Ids of a node and all its descendants (a branch cannot move under itself). */
export function subtreeIds(node: BranchNode): Set<number> {
  const out = new Set<number>()
  const walk = (n: BranchNode) => {
    out.add(n.id)
    n.children.forEach(walk)
  }
  walk(node)
  return out
}

export function findNode(roots: readonly BranchNode[], id: number): BranchNode | undefined {
  for (const r of roots) {
    if (r.id === id) return r
    const hit = findNode(r.children, id)
    if (hit) return hit
  }
  return undefined
}
