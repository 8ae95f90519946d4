// <Pill tone="red">市级采用</Pill>: a tag whose text keeps WCAG AA contrast (antd's preset tag colours are too light
// for 14 px text).
import { Tag } from 'antd';
import type { ReactNode } from 'react';

const TONES = {
  default: ['#262626', '#fafafa', '#d9d9d9'],
  blue: ['#003eb3', '#e6f4ff', '#91caff'],
  green: ['#135200', '#f6ffed', '#b7eb8f'],
  orange: ['#873800', '#fff7e6', '#ffd591'],
  red: ['#a8071a', '#fff1f0', '#ffa39e'],
  cyan: ['#00474f', '#e6fffb', '#87e8de'],
  gold: ['#613400', '#fffbe6', '#ffe58f'],
  purple: ['#391085', '#f9f0ff', '#d3adf7'],
} as const;
export type Tone = keyof typeof TONES;

export function Pill({ tone = 'default', children, large }: { tone?: Tone; children: ReactNode; large?: boolean }) {
  const [color, background, borderColor] = TONES[tone];
  return (
    <Tag style={{ color, background, borderColor, fontSize: large ? 15 : 14, marginInlineEnd: 4 }}>{children}</Tag>
  );
}
