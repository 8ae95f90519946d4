// 提案线索 (staff): the ideas the public sent from the public site, new ones first; staff hand one to a member.
import { Button, Tag, Typography } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '../../../app/format.ts';
import {
  DataTable,
  ErrorAlert,
  PageHeader,
  ParamSelect,
  pagedProps,
  useListParams,
} from '../../../components/index.ts';
import type { Idea } from '../api.ts';
import { HandDialog } from '../components/HandDialog.tsx';
import { useIdeas } from '../queries.ts';

export function IdeasPage() {
  const [p, setP] = useListParams({ state: '' });
  const [handing, setHanding] = useState<Idea | null>(null);
  const list = useIdeas(p);
  return (
    <>
      <PageHeader title="提案线索" description="群众在门户网站提交的提案线索，可交给委员研究形成提案。" />
      <ParamSelect
        label="状态"
        style={{ width: 160, marginBottom: 16 }}
        name="state"
        params={p}
        setParams={setP}
        labels={{ new: '待交办', handed: '已交委员' }}
      />
      <ErrorAlert error={list.error} />
      <DataTable<Idea>
        {...pagedProps(list, p, setP, { loading: 'first' })}
        expandable={{
          expandedRowRender: (i) => (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{i.body}</Typography.Paragraph>
          ),
        }}
        columns={[
          { title: '标题', dataIndex: 'title' },
          { title: '提交时间', dataIndex: 'createdAt', render: (v) => formatDateTime(v) },
          {
            title: '状态',
            dataIndex: 'stateLabel',
            render: (v, i) => <Tag color={i.state === 'new' ? 'orange' : 'green'}>{v}</Tag>,
          },
          { title: '委员', dataIndex: 'memberName', render: (v) => v ?? '—' },
          {
            title: '操作',
            key: 'a',
            render: (_, i) => (
              <Button size="small" onClick={() => setHanding(i)}>
                {i.state === 'new' ? '交给委员' : '改交'}
              </Button>
            ),
          },
        ]}
      />
      <HandDialog idea={handing} onClose={() => setHanding(null)} />
    </>
  );
}
