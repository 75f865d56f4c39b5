// Pure helpers of the training sandbox (unit-tested in tests/training.spec.ts).
import type { Text } from '@/components/training/api'

/** The text in `locale`, else in zh-CN (the source language), else in any language given. */
export function pickText(text: Text | null | undefined, locale: string): string {
  if (!text) return ''
  const exact = text[locale]
  if (exact) return exact
  const zh = text['zh-CN']
  if (zh) return zh
  for (const v of Object.values(text)) if (v) return v
  return ''
}

export type MoodKey = 'angry' | 'anxious' | 'neutral' | 'satisfied'

/** Clamps a mood to 0..100 (a missing or broken value reads as neutral 50). */
export function clampMood(mood: number): number {
  if (!Number.isFinite(mood)) return 50
  return Math.min(100, Math.max(0, Math.round(mood)))
}

/** 0–24 angry, 25–49 anxious, 50–74 neutral, 75–100 satisfied. */
export function moodKey(mood: number): MoodKey {
  const m = clampMood(mood)
  if (m < 25) return 'angry'
  if (m < 50) return 'anxious'
  if (m < 75) return 'neutral'
  return 'satisfied'
}

const EMOJI: Record<MoodKey, string> = { angry: '😠', anxious: '😟', neutral: '😐', satisfied: '😊' }

export function moodEmoji(mood: number): string {
  return EMOJI[moodKey(mood)]
}

/** Red (0) through amber to green (100), as an `hsl()` colour: hue 0° → 120°. */
export function moodColor(mood: number): string {
  const hue = Math.round(clampMood(mood) * 1.2)
  return `hsl(${hue}, 72%, 42%)`
}

/** The mood's hue dark enough for text on white (≥ 4.5:1 at every hue, yellow included). */
export function moodTextColor(mood: number): string {
  const hue = Math.round(clampMood(mood) * 1.2)
  return `hsl(${hue}, 72%, 25%)`
}

/** "R3" (a product) or "C3" (a customer's class) → 3; anything else → 0 (unknown). */
export function riskLevel(risk: string | null | undefined): number {
  const m = /^[RC]([1-5])$/.exec((risk ?? '').trim().toUpperCase())
  return m ? Number(m[1]) : 0
}

/** True when a product's rating is above the customer's tolerance (unknown ratings never are). */
export function aboveTolerance(productRisk: string | null | undefined, customerTolerance: string | null | undefined): boolean {
  const p = riskLevel(productRisk)
  const c = riskLevel(customerTolerance)
  return p > 0 && c > 0 && p > c
}

/** The Element Plus tag type for a risk level: green for low, amber for R3, red for R4–R5. */
export function riskTagType(risk: string | null | undefined): 'success' | 'primary' | 'warning' | 'danger' | 'info' {
  switch (riskLevel(risk)) {
    case 1:
      return 'success'
    case 2:
      return 'primary'
    case 3:
      return 'warning'
    case 4:
    case 5:
      return 'danger'
    default:
      return 'info'
  }
}

/** Milliseconds since `start`, never negative and whole. */
export function elapsedSince(start: number, now: number): number {
  return Math.max(0, Math.round(now - start))
}

/** "12.5" for 12.5, "80" for 80: a score with at most one decimal. */
export function formatScore(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–'
  return String(Math.round(v * 10) / 10)
}

/** Breaks a long label at spaces into lines of about `width` characters (for chart axes on phones). */
export function wrapLabel(label: string, width = 10): string {
  if (label.length <= width || !label.includes(' ')) return label
  const lines: string[] = []
  let line = ''
  for (const word of label.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  if (line) lines.push(line)
  return lines.join('\n')
}

/** Seconds with one decimal below ten, whole above: 0.4, 9.5, 12. */
export function formatSeconds(ms: number): string {
  const s = Math.max(0, ms) / 1000
  return s < 10 ? String(Math.round(s * 10) / 10) : String(Math.round(s))
}
