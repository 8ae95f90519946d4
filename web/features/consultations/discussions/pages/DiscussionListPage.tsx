// 网络议政 list: the discussions the user may take part in (staff: all of the committee), with staff's buttons to open
// one and to set the word filter.
import { useQuery } from '@tanstack/react-query';
import { Button, Flex, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../../../api/client.ts';
import { formatDateTime } from '../../../../app/format.ts';
import { useSession } from '../../../../app/session.tsx';
import { DataTable, ErrorAlert, PageHeader, pagedProps, useListParams } from '../../../../components/index.ts';
import { TAG } from '../../../../components/tagColors.ts';
import { type Discussion, STATUS_LABELS } from '../api.ts';
import { SettingsForm } from '../components/DiscussionSettingsForm.tsx';
import { OpenForm } from '../components/OpenDiscussionForm.tsx';
import { discussionKeys } from '../queries.ts';

const STATUS_COLORS = { upcoming: 'default', open: TAG.green, closed: 'default' } as const;

export function DiscussionListPage() {
  const { can } = useSession();
  const staff = can('discussion.manage');
  const [params, setParams] = useListParams({});
  const [dialog, setDialog] = useState<'open' | 'settings' | null>(null);
  const list = useQuery({
    queryKey: discussionKeys.list(params.page, params.pageSize),
    queryFn: () =>
      api.get<{ items: Discussion[]; total: number }>(
        `/api/discussions?page=${params.page}&pageSize=${params.pageSize}`,
      ),
  });
  return (
    <>
      <PageHeader
        title="网络议政"
        description="围绕议题发表观点、对他人的观点表态，平台按表态把意见分组，找出共识和分歧。"
        extra={
          staff && (
            <Flex gap={8} wrap>
              <Button type="primary" onClick={() => setDialog('open')}>
                发起网络议政
              </Button>
              <Button onClick={() => setDialog('settings')}>设置</Button>
            </Flex>
          )
        }
      />
      <ErrorAlert error={list.error} />
      <DataTable<Discussion>
        {...pagedProps(list, params, setParams)}
        columns={[
          {
            title: '议题',
            dataIndex: 'topic',
            render: (t: string, r) => <Link to={`/consultations/discussions/${r.id}`}>{t}</Link>,
          },
          {
            title: '状态',
            dataIndex: 'status',
            render: (s: Discussion['status']) => <Tag color={STATUS_COLORS[s]}>{STATUS_LABELS[s]}</Tag>,
          },
          { title: '截止时间', dataIndex: 'closesAt', render: (d: string) => formatDateTime(d) },
          { title: '观点', dataIndex: 'statements' },
          { title: '参与人数', dataIndex: 'participants' },
        ]}
      />
      {dialog === 'open' && <OpenForm onClose={() => setDialog(null)} />}
      {dialog === 'settings' && <SettingsForm onClose={() => setDialog(null)} />}
    </>
  );
}
