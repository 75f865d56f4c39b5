import type { RoleGrant } from '@/api/types'

/** Roles whose grant is a root of the KPI review scope (HR is granted at the head office). */
const REVIEW_ROLES = new Set(['manager', 'hr'])

/** The branches the user reviews from, each once, in grant order. */
export function scopeRoots(roles: readonly RoleGrant[] | null | undefined): { id: number; name: string }[] {
  const seen = new Set<number>()
  const out: { id: number; name: string }[] = []
  for (const r of roles ?? []) {
    if (!REVIEW_ROLES.has(r.role) || seen.has(r.branch_id)) continue
    seen.add(r.branch_id)
    out.push({ id: r.branch_id, name: r.branch_name ?? '' })
  }
  return out
}
