import { reactive, ref, type Ref } from 'vue'
import { notifyError } from '@/composables/notify'

/** One page of a server list: its rows and how many there are over all pages. */
export interface ListPage<Row> {
  items?: Row[] | null
  total: number
}

export interface PagedListOptions<Row, Filters extends object> {
  /** The filters as they are when nothing is picked (a fresh object each call). */
  blankFilters: () => Filters
  /** Fetches one page for the filters as they are now. */
  fetchPage: (filters: Filters, paging: { page: number; page_size: number }) => Promise<ListPage<Row>>
  pageSize?: number
  /** What a failed fetch does; the rows shown stay as they were. Default: notifyError. */
  onError?: (e: unknown) => void
}

/**
 * The state of a filtered, paged list page (users, audit log, reviews): the filters, the page,
 * the rows and their total, and the three moves on them. `load` fetches the current page;
 * `search` goes back to page 1 (after a filter or the page size changed); `resetFilters` clears
 * the filters and searches. The page mounts it and calls `load` when it is ready.
 */
export function usePagedList<Row, Filters extends object>(opts: PagedListOptions<Row, Filters>) {
  const onError = opts.onError ?? notifyError
  const filters = reactive(opts.blankFilters()) as Filters
  const page = ref(1)
  const pageSize = ref(opts.pageSize ?? 20)
  const total = ref(0)
  const rows = ref([]) as Ref<Row[]>
  const loading = ref(false)

  async function load() {
    loading.value = true
    try {
      const r = await opts.fetchPage(filters, { page: page.value, page_size: pageSize.value })
      rows.value = r.items ?? []
      total.value = r.total
    } catch (e) {
      onError(e)
    } finally {
      loading.value = false
    }
  }
  function search() {
    page.value = 1
    return load()
  }
  function resetFilters() {
    Object.assign(filters, opts.blankFilters())
    return search()
  }

  return { filters, page, pageSize, total, rows, loading, load, search, resetFilters }
}
