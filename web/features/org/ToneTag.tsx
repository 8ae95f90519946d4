// A small label with text dark enough on its tinted background to pass WCAG AA (antd's preset tag colours do not).
import { Tag } from 'antd';
import type { ReactNode } from 'react';

const TONES = {
  green: { color: '#135200', background: '#f6ffed', borderColor: '#95de64' },
  orange: { color: '#7a2e00', background: '#fff7e6', borderColor: '#ffc069' },
  red: { color: '#820014', background: '#fff1f0', borderColor: '#ffa39e' },
  blue: { color: '#002c8c', background: '#e6f4ff', borderColor: '#91caff' },
  default: { color: '#262626', background: '#f5f5f5', borderColor: '#d9d9d9' },
} as const;

export type Tone = keyof typeof TONES;

export function ToneTag({ tone = 'default', children }: { tone?: Tone; children: ReactNode }) {
  return (
    <Tag bordered style={{ ...TONES[tone], fontSize: 14 }}>
      {children}
    </Tag>
  );
}
