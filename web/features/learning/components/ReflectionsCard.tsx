// The member's own reflections with their state.
import { Card, Empty, List, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDate } from '../../../app/format.ts';
import { ErrorAlert } from '../../../components/index.ts';
import { STATE_COLOR } from '../api.ts';
import { useMyReflections } from '../queries.ts';

export function ReflectionsCard() {
  const { data, error } = useMyReflections();
  return (
    <Card title="我的学习心得">
      <ErrorAlert error={error} />
      <List
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty description="学完资料后，可在资料页写下心得" /> }}
        renderItem={(r) => (
          <List.Item>
            <div style={{ width: '100%' }}>
              <Link to={`/learning/reflections/${r.id}`} style={{ fontSize: 17 }}>
                {r.title}
              </Link>{' '}
              <Tag color={STATE_COLOR[r.state]}>{r.stateLabel}</Tag>
              <div>
                <Typography.Text type="secondary">
                  {r.materialTitle ?? r.classTitle ?? ''} {r.updatedAt ? formatDate(r.updatedAt) : ''}
                </Typography.Text>
              </div>
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
