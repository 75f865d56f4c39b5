import { describe, expect, it, vi } from 'vitest'
import { usePagedList, type ListPage } from './usePagedList'

interface Filters {
  q: string
  branch_id: number | null
}
type Row = { id: number }

/** A server of 45 rows that answers with the page asked for and records each request. */
function fakeServer() {
  const calls: { filters: Filters; page: number; page_size: number }[] = []
  const fetchPage = vi.fn(async (f: Filters, p: { page: number; page_size: number }): Promise<ListPage<Row>> => {
    calls.push({ filters: { ...f }, ...p })
    const all = Array.from({ length: 45 }, (_, i) => ({ id: i + 1 }))
    return { items: all.slice((p.page - 1) * p.page_size, p.page * p.page_size), total: all.length }
  })
  return { calls, fetchPage }
}

const blank = (): Filters => ({ q: '', branch_id: null })

describe('usePagedList', () => {
  it('starts on page 1 of 20 with the blank filters and nothing loaded', () => {
    const { fetchPage } = fakeServer()
    const l = usePagedList({ blankFilters: blank, fetchPage })
    expect(l.page.value).toBe(1)
    expect(l.pageSize.value).toBe(20)
    expect(l.filters).toEqual({ q: '', branch_id: null })
    expect(l.rows.value).toEqual([])
    expect(l.total.value).toBe(0)
    expect(fetchPage).not.toHaveBeenCalled()
  })

  it('load fetches the current page with the current filters and shows its rows and total', async () => {
    const { calls, fetchPage } = fakeServer()
    const l = usePagedList({ blankFilters: blank, fetchPage, pageSize: 10 })
    l.filters.q = 'zhou'
    l.page.value = 3
    const pending = l.load()
    expect(l.loading.value).toBe(true)
    await pending
    expect(l.loading.value).toBe(false)
    expect(calls).toEqual([{ filters: { q: 'zhou', branch_id: null }, page: 3, page_size: 10 }])
    expect(l.rows.value.map((r) => r.id)).toEqual([21, 22, 23, 24, 25, 26, 27, 28, 29, 30])
    expect(l.total.value).toBe(45)
  })

  it('search goes back to page 1', async () => {
    const { calls, fetchPage } = fakeServer()
    const l = usePagedList({ blankFilters: blank, fetchPage })
    l.page.value = 2
    l.filters.branch_id = 7
    await l.search()
    expect(l.page.value).toBe(1)
    expect(calls.at(-1)).toEqual({ filters: { q: '', branch_id: 7 }, page: 1, page_size: 20 })
    expect(l.rows.value[0].id).toBe(1)
  })

  it('resetFilters clears every filter and searches from page 1', async () => {
    const { calls, fetchPage } = fakeServer()
    const l = usePagedList({ blankFilters: blank, fetchPage })
    Object.assign(l.filters, { q: 'x', branch_id: 3 })
    l.page.value = 3
    await l.resetFilters()
    expect(l.filters).toEqual({ q: '', branch_id: null })
    expect(l.page.value).toBe(1)
    expect(calls).toEqual([{ filters: { q: '', branch_id: null }, page: 1, page_size: 20 }])
  })

  it('a page without items shows no rows', async () => {
    const l = usePagedList<Row, Filters>({ blankFilters: blank, fetchPage: async () => ({ items: null, total: 0 }) })
    l.rows.value = [{ id: 1 }]
    await l.load()
    expect(l.rows.value).toEqual([])
  })

  it('a failed fetch is reported once, keeps the rows shown and stops loading', async () => {
    const onError = vi.fn()
    const boom = new Error('down')
    const fetchPage = vi.fn().mockResolvedValueOnce({ items: [{ id: 1 }], total: 1 }).mockRejectedValueOnce(boom)
    const l = usePagedList<Row, Filters>({ blankFilters: blank, fetchPage, onError })
    await l.load()
    await l.load()
    expect(onError).toHaveBeenCalledTimes(1)
    expect(onError).toHaveBeenCalledWith(boom)
    expect(l.rows.value).toEqual([{ id: 1 }])
    expect(l.total.value).toBe(1)
    expect(l.loading.value).toBe(false)
  })
})
