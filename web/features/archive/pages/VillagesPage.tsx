// 村史: the village-history projects (village, township, compilers, status, chapters received and published); editors
// start a new project below the list.
import { Card, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useSession } from '../../../app/session.tsx';
import {
  ErrorAlert,
  linkColumn,
  PageHeader,
  pagedProps,
  ResponsiveList,
  textColumns,
} from '../../../components/index.ts';
import { TAG } from '../../../components/tagColors.ts';
import type { Village } from '../api.ts';
import { VillageForm } from '../components/VillageForm.tsx';
import { useVillages } from '../queries.ts';

const STATE_COLOR: Record<string, string> = { published: TAG.green, compiling: 'blue', reviewing: 'blue' };

export function VillagesPage() {
  const { can } = useSession();
  const navigate = useNavigate();
  const editor = can('archive.edit');
  // The server sends every project (a committee has tens, not thousands); the list pages them here.
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const { data, error, isFetching } = useVillages();
  return (
    <>
      <PageHeader
        title="村史编纂"
        back="/archive"
        description="以村（社区）为单位编纂村史，稿件走文史资料的编辑流程。"
      />
      <Card style={{ marginBottom: 16 }}>
        <ErrorAlert error={error} />
        <ResponsiveList<Village>
          rowKey="id"
          {...pagedProps({ data, isFetching }, paging, setPaging)}
          unit="个"
          locale={{ emptyText: editor ? '还没有村史项目，可在下方新建' : '暂无村史项目' }}
          columns={[
            linkColumn('村史名称', 'title', (v) => `/archive/villages/${v.id}`),
            ...textColumns({ township: '乡镇（街道）', village: '村（社区）' }),
            { title: '编纂人员', dataIndex: 'editors', render: (xs: string[]) => (xs.length ? xs.join('、') : '—') },
            {
              title: '状态',
              dataIndex: 'stateLabel',
              render: (l: string, v) => <Tag color={STATE_COLOR[v.state] ?? 'default'}>{l}</Tag>,
            },
            { title: '篇目', dataIndex: 'articles', render: (n: number, v) => `${n} 篇（已出版 ${v.published}）` },
          ]}
        />
      </Card>
      {editor && (
        <Card title="新建村史项目">
          <VillageForm onSaved={(id) => navigate(`/archive/villages/${id}`)} />
        </Card>
      )}
    </>
  );
}
