// One figure on the dashboard: its name, the number (a link to the list behind it), the change against the same days
// last year, and its definition (口径) on hover or focus. Light for the page, dark and large for the 大屏.
import { InfoCircleOutlined } from '@ant-design/icons';
import { Card, Flex, Tooltip } from 'antd';
import { Link } from 'react-router-dom';
import { type Dashboard, formatNumber } from '../api.ts';

type Item = Dashboard['items'][number];

function changeText(f: Item): string {
  if (f.value === null) return f.note ?? '暂无数据';
  if (f.change === null) return '同期无可比数据';
  if (f.change === 0) return '与去年同期持平';
  return `比去年同期${f.change > 0 ? '增加' : '减少'} ${formatNumber(Math.abs(f.change))}${f.unit}`;
}

export function FigureCard({ f, dark, large }: { f: Item; dark?: boolean; large?: boolean }) {
  const up = (f.change ?? 0) > 0;
  const down = (f.change ?? 0) < 0;
  const changeColor = dark
    ? up
      ? '#4ade80'
      : down
        ? '#fca5a5'
        : '#cbd5e1'
    : up
      ? '#047857'
      : down
        ? '#b91c1c'
        : 'rgba(0,0,0,0.6)';
  const text = dark ? '#f8fafc' : 'rgba(0,0,0,0.88)';
  return (
    <Card
      data-testid={`figure-${f.id}`}
      style={{ height: '100%', background: dark ? '#13233f' : undefined, borderColor: dark ? '#1e3a66' : undefined }}
      styles={{ body: { padding: large ? '18px 20px' : '14px 16px' } }}
    >
      <Flex justify="space-between" align="start" gap={4}>
        <span style={{ fontSize: large ? 20 : 15, color: dark ? '#cbd5e1' : 'rgba(0,0,0,0.65)' }}>{f.name}</span>
        <Tooltip title={`统计口径：${f.definition}`}>
          <button
            type="button"
            aria-label={`${f.name}的统计口径：${f.definition}`}
            style={{
              border: 0,
              background: 'none',
              padding: 2,
              cursor: 'help',
              color: dark ? '#94a3b8' : 'rgba(0,0,0,0.55)',
            }}
          >
            <InfoCircleOutlined aria-hidden />
          </button>
        </Tooltip>
      </Flex>
      <Link
        to={f.link}
        aria-label={`${f.name} ${formatNumber(f.value)}${f.value === null ? '' : f.unit}，查看清单`}
        style={{ display: 'inline-block', marginTop: 4, color: dark ? '#fde68a' : undefined }}
      >
        <span style={{ fontSize: large ? 48 : 30, fontWeight: 600, lineHeight: 1.2 }}>{formatNumber(f.value)}</span>
        {f.value !== null && <span style={{ fontSize: large ? 20 : 15, marginLeft: 4, color: text }}>{f.unit}</span>}
      </Link>
      <Tooltip title={f.value === null ? undefined : `同期：${f.comparedWith}，${formatNumber(f.lastYear)}${f.unit}`}>
        <div style={{ fontSize: large ? 16 : 13, color: changeColor, marginTop: 4 }}>
          {up ? '▲ ' : down ? '▼ ' : ''}
          {changeText(f)}
        </div>
      </Tooltip>
    </Card>
  );
}
