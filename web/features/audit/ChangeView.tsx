// Before/after of one audit entry as a readable table: one row per field, changed fields marked.
import { Table, Tag, Typography } from 'antd';
import { fieldLabel } from '../../../server/platform/audit/labels.ts';

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function showValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if (Array.isArray(v) && v.every((x) => typeof x !== 'object' || x === null))
    return v.map(showValue).join('、') || '—';
  return JSON.stringify(v, null, 1);
}

interface Row {
  key: string;
  before: unknown;
  after: unknown;
  changed: boolean;
}

export function ChangeView({ before, after }: { before: unknown; after: unknown }) {
  if ((before === null || before === undefined) && (after === null || after === undefined))
    return <Typography.Text type="secondary">此操作没有记录数据变化。</Typography.Text>;
  const b = isPlainObject(before) ? before : before == null ? {} : { 值: before };
  const a = isPlainObject(after) ? after : after == null ? {} : { 值: after };
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const rows: Row[] = keys.map((key) => ({
    key,
    before: b[key],
    after: a[key],
    changed: JSON.stringify(b[key]) !== JSON.stringify(a[key]),
  }));
  const cell = (v: unknown) => (
    <span style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', fontFamily: 'inherit' }}>{showValue(v)}</span>
  );
  return (
    <Table<Row>
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      columns={[
        {
          title: '字段',
          dataIndex: 'key',
          render: (k: string, r) => (
            <>
              {fieldLabel(k)} {r.changed && before != null && after != null && <Tag color="#ad4e00">已修改</Tag>}
            </>
          ),
        },
        { title: '修改前', dataIndex: 'before', render: cell },
        { title: '修改后', dataIndex: 'after', render: cell },
      ]}
    />
  );
}
