import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createMemoryHistory, createRouter } from 'vue-router'
import { defineComponent, h } from 'vue'
import { createPinia } from 'pinia'
import { i18n, setLocale } from '@/i18n'
import { ApiError } from '@/api/errors'
import type { Attempt } from '@/components/training/api'
import {
  catalogueServes,
  defaultVersion,
  entryActions,
  filterEntries,
  keyError,
  MAX_MOVES,
  movesStorageKey,
  parseMoves,
  problemWhere,
  pushMove,
  scenarioProblems,
  sortEntries,
  sourceFilename,
  suggestCloneKey,
  undoMove,
  isYamlFile,
  utf8Bytes,
  type EntryLike,
  type Move,
} from '@/components/training/library/helpers'
import type { PreviewState } from '@/components/training/library/libraryApi'
import { demoAttempt, demoScenario, fundMismatch } from './fixtures/sandbox'

vi.mock('@/components/training/library/libraryApi', () => ({
  listLibrary: vi.fn(),
  validateYaml: vi.fn(),
  uploadYaml: vi.fn(),
  cloneScenario: vi.fn(),
  publishScenario: vi.fn(),
  retireScenario: vi.fn(),
  setHidden: vi.fn(),
  listVersions: vi.fn(),
  fetchSource: vi.fn(),
  previewScenario: vi.fn(),
}))
vi.mock('@/components/training/api', async (orig) => ({ ...(await orig<typeof import('@/components/training/api')>()), getScenario: vi.fn() }))
const api = (await import('@/components/training/library/libraryApi')) as unknown as Record<string, ReturnType<typeof vi.fn>>
const training = vi.mocked(await import('@/components/training/api'))

const choose = (id: string): Move => ({ kind: 'choose', choice_id: id })

describe('preview moves', () => {
  it('appends replies', () => {
    const a = pushMove([], choose('a'))
    expect(a).toEqual([choose('a')])
    expect(pushMove(a, { kind: 'answer', text: '您好' })).toEqual([choose('a'), { kind: 'answer', text: '您好' }])
  })
  it('drops the warned choice instead of keeping it with "back"', () => {
    expect(pushMove([choose('a'), choose('b')], { kind: 'back' })).toEqual([choose('a')])
  })
  it('keeps "confirm" after the warned choice', () => {
    expect(pushMove([choose('b')], { kind: 'confirm' })).toEqual([choose('b'), { kind: 'confirm' }])
  })
  it('does not change the list it was given', () => {
    const list = [choose('a')]
    pushMove(list, choose('b'))
    undoMove(list)
    expect(list).toEqual([choose('a')])
  })
  it('undoes one turn: a confirmed warning goes with its choice', () => {
    expect(undoMove([])).toEqual([])
    expect(undoMove([choose('a')])).toEqual([])
    expect(undoMove([choose('a'), { kind: 'answer', text: 'x' }])).toEqual([choose('a')])
    expect(undoMove([choose('a'), choose('b'), { kind: 'confirm' }])).toEqual([choose('a')])
  })
  it('reads stored moves back and rejects anything malformed', () => {
    const list: Move[] = [choose('a'), { kind: 'answer', text: '好的' }, choose('b'), { kind: 'confirm' }]
    expect(parseMoves(JSON.stringify(list))).toEqual(list)
    expect(parseMoves(null)).toEqual([])
    expect(parseMoves('not json')).toEqual([])
    expect(parseMoves('{"kind":"choose"}')).toEqual([])
    expect(parseMoves('[{"kind":"choose"}]')).toEqual([])
    expect(parseMoves('[{"kind":"answer","text":"  "}]')).toEqual([])
    expect(parseMoves('[{"kind":"jump"}]')).toEqual([])
    expect(parseMoves(JSON.stringify(Array.from({ length: MAX_MOVES + 1 }, () => choose('a'))))).toEqual([])
    // Extra fields are not carried into the request.
    expect(parseMoves('[{"kind":"back","choice_id":"x","evil":1}]')).toEqual([{ kind: 'back' }])
  })
  it('keeps each scenario version apart in storage', () => {
    expect(movesStorageKey('a', 'draft')).not.toBe(movesStorageKey('a', '1'))
    expect(movesStorageKey('a', '')).toBe('ss_library_preview:a:newest')
  })
})

describe('scenario problems', () => {
  const body = {
    title: 'Unprocessable Entity',
    status: 422,
    detail: 'the scenario has problems; nothing was stored',
    problems: [
      { file: 'upload.yaml', line: 30, path: 'turns[2].choices[0].next', turn: 't3', code: 'unknown_turn', message: '跳转到不存在的轮次 t9' },
      { file: 'upload.yaml', code: 'required', message: '缺少必填项 title', path: 'title' },
      { file: 'upload.yaml', line: 1, code: 'syntax', message: 'YAML 语法错误', args: { detail: 'x' } },
    ],
  }
  it('reads the list from a 422 problem, by line', () => {
    const list = scenarioProblems(new ApiError(422, body))
    expect(list.map((p) => p.code)).toEqual(['syntax', 'unknown_turn', 'required'])
    expect(list[0]).toMatchObject({ line: 1, message: 'YAML 语法错误', args: { detail: 'x' } })
    expect(list[1]).toMatchObject({ line: 30, turn: 't3', path: 'turns[2].choices[0].next' })
    expect(list[2].line).toBeUndefined()
  })
  it('is empty for other failures', () => {
    expect(scenarioProblems(new ApiError(413, { status: 413, detail: 'too large' }))).toEqual([])
    expect(scenarioProblems(new ApiError(422, { status: 422, errors: [{ location: 'body.new_key', message: 'taken' }] }))).toEqual([])
    expect(scenarioProblems(new Error('boom'))).toEqual([])
  })
  it('says where a problem is', () => {
    const [syntax, turn, noLine] = scenarioProblems(new ApiError(422, body))
    const line = (n: number) => `第 ${n} 行`
    expect(problemWhere(syntax, line)).toBe('第 1 行')
    expect(problemWhere(turn, line)).toBe('第 30 行 · t3 · turns[2].choices[0].next')
    expect(problemWhere(noLine, line)).toBe('title')
  })
})

describe('scenario ids', () => {
  it('checks the id of a copy like the server does', () => {
    expect(keyError('')).toBe('required')
    expect(keyError('ab')).toBe('length')
    expect(keyError('a'.repeat(101))).toBe('length')
    expect(keyError('Bad Id')).toBe('pattern')
    expect(keyError('-lead')).toBe('pattern')
    expect(keyError('double--dash')).toBe('pattern')
    expect(keyError('trail-')).toBe('pattern')
    expect(keyError('vip-complaint-2026')).toBeNull()
    expect(keyError('vip-complaint', ['vip-complaint'])).toBe('taken')
  })
  it('suggests <key>-copy, then numbered copies, within 100 characters', () => {
    expect(suggestCloneKey('smart-deposit')).toBe('smart-deposit-copy')
    expect(suggestCloneKey('smart-deposit', ['smart-deposit-copy'])).toBe('smart-deposit-copy-2')
    expect(suggestCloneKey('smart-deposit', ['smart-deposit-copy', 'smart-deposit-copy-2'])).toBe('smart-deposit-copy-3')
    const long = suggestCloneKey('a'.repeat(99))
    expect(long.length).toBeLessThanOrEqual(100)
    expect(keyError(long)).toBeNull()
    // Cutting never leaves a dangling hyphen.
    const cut = suggestCloneKey('a'.repeat(94) + '-bcdef')
    expect(keyError(cut)).toBeNull()
  })
  it('names downloads after the version', () => {
    expect(sourceFilename('k', '')).toBe('k.yaml')
    expect(sourceFilename('k', 'draft')).toBe('k-draft.yaml')
    expect(sourceFilename('k', '3')).toBe('k-v3.yaml')
  })
  it('accepts YAML files only and counts UTF-8 bytes', () => {
    expect(isYamlFile('a.yaml')).toBe(true)
    expect(isYamlFile('A.YML')).toBe(true)
    expect(isYamlFile('a.yaml.txt')).toBe(false)
    expect(isYamlFile('a.json')).toBe(false)
    expect(utf8Bytes('ab')).toBe(2)
    expect(utf8Bytes('预览')).toBe(6)
  })
})

const entry = (over: Partial<EntryLike>): EntryLike => ({
  key: 'k',
  source: 'tenant',
  status: 'draft',
  title: { 'zh-CN': '投诉处理', en: 'Complaint' },
  published_version: 0,
  draft_version: 1,
  ...over,
})

describe('library entries', () => {
  it('offers what each kind of entry allows', () => {
    expect(entryActions(entry({ source: 'builtin', status: 'published', published_version: 1, draft_version: 0 }))).toEqual([
      'preview',
      'clone',
      'hide',
      'download',
    ])
    expect(entryActions(entry({ source: 'builtin', status: 'hidden', published_version: 1, draft_version: 0 }))).toContain('show')
    expect(entryActions(entry({}))).toEqual(['preview', 'clone', 'publish', 'download', 'versions'])
    expect(entryActions(entry({ status: 'published', published_version: 1, draft_version: 0 }))).toEqual([
      'preview',
      'clone',
      'retire',
      'download',
      'versions',
    ])
    expect(entryActions(entry({ status: 'published', published_version: 1, draft_version: 2 }))).toContain('publish')
    expect(entryActions(entry({ status: 'retired', published_version: 1, draft_version: 0 }))).not.toContain('retire')
  })
  it('previews the draft when there is one, else the published version', () => {
    expect(defaultVersion(entry({}))).toBe('draft')
    expect(defaultVersion(entry({ status: 'published', published_version: 3, draft_version: 0 }))).toBe('3')
    expect(defaultVersion(entry({ source: 'builtin', status: 'published', published_version: 1, draft_version: 0 }))).toBe('1')
  })
  it('filters by source, status and title in any language', () => {
    const list = [
      entry({ key: 'a', source: 'builtin', status: 'published' }),
      entry({ key: 'b', title: { 'zh-CN': '绿色贷款', en: 'Green loan' } }),
      entry({ key: 'c', status: 'retired' }),
    ]
    expect(filterEntries(list, { source: 'builtin', status: '', q: '' }).map((e) => e.key)).toEqual(['a'])
    expect(filterEntries(list, { source: '', status: 'retired', q: '' }).map((e) => e.key)).toEqual(['c'])
    expect(filterEntries(list, { source: '', status: '', q: ' green ' }).map((e) => e.key)).toEqual(['b'])
    expect(filterEntries(list, { source: '', status: '', q: '绿色' }).map((e) => e.key)).toEqual(['b'])
    expect(filterEntries(list, { source: 'tenant', status: '', q: 'c' }).map((e) => e.key)).toEqual(['c'])
  })
  it("puts the bank's own first and keeps the server's order otherwise", () => {
    const list = [entry({ key: 'b1', source: 'builtin' }), entry({ key: 't1' }), entry({ key: 'b2', source: 'builtin' }), entry({ key: 't2' })]
    expect(sortEntries(list).map((e) => e.key)).toEqual(['t1', 't2', 'b1', 'b2'])
  })
  it('knows when the sandbox catalogue serves the previewed version', () => {
    const builtin = entry({ source: 'builtin', status: 'published', published_version: 1, draft_version: 0 })
    expect(catalogueServes(builtin, '')).toBe(true)
    expect(catalogueServes(builtin, '1')).toBe(true)
    expect(catalogueServes({ ...builtin, status: 'hidden' }, '')).toBe(false)
    expect(catalogueServes(entry({}), 'draft')).toBe(false)
    const republishing = entry({ status: 'published', published_version: 2, draft_version: 3 })
    expect(catalogueServes(republishing, '2')).toBe(true)
    expect(catalogueServes(republishing, '1')).toBe(false)
    expect(catalogueServes(republishing, '')).toBe(false) // "" is the draft here
    expect(catalogueServes(entry({ status: 'retired', published_version: 2, draft_version: 0 }), '2')).toBe(false)
    expect(catalogueServes(null, '')).toBe(false)
  })
})

// --- components ------------------------------------------------------------------------------

const global = { plugins: [i18n, ElementPlus, createPinia()] }

describe('upload dialog', () => {
  beforeEach(() => {
    setLocale('zh-CN')
    Object.defineProperty(window, 'innerWidth', { value: 1366, configurable: true })
    for (const f of Object.values(api)) f.mockReset()
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  async function open() {
    const { default: UploadDialog } = await import('@/components/training/library/UploadDialog.vue')
    const w = mount(UploadDialog, { props: { modelValue: false }, global, attachTo: document.body })
    await w.setProps({ modelValue: true })
    await flushPromises()
    const textarea = document.body.querySelector('[data-testid="library-upload-dialog"] textarea') as HTMLTextAreaElement
    const type = async (v: string) => {
      textarea.value = v
      textarea.dispatchEvent(new Event('input'))
      await flushPromises()
    }
    const click = async (id: string) => {
      ;(document.body.querySelector(`[data-testid="${id}"]`) as HTMLElement).click()
      await flushPromises()
    }
    return { w, type, click }
  }

  it('checks in the current language and lists the problems; saving stores nothing and keeps the dialog', async () => {
    const problem = new ApiError(422, {
      status: 422,
      detail: 'the scenario has problems; nothing was stored',
      problems: [{ line: 1, code: 'syntax', message: 'YAML 语法错误' }],
    } as never)
    api.validateYaml.mockRejectedValue(problem)
    api.uploadYaml.mockRejectedValue(problem)
    const { w, type, click } = await open()
    await type('id: [unclosed')
    await click('library-upload-check')
    expect(api.validateYaml).toHaveBeenCalledWith('id: [unclosed', 'zh-CN')
    const list = document.body.querySelector('[data-testid="library-problems"]')
    expect(list?.textContent).toContain('发现 1 个问题，未保存任何内容')
    expect(list?.textContent).toContain('YAML 语法错误')
    expect(list?.querySelector('[data-testid="library-problem-0"]')?.getAttribute('data-code')).toBe('syntax')
    // Editing clears the stale verdict.
    await type('id: [still')
    expect(document.body.querySelector('[data-testid="library-problems"]')).toBeNull()
    await click('library-upload-save')
    expect(api.uploadYaml).toHaveBeenCalledWith('id: [still', 'zh-CN')
    expect(w.emitted('saved')).toBeUndefined()
    expect(w.emitted('update:modelValue')).toBeUndefined()
    expect(document.body.querySelector('[data-testid="library-problems"]')).not.toBeNull()
    w.unmount()
  })

  it('asks for English problems in English and saves a valid file', async () => {
    setLocale('en')
    api.validateYaml.mockResolvedValue({
      scenario: { id: 'my-case', version: 2, title: { 'zh-CN': '案例', en: 'Case' } },
      warnings: [{ code: 'best_is_longest', message: 'the best choice is also the longest in 5 of 6 choice turns' }],
    })
    api.uploadYaml.mockResolvedValue({ key: 'my-case', draft_version: 2 })
    const { w, type, click } = await open()
    await type('id: my-case')
    await click('library-upload-check')
    expect(api.validateYaml).toHaveBeenCalledWith('id: my-case', 'en')
    expect(document.body.querySelector('[data-testid="library-upload-valid"]')?.textContent).toContain('Case (my-case v2)')
    expect(document.body.querySelector('[data-testid="library-upload-warnings"]')?.textContent).toContain('longest in 5 of 6')
    await click('library-upload-save')
    expect(api.uploadYaml).toHaveBeenCalledWith('id: my-case', 'en')
    expect(w.emitted('saved')?.[0]).toEqual([{ key: 'my-case', draft_version: 2 }])
    expect(w.emitted('update:modelValue')?.[0]).toEqual([false])
    w.unmount()
  })
})

describe('preview view', () => {
  const detail = demoScenario({ persona: { ...demoScenario().persona, risk_tolerance: 'R2' } })
  const t1 = demoAttempt()
  const warned: Attempt = { ...t1, pending: fundMismatch }
  const t2: Attempt = {
    ...t1,
    mood: 60,
    turn: { id: 't2', customer: { 'zh-CN': '那怎么办', en: 'What then' }, choices: [{ id: 'a', text: { 'zh-CN': '好', en: 'OK' }, recommends: null }], free_text: false },
    transcript: [{ turn: 't1', customer: t1.turn!.customer, reply: { 'zh-CN': '先了解需求', en: 'Ask first' }, mood_after: 60 }],
  }
  /** The server's replay, for the moves this test plays. */
  function replay(_key: string, _version: string, moves: Move[]): Promise<PreviewState> {
    const last = moves[moves.length - 1]
    if (!last) return Promise.resolve({ attempt: t1, debrief: null })
    if (last.kind === 'choose' && last.choice_id === 'b') return Promise.resolve({ attempt: warned, debrief: null })
    if (last.kind === 'choose' && last.choice_id === 'a' && moves.length === 1) return Promise.resolve({ attempt: t2, debrief: null })
    return Promise.reject(new ApiError(422, { status: 422, errors: [{ location: `body.moves[${moves.length - 1}]`, message: 'the move does not apply here' }] }))
  }

  async function render(version = 'draft', entryStatus: 'draft' | 'published' = 'draft') {
    const { default: View } = await import('@/views/training/library/LibraryPreviewView.vue')
    const Blank = defineComponent({ render: () => h('div') })
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', name: 'training-library', component: Blank }] })
    await router.push('/')
    api.listLibrary.mockResolvedValue([
      {
        key: 'demo',
        source: 'tenant',
        status: entryStatus,
        title: { 'zh-CN': '演示场景', en: 'Demo scenario' },
        published_version: entryStatus === 'published' ? 1 : 0,
        draft_version: entryStatus === 'published' ? 0 : 1,
      },
    ])
    const w = mount(View, { props: { scenarioKey: 'demo', version }, global: { plugins: [i18n, ElementPlus, createPinia(), router] }, attachTo: document.body })
    await flushPromises()
    return w
  }
  const sent = () => api.previewScenario.mock.calls.map((c) => c[2] as Move[])

  beforeEach(() => {
    setLocale('zh-CN')
    sessionStorage.clear()
    Object.defineProperty(window, 'innerWidth', { value: 1366, configurable: true })
    for (const f of Object.values(api)) f.mockReset()
    training.getScenario.mockReset()
    training.getScenario.mockResolvedValue(detail)
    api.previewScenario.mockImplementation(replay)
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('plays a draft with the whole move list each time, marks it as not recorded, and undoes', async () => {
    const w = await render()
    expect(w.get('[data-testid="preview-banner"]').text()).toContain('预览模式，不计入成绩')
    expect(w.get('[data-testid="preview-title"]').text()).toContain('演示场景')
    expect(w.get('[data-testid="preview-version"]').text()).toContain('草稿 v1')
    // A draft is not in the catalogue: no persona from it, and a note says so.
    expect(training.getScenario).not.toHaveBeenCalled()
    expect(w.find('[data-testid="preview-no-detail"]').exists()).toBe(true)
    expect(w.get('[data-testid="current-customer-line"]').text()).toContain('我要买基金')

    // The warned choice, then back: the pair leaves the list.
    await w.get('[data-testid="choice-b"]').trigger('click')
    await flushPromises()
    expect(document.body.querySelector('[data-testid="suitability-mismatch"]')?.textContent).toContain('C2')
    ;(document.body.querySelector('[data-testid="suitability-back"]') as HTMLElement).click()
    await flushPromises()
    await w.get('[data-testid="choice-a"]').trigger('click')
    await flushPromises()
    expect(sent()).toEqual([[], [choose('b')], [], [choose('a')]])
    expect(api.previewScenario.mock.calls.every((c) => c[0] === 'demo' && c[1] === 'draft')).toBe(true)
    expect(w.get('[data-testid="msg-reply-1"]').text()).toContain('先了解需求')
    expect(w.get('[data-testid="preview-moves"]').attributes('data-count')).toBe('1')
    expect(JSON.parse(sessionStorage.getItem(movesStorageKey('demo', 'draft'))!)).toEqual([choose('a')])

    // Undo goes back to the first line.
    await w.get('[data-testid="preview-undo"]').trigger('click')
    await flushPromises()
    expect(sent().at(-1)).toEqual([])
    expect(w.find('[data-testid="msg-reply-1"]').exists()).toBe(false)
    expect(sessionStorage.getItem(movesStorageKey('demo', 'draft'))).toBeNull()
    w.unmount()
  })

  it('keeps the position when the server refuses a move', async () => {
    const w = await render()
    await w.get('[data-testid="choice-a"]').trigger('click')
    await flushPromises()
    api.previewScenario.mockRejectedValueOnce(new ApiError(422, { status: 422, errors: [{ location: 'body.moves[1]', message: 'no' }] }))
    await w.get('[data-testid="choice-a"]').trigger('click')
    await flushPromises()
    expect(w.get('[data-testid="preview-moves"]').attributes('data-count')).toBe('1')
    expect(w.get('[data-testid="current-customer-line"]').text()).toContain('那怎么办')
    w.unmount()
  })

  it('resumes stored moves, and starts again when they no longer apply', async () => {
    sessionStorage.setItem(movesStorageKey('demo', 'draft'), JSON.stringify([choose('a')]))
    let w = await render()
    expect(sent()).toEqual([[choose('a')]])
    expect(w.get('[data-testid="msg-reply-1"]').text()).toContain('先了解需求')
    w.unmount()

    api.previewScenario.mockClear()
    sessionStorage.setItem(movesStorageKey('demo', 'draft'), JSON.stringify([choose('z')]))
    w = await render()
    expect(sent()).toEqual([[choose('z')], []])
    expect(w.get('[data-testid="current-customer-line"]').text()).toContain('我要买基金')
    w.unmount()
  })

  it('shows the persona and shelf when the catalogue serves the previewed version', async () => {
    const w = await render('1', 'published')
    expect(training.getScenario).toHaveBeenCalledWith('demo')
    expect(w.get('[data-testid="persona-card"]').text()).toContain('孙先生')
    expect(w.get('[data-testid="product-fund"]').attributes('data-above')).toBe('true')
    expect(w.get('[data-testid="preview-version"]').text()).toBe('v1')
    w.unmount()
  })
})
