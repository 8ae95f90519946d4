// 专委会工作台: the special committees and sectors this account may open (special committee staff: their own; office
// staff and leaders: all; members: their own, read-only), each with its number of members.
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Tag } from 'antd';
import { Link } from 'react-router';
import { api } from '../../../api/client.ts';
import { useSession } from '../../../app/session.tsx';
import { ErrorAlert, onePageProps, PageHeader, ResponsiveList } from '../../../components/index.ts';
import { type Unit, workspaceKeys } from '../api.ts';

export function WorkspacesPage() {
  const { can } = useSession();
  const list = useQuery({
    queryKey: workspaceKeys.list(),
    queryFn: () => api.get<{ specialCommittees: Unit[]; sectors: Unit[] }>('/api/workspace'),
  });
  const reports = can('workspace.manage') || can('workspace.comment');
  const listOf = (items: Unit[] | undefined, path: string, unit: string) => (
    <ResponsiveList<Unit>
      rowKey="id"
      {...onePageProps(items, list.isLoading)}
      unit={unit}
      columns={[
        {
          title: '名称',
          dataIndex: 'name',
          render: (name, u) => (
            <Link to={`/workspace/${path}/${u.id}`}>
              {name} {u.canManage && <Tag color="blue">本委</Tag>}
            </Link>
          ),
        },
        { title: '委员人数', dataIndex: 'memberCount', render: (n) => `${n} 人` },
      ]}
    />
  );
  return (
    <>
      <PageHeader
        title="专委会工作台"
        description="专委会和界别的委员、计划事项、活动、成果和一委一品。"
        extra={
          reports && (
            <Link to="/workspace/reports">
              <Button type="primary">专委会月汇报</Button>
            </Link>
          )
        }
      />
      <ErrorAlert error={list.error} />
      <Card title="专门委员会" style={{ marginBottom: 16 }}>
        {listOf(list.data?.specialCommittees, 'special-committees', '个')}
      </Card>
      {!!list.data?.sectors.length && <Card title="界别">{listOf(list.data.sectors, 'sectors', '个')}</Card>}
    </>
  );
}
