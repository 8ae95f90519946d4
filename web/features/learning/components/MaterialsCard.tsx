// The published materials with the member's progress, searchable.
import { Card, Empty, Input, List, Progress, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { ErrorAlert, useListParams } from '../../../components/index.ts';
import { useMaterials } from '../queries.ts';

export function MaterialsCard() {
  const [params, setParams] = useListParams({ q: '' });
  const filters = { q: params.q || undefined, page: params.page, pageSize: params.pageSize };
  const { data, error, isFetching } = useMaterials(filters);
  return (
    <Card title="学习资料" style={{ marginBottom: 16 }}>
      <Input.Search
        aria-label="搜索学习资料"
        placeholder="搜索资料名称、主题"
        allowClear
        defaultValue={params.q}
        onSearch={(q) => setParams({ q, page: 1 })}
        style={{ marginBottom: 12 }}
      />
      <ErrorAlert error={error} />
      <List
        loading={isFetching}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty description="暂无学习资料" /> }}
        pagination={
          (data?.total ?? 0) > params.pageSize
            ? {
                current: params.page,
                pageSize: params.pageSize,
                total: data?.total,
                onChange: (page) => setParams({ page }),
              }
            : false
        }
        renderItem={(m) => (
          <List.Item>
            <div style={{ width: '100%' }}>
              <Link to={`/learning/materials/${m.id}`} style={{ fontSize: 17 }}>
                {m.title}
              </Link>
              <div>
                <Tag>{m.kindLabel}</Tag>
                {m.theme && <Typography.Text type="secondary">{m.theme}</Typography.Text>}
              </div>
              <Progress
                percent={m.myPercent}
                status={m.myFinishedAt ? 'success' : 'normal'}
                format={(p) => (m.myFinishedAt ? '已学完' : `${p}%`)}
                aria-label={`${m.title} 学习进度`}
              />
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
