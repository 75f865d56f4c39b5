// The built-in badge set drawn with Element Plus icons. The server names a badge; an unknown name
// still shows (as a medal) so a newer server never leaves a blank. A badge is never shown without
// its text label: the icon alone carries no meaning for a screen reader or a colour-blind reader.
import {
  Aim,
  CircleCheckFilled,
  Flag,
  GoldMedal,
  Lightning,
  MagicStick,
  Medal,
  Opportunity,
  Present,
  Promotion,
  Reading,
  Service,
  Star,
  StarFilled,
  Sunny,
  Trophy,
  TrophyBase,
} from '@element-plus/icons-vue'
import type { Component } from 'vue'

const ICONS: Record<string, Component> = {
  trophy: Trophy,
  'trophy-base': TrophyBase,
  medal: Medal,
  'gold-medal': GoldMedal,
  star: Star,
  'star-filled': StarFilled,
  flag: Flag,
  sunny: Sunny,
  promotion: Promotion,
  opportunity: Opportunity,
  present: Present,
  lightning: Lightning,
  'magic-stick': MagicStick,
  aim: Aim,
  service: Service,
  'circle-check-filled': CircleCheckFilled,
  reading: Reading,
}

/** "GoldMedal", "gold_medal" and "gold-medal" all name the same icon. */
export function badgeKey(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/_/g, '-')
    .toLowerCase()
}

export function badgeIcon(name: string): Component {
  return ICONS[badgeKey(name)] ?? Medal
}
