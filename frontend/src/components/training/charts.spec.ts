import { describe, expect, it } from 'vitest'
import { CHART_COLORS, chartInitOptions, levelColor, wrappedCategoryLabel } from './charts'

describe('training charts', () => {
  it('levelColor is red below the amber threshold, amber up to the green one, green from it', () => {
    expect(levelColor(29.9, 30, 70)).toBe(CHART_COLORS.danger)
    expect(levelColor(30, 30, 70)).toBe(CHART_COLORS.warning)
    expect(levelColor(69.9, 30, 70)).toBe(CHART_COLORS.warning)
    expect(levelColor(70, 30, 70)).toBe(CHART_COLORS.success)
    expect(levelColor(100, 60, 80)).toBe('#67c23a')
    expect(levelColor(59, 60, 80)).toBe('#f56c6c')
    expect(levelColor(Number.NaN, 60, 80)).toBe('#f56c6c')
  })

  it('charts are drawn as SVG in the UI language (Chinese unless English)', () => {
    expect(chartInitOptions('en')).toEqual({ renderer: 'svg', locale: 'EN' })
    expect(chartInitOptions('zh-CN')).toEqual({ renderer: 'svg', locale: 'ZH' })
    expect(chartInitOptions('fr')).toEqual({ renderer: 'svg', locale: 'ZH' })
  })

  it('wrapped category labels break at the given width', () => {
    expect(wrappedCategoryLabel(90)).toEqual({ width: 90, overflow: 'break', fontSize: 12, lineHeight: 16, color: '#303133' })
  })
})
