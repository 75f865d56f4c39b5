// Calls of the scenario analytics page, typed by the generated schema.
import { api } from '@/api/client'
import { unwrap } from '@/api/errors'
import type { components } from '@/api/schema'
import { getScenario, type Product } from '@/components/training/api'

type S = components['schemas']
export type ScenarioSummary = S['ScenarioSummary']
export type EndingStat = S['EndingStat']
export type DimensionStat = S['DimensionStat']
export type ChoiceStat = S['ChoiceStat']
export type ChecklistStat = S['ChecklistStat']
export type ViolationStat = S['ViolationStat']
export type NearMissStat = S['NearMissStat']

/** A turn with its lists never null. */
export type TurnStat = Omit<S['TurnStat'], 'choices' | 'checklist'> & { choices: ChoiceStat[]; checklist: ChecklistStat[] }

/** The analytics of one scenario version with every list present (the API may send null). */
export type Analytics = Omit<S['Analytics'], 'versions' | 'endings' | 'dimensions' | 'turns' | 'violations' | 'near_misses'> & {
  versions: number[]
  endings: EndingStat[]
  dimensions: DimensionStat[]
  turns: TurnStat[]
  violations: ViolationStat[]
  near_misses: NearMissStat[]
}

/** Replaces the null lists of an API answer with empty ones. */
export function normalizeAnalytics(a: S['Analytics']): Analytics {
  return {
    ...a,
    versions: a.versions ?? [],
    endings: a.endings ?? [],
    dimensions: a.dimensions ?? [],
    violations: a.violations ?? [],
    near_misses: a.near_misses ?? [],
    turns: (a.turns ?? []).map((t) => ({ ...t, choices: t.choices ?? [], checklist: t.checklist ?? [] })),
  }
}

/** Every scenario taken in the viewer's branches, most taken first. */
export async function getOverview(): Promise<ScenarioSummary[]> {
  return unwrap(await api.GET('/api/v1/training/analytics')).items ?? []
}

/** One version of a scenario (0: the newest with attempts). */
export async function getAnalytics(key: string, version = 0): Promise<Analytics> {
  const query = version > 0 ? { version } : {}
  return normalizeAnalytics(unwrap(await api.GET('/api/v1/training/analytics/{key}', { params: { path: { key }, query } })))
}

/** The scenario's customer tolerance and products (to name recommended products); null when not readable. */
export async function getShelf(key: string): Promise<{ tolerance: string; products: Product[] } | null> {
  try {
    const d = await getScenario(key)
    return { tolerance: d.persona?.risk_class || d.persona?.risk_tolerance || '', products: d.products ?? [] }
  } catch {
    return null
  }
}
