import { describe, expect, it } from 'vitest'
import { watchDropdowns } from '@/utils/focusableDropdowns'

describe('select dropdowns a keyboard can scroll', () => {
  it('gives every dropdown wrapper, present or added later, a tab stop and leaves a set one alone', async () => {
    document.body.innerHTML = '<div class="el-select-dropdown"><div class="el-select-dropdown__wrap" id="a"></div></div>'
    const observer = watchDropdowns(document)
    expect(document.getElementById('a')?.getAttribute('tabindex')).toBe('0')

    const later = document.createElement('div')
    later.innerHTML = '<div class="el-scrollbar"><div class="el-select-dropdown__wrap" id="b"></div></div><div class="el-select-dropdown__wrap" id="c" tabindex="-1"></div>'
    document.body.appendChild(later)
    await Promise.resolve() // mutation observers run as a microtask
    expect(document.getElementById('b')?.getAttribute('tabindex')).toBe('0')
    expect(document.getElementById('c')?.getAttribute('tabindex')).toBe('-1')
    observer.disconnect()
  })
})
