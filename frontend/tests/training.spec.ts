import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createRouter, createMemoryHistory } from 'vue-router'
import { defineComponent, h } from 'vue'
import { i18n, setLocale } from '@/i18n'
import {
  aboveTolerance,
  clampMood,
  elapsedSince,
  formatScore,
  moodColor,
  moodEmoji,
  moodKey,
  pickText,
  riskLevel,
  riskTagType,
  formatSeconds,
  wrapLabel,
} from '@/components/training/helpers'
import MoodMeter from '@/components/training/MoodMeter.vue'
import ProductShelf from '@/components/training/ProductShelf.vue'
import SuitabilityDialog from '@/components/training/SuitabilityDialog.vue'
import type { Attempt, Pending, Product } from '@/components/training/api'
import { demoAttempt, demoScenario, fundMismatch } from './fixtures/sandbox'

vi.mock('@/components/training/api', async (orig) => {
  const real = await orig<typeof import('@/components/training/api')>()
  return {
    ...real,
    getAttempt: vi.fn(),
    getScenario: vi.fn(),
    choose: vi.fn(),
    answer: vi.fn(),
    backFromPending: vi.fn(),
    confirmPending: vi.fn(),
    getDebrief: vi.fn(),
    startAttempt: vi.fn(),
  }
})
const MOCKED = ['getAttempt', 'getScenario', 'choose', 'answer', 'backFromPending', 'confirmPending'] as const
const mocked = vi.mocked(await import('@/components/training/api'))

describe('pickText', () => {
  const text = { 'zh-CN': '您好', en: 'Hello' }
  it('picks the current language', () => {
    expect(pickText(text, 'en')).toBe('Hello')
    expect(pickText(text, 'zh-CN')).toBe('您好')
  })
  it('falls back to zh-CN, then to any language, then to empty', () => {
    expect(pickText(text, 'fr')).toBe('您好')
    expect(pickText({ 'zh-CN': '', en: 'Only English' }, 'zh-CN')).toBe('Only English')
    expect(pickText({}, 'en')).toBe('')
    expect(pickText(null, 'en')).toBe('')
    expect(pickText(undefined, 'en')).toBe('')
  })
})

describe('mood', () => {
  it('labels the four bands', () => {
    expect([0, 24, 25, 49, 50, 74, 75, 100].map(moodKey)).toEqual([
      'angry',
      'angry',
      'anxious',
      'anxious',
      'neutral',
      'neutral',
      'satisfied',
      'satisfied',
    ])
    expect(moodEmoji(10)).toBe('😠')
    expect(moodEmoji(90)).toBe('😊')
  })
  it('clamps out-of-range and broken values', () => {
    expect(clampMood(-5)).toBe(0)
    expect(clampMood(130)).toBe(100)
    expect(clampMood(Number.NaN)).toBe(50)
    expect(moodKey(-20)).toBe('angry')
    expect(moodKey(200)).toBe('satisfied')
  })
  it('goes from red at 0 to green at 100', () => {
    expect(moodColor(0)).toBe('hsl(0, 72%, 42%)')
    expect(moodColor(100)).toBe('hsl(120, 72%, 42%)')
    expect(moodColor(150)).toBe(moodColor(100))
    const hue = (m: number) => Number(/hsl\((\d+)/.exec(moodColor(m))![1])
    for (let m = 1; m <= 100; m++) expect(hue(m)).toBeGreaterThanOrEqual(hue(m - 1))
  })
})

describe('risk', () => {
  it('reads R1..R5 (products) and C1..C5 (customers) and nothing else', () => {
    expect(['R1', 'R3', 'r5', ' R2 ', 'R0', 'R6', 'C2', 'C6', '', null, undefined].map(riskLevel)).toEqual([1, 3, 5, 2, 0, 0, 2, 0, 0, 0, 0])
  })
  it('flags only products rated strictly above the tolerance', () => {
    expect(aboveTolerance('R4', 'R2')).toBe(true)
    expect(aboveTolerance('R3', 'R2')).toBe(true)
    expect(aboveTolerance('R2', 'R2')).toBe(false)
    expect(aboveTolerance('R1', 'R2')).toBe(false)
    expect(aboveTolerance('R5', 'R5')).toBe(false)
    expect(aboveTolerance('R4', '')).toBe(false)
    expect(aboveTolerance('??', 'R1')).toBe(false)
  })
  it('colours high risk red', () => {
    expect(riskTagType('R1')).toBe('success')
    expect(riskTagType('R3')).toBe('warning')
    expect(riskTagType('R4')).toBe('danger')
    expect(riskTagType('R5')).toBe('danger')
    expect(riskTagType('x')).toBe('info')
  })
})

describe('numbers', () => {
  it('measures elapsed time in whole, non-negative ms', () => {
    expect(elapsedSince(1000, 2500.6)).toBe(1501)
    expect(elapsedSince(2000, 1000)).toBe(0)
  })
  it('formats scores with at most one decimal', () => {
    expect(formatScore(82.5)).toBe('82.5')
    expect(formatScore(80)).toBe('80')
    expect(formatScore(66.66)).toBe('66.7')
    expect(formatScore(null)).toBe('–')
  })
})

const global = { plugins: [i18n, ElementPlus] }

describe('sandbox components', () => {
  beforeEach(() => setLocale('zh-CN'))
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('shows the mood as a labelled meter', async () => {
    const w = mount(MoodMeter, { props: { mood: 20, name: '孙先生' }, global })
    const m = w.get('[data-testid="mood-meter"]')
    expect(m.attributes('data-mood-key')).toBe('angry')
    expect(w.get('[role="meter"]').attributes('aria-valuenow')).toBe('20')
    expect(w.text()).toContain('愤怒')
    setLocale('en')
    await flushPromises()
    expect(w.text()).toContain('Angry')
  })

  it('shows ratings only, and with the hint marks the products above the class that need a suitability check', () => {
    const products: Product[] = [
      { id: 'fund', name: { 'zh-CN': '股票基金', en: 'Equity fund' }, kind: 'fund', risk: 'R4', suitability_checked: true },
      { id: 'wmp', name: { 'zh-CN': '理财', en: 'WMP' }, kind: 'wealth_management', risk: 'R2', suitability_checked: true },
      { id: 'cd', name: { 'zh-CN': '大额存单', en: 'CD' }, kind: 'deposit', risk: 'R1', suitability_checked: false },
    ]
    const plain = mount(ProductShelf, { props: { products, tolerance: 'C2' }, global })
    expect(plain.get('[data-testid="product-fund"]').attributes('data-above')).toBeUndefined()
    expect(plain.get('[data-testid="product-fund"]').classes()).not.toContain('above')
    expect(plain.text()).not.toContain('高于客户等级')
    expect(plain.get('[data-testid="product-fund"]').text()).toContain('R4')
    const w = mount(ProductShelf, { props: { products, tolerance: 'C2', hint: true }, global })
    expect(w.get('[data-testid="product-fund"]').attributes('data-above')).toBe('true')
    expect(w.get('[data-testid="product-fund"]').classes()).toContain('above')
    expect(w.get('[data-testid="product-wmp"]').attributes('data-above')).toBe('false')
    expect(w.get('[data-testid="product-cd"]').attributes('data-above')).toBe('false')
    expect(w.get('[data-testid="product-fund"]').text()).toContain('高于客户等级')
    expect(w.get('[data-testid="product-wmp"]').text()).toContain('适合客户等级')
  })

  it('names the class and the rating in the suitability warning and offers back, confirm or insist', async () => {
    const pending: Pending = { ...fundMismatch, can_insist: true }
    const w = mount(SuitabilityDialog, { props: { pending }, global, attachTo: document.body })
    await flushPromises()
    const body = document.body
    expect(body.querySelector('[data-testid="suitability-mismatch"]')?.textContent).toContain('客户 C2，产品 R4')
    ;(body.querySelector('[data-testid="suitability-back"]') as HTMLElement).click()
    ;(body.querySelector('[data-testid="suitability-confirm"]') as HTMLElement).click()
    ;(body.querySelector('[data-testid="suitability-insist"]') as HTMLElement).click()
    expect(w.emitted('back')).toHaveLength(1)
    expect(w.emitted('confirm')).toHaveLength(1)
    expect(w.emitted('insist')).toHaveLength(1)
    setLocale('en')
    await flushPromises()
    expect(body.querySelector('[data-testid="suitability-mismatch"]')?.textContent).toContain('Customer C2, product R4')
    w.unmount()
  })
})

describe('sandbox view', () => {
  const scenario = demoScenario({ dimensions: ['empathy', 'compliance'] })
  const base = demoAttempt({ id: 7 })
  const pendingAttempt: Attempt = { ...base, pending: fundMismatch }

  async function render() {
    const { default: View } = await import('@/views/training/TrainingAttemptView.vue')
    const Blank = defineComponent({ render: () => h('div') })
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', name: 'training', component: Blank }] })
    router.addRoute({ path: '/training/attempts/:id', name: 'training-attempt', component: Blank })
    await router.push('/')
    const w = mount(View, { props: { id: '7' }, global: { plugins: [i18n, ElementPlus, router] }, attachTo: document.body })
    await flushPromises()
    return w
  }

  beforeEach(() => {
    setLocale('zh-CN')
    Object.defineProperty(window, 'innerWidth', { value: 1366, configurable: true })
    for (const k of MOCKED) mocked[k].mockReset()
    mocked.getScenario.mockResolvedValue(scenario)
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('shows the persona, shelf and choices, and sends the time spent on the turn', async () => {
    mocked.getAttempt.mockResolvedValue(base)
    mocked.choose.mockResolvedValue(pendingAttempt)
    const w = await render()
    expect(w.find('[data-testid="persona-card"]').text()).toContain('孙先生')
    expect(w.find('[data-testid="product-fund"]').attributes('data-above')).toBeUndefined() // the judgement is the trainee's
    expect(w.find('[data-testid="current-customer-line"]').text()).toContain('我要买基金')
    await w.get('[data-testid="choice-b"]').trigger('click')
    await flushPromises()
    expect(mocked.choose).toHaveBeenCalledTimes(1)
    const [id, choice, ms] = mocked.choose.mock.calls[0]
    expect([id, choice]).toEqual(['7', 'b'])
    expect(typeof ms).toBe('number')
    expect(ms).toBeGreaterThanOrEqual(0)
    // The warning is up and the choices are locked until back or confirm.
    expect(document.body.querySelector('[data-testid="suitability-mismatch"]')?.textContent).toContain('C2')
    expect(w.get('[data-testid="choice-a"]').attributes('disabled')).toBeDefined()
    w.unmount()
  })

  it('marks the fit on the shelf when the attempt says so, whatever the scenario says', async () => {
    mocked.getAttempt.mockResolvedValue({ ...base, shelf_hint: true })
    const w = await render()
    expect(w.get('[data-testid="product-fund"]').attributes('data-above')).toBe('true')
    expect(w.get('[data-testid="product-fund"]').text()).toContain('高于客户等级')
    w.unmount()
    mocked.getScenario.mockResolvedValue({ ...scenario, shelf_hint: true })
    mocked.getAttempt.mockResolvedValue(base)
    const plain = await render()
    expect(plain.get('[data-testid="product-fund"]').attributes('data-above')).toBeUndefined()
    expect(plain.get('[data-testid="product-fund"]').text()).not.toContain('高于客户等级')
    plain.unmount()
  })

  it('re-opens a pending warning after a reload and goes back on request', async () => {
    mocked.getAttempt.mockResolvedValue(pendingAttempt)
    mocked.backFromPending.mockResolvedValue(base)
    const w = await render()
    const back = document.body.querySelector('[data-testid="suitability-back"]') as HTMLElement
    expect(back).not.toBeNull()
    back.click()
    await flushPromises()
    expect(mocked.backFromPending).toHaveBeenCalledWith('7')
    expect(mocked.confirmPending).not.toHaveBeenCalled()
    expect(w.get('[data-testid="choice-a"]').attributes('disabled')).toBeUndefined()
    w.unmount()
  })

  it('sends a free-text reply', async () => {
    mocked.getAttempt.mockResolvedValue({ ...base, turn: { ...base.turn!, choices: [], free_text: true } })
    mocked.answer.mockResolvedValue(base)
    const w = await render()
    await w.get('textarea[data-testid="free-text-input"], [data-testid="free-text-input"] textarea').setValue('您的意思是，我会在24小时内回复')
    await w.get('[data-testid="free-text-submit"]').trigger('click')
    await flushPromises()
    expect(mocked.answer).toHaveBeenCalledWith('7', '您的意思是，我会在24小时内回复', expect.any(Number))
    w.unmount()
  })
})

describe('labels', () => {
  it('wraps long chart labels at spaces', () => {
    expect(wrapLabel('合规')).toBe('合规')
    expect(wrapLabel('Empathy & emotion')).toBe('Empathy &\nemotion')
    expect(wrapLabel('Needs discovery')).toBe('Needs\ndiscovery')
    expect(wrapLabel('Compliance')).toBe('Compliance')
    expect(formatSeconds(430)).toBe('0.4')
    expect(formatSeconds(12_400)).toBe('12')
    expect(formatSeconds(-5)).toBe('0')
  })
})
