import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ElementPlus, { ElPagination } from 'element-plus'
import ListPager from '@/components/ListPager.vue'
import { i18n } from '@/i18n'

describe('ListPager', () => {
  function render(props: Record<string, unknown> = {}) {
    return mount(ListPager, {
      props: { page: 1, pageSize: 20, total: 120, ...props },
      attrs: { 'data-testid': 'some-pager' },
      global: { plugins: [i18n, ElementPlus] },
    })
  }

  it('loads on a new page and searches from page 1 on a new page size', async () => {
    const w = render()
    const p = w.findComponent(ElPagination)
    p.vm.$emit('current-change', 2)
    p.vm.$emit('update:current-page', 2)
    expect(w.emitted('load')).toHaveLength(1)
    expect(w.emitted('update:page')?.[0]).toEqual([2])
    p.vm.$emit('size-change', 50)
    p.vm.$emit('update:page-size', 50)
    expect(w.emitted('search')).toHaveLength(1)
    expect(w.emitted('update:pageSize')?.[0]).toEqual([50])
  })

  it('offers 20, 50 and 100 a page, passes the test id on, and adds the jumper only when asked', () => {
    const w = render()
    const p = w.findComponent(ElPagination)
    expect(p.props('pageSizes')).toEqual([20, 50, 100])
    expect(p.attributes('data-testid')).toBe('some-pager')
    expect(p.props('layout')).not.toContain('jumper')
    expect(render({ jumper: true }).findComponent(ElPagination).props('layout')).toContain('jumper')
  })
})
