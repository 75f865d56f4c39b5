import { useI18n } from 'vue-i18n'

/** Channel names, scores and yes/no of feedback records in the UI language. */
export function useFeedbackText() {
  const { t, te } = useI18n()
  const channel = (c: string) => (te(`feedback.channels.${c}`) ? t(`feedback.channels.${c}`) : c)
  // Scores come normalised to 1–5 whatever the channel's own scale.
  const score = (s: number | null | undefined) => (s === null || s === undefined ? '–' : `${Math.round(s * 10) / 10} / 5`)
  const yesNo = (v: boolean | null | undefined) => (v === null || v === undefined ? '–' : v ? t('common.yes') : t('common.no'))
  const appealState = (s: string) => (te(`feedback.appealStates.${s}`) ? t(`feedback.appealStates.${s}`) : s)
  const reasonKind = (k: string) => (te(`feedback.reasonKinds.${k}`) ? t(`feedback.reasonKinds.${k}`) : k)
  return { channel, score, yesNo, appealState, reasonKind }
}
