// The condition tree of a rule award (stored as data, never as code) and its reading as a
// sentence: "满意度（可信）≥ 4.8，且评价数 ≥ 30，且无投诉". Pure; unit-tested in rules.spec.ts.

export const CMPS = ['>=', '>', '<=', '<', '='] as const
export type Cmp = (typeof CMPS)[number]
export const FACTS = ['no_complaints', 'scenario_passes', 'cases_published'] as const
export type Fact = (typeof FACTS)[number]

export interface MetricCond {
  metric: string
  cmp: Cmp
  value: number
  min_sample?: number
}
export interface FactCond {
  fact: Fact
  cmp?: Cmp
  value?: number
}
export interface Group {
  op: 'and' | 'or'
  children: RuleNode[]
}
export type RuleNode = Group | MetricCond | FactCond

export const isGroup = (n: RuleNode): n is Group => 'op' in n
export const isFact = (n: RuleNode): n is FactCond => 'fact' in n
export const isMetric = (n: RuleNode): n is MetricCond => 'metric' in n

/** How each comparison reads: symbols with spaces, as the sentence shows them. */
export const CMP_SIGN: Record<Cmp, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=' }

/** The words a sentence is made of, in the reader's language. */
export interface RuleWords {
  metric: (code: string) => string
  /** What a metric's sample counts ("评价数" for satisfaction). */
  sample: (code: string) => string
  fact: (fact: Fact) => string
  and: string
  or: string
  open: string
  close: string
  empty: string
}

/** Whether a fact compares with a number ("no complaints" does not). */
export const factHasValue = (f: Fact) => f !== 'no_complaints'

function clauses(n: RuleNode, w: RuleWords, nested: boolean): string {
  if (isGroup(n)) {
    const parts = n.children.map((c) => clauses(c, w, true)).filter((s) => s !== '')
    if (parts.length === 0) return ''
    const s = parts.join(n.op === 'and' ? w.and : w.or)
    return nested && parts.length > 1 ? `${w.open}${s}${w.close}` : s
  }
  if (isFact(n)) {
    if (!factHasValue(n.fact)) return w.fact(n.fact)
    return `${w.fact(n.fact)} ${CMP_SIGN[n.cmp ?? '>=']} ${n.value ?? 0}`
  }
  const main = `${w.metric(n.metric)} ${CMP_SIGN[n.cmp]} ${n.value}`
  if (!n.min_sample) return main
  // The sample belongs to its metric: inside an OR it must not read as a separate alternative.
  return `${main}${w.and}${w.sample(n.metric)} ≥ ${n.min_sample}`
}

/** The rule as one sentence; `empty` when it has no condition. */
export function ruleSentence(n: RuleNode | null | undefined, w: RuleWords): string {
  if (!n) return w.empty
  return clauses(n, w, false) || w.empty
}

/** A problem found before sending, at a path like "rule.children[1].value". */
export interface RuleProblem {
  path: string
  kind: 'empty_group' | 'no_metric' | 'unknown_metric' | 'bad_value' | 'bad_sample'
}

/** Checks the tree the way the server will, so most mistakes show before a 422. */
export function checkRule(n: RuleNode, known: ReadonlySet<string>, path = 'rule'): RuleProblem[] {
  if (isGroup(n)) {
    if (n.children.length === 0) return [{ path, kind: 'empty_group' }]
    return n.children.flatMap((c, i) => checkRule(c, known, `${path}.children[${i}]`))
  }
  const out: RuleProblem[] = []
  if (isFact(n)) {
    if (factHasValue(n.fact) && !(Number.isFinite(n.value) && (n.value ?? -1) >= 0)) out.push({ path: `${path}.value`, kind: 'bad_value' })
    return out
  }
  if (!n.metric) out.push({ path: `${path}.metric`, kind: 'no_metric' })
  else if (!known.has(n.metric)) out.push({ path: `${path}.metric`, kind: 'unknown_metric' })
  if (!Number.isFinite(n.value)) out.push({ path: `${path}.value`, kind: 'bad_value' })
  if (n.min_sample !== undefined && !(Number.isInteger(n.min_sample) && n.min_sample >= 0)) out.push({ path: `${path}.min_sample`, kind: 'bad_sample' })
  return out
}

/** A fresh condition of each shape for the builder's "add" buttons. */
export const newMetric = (metric = ''): MetricCond => ({ metric, cmp: '>=', value: 0, min_sample: 0 })
export const newFact = (fact: Fact = 'no_complaints'): FactCond => (factHasValue(fact) ? { fact, cmp: '>=', value: 1 } : { fact })
export const newGroup = (op: 'and' | 'or' = 'and'): Group => ({ op, children: [] })
