// 通知中心: the user's notifications, newest first; unread ones stand out; open one (marks it read and follows its
// link), mark one or all as read; 全部 / 未读 switch; paged.
import { CheckOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Pagination, Segmented, Skeleton, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { formatDateTime, formatRelative } from '../../app/format.ts';
import { ErrorAlert, PageHeader, useListParams } from '../../components/index.ts';
import { KIND_LABELS, type NotificationItem } from './api.ts';
import { useMarkRead, useNotifications } from './queries.ts';

export function NotificationCentrePage() {
  const navigate = useNavigate();
  const [params, setParams] = useListParams({ show: 'all' }, 10);
  const unreadOnly = params.show === 'unread';
  const { data, error, isLoading } = useNotifications({ page: params.page, pageSize: params.pageSize, unreadOnly });
  const markRead = useMarkRead();

  const open = async (n: NotificationItem) => {
    if (!n.read) await markRead.mutateAsync([n.id]).catch(() => {});
    if (n.link) navigate(n.link);
  };

  return (
    <>
      <PageHeader
        title="通知中心"
        description={data ? `共 ${data.total} 条通知，其中 ${data.unread} 条未读。` : undefined}
        extra={
          <Button
            icon={<CheckOutlined />}
            disabled={!data?.unread}
            loading={markRead.isPending && !markRead.variables}
            onClick={() => markRead.mutate(undefined)}
          >
            全部标为已读
          </Button>
        }
      />
      <Segmented
        aria-label="显示范围"
        value={params.show}
        onChange={(v) => setParams({ show: v === 'all' ? '' : String(v) })}
        options={[
          { label: '全部通知', value: 'all' },
          { label: `未读${data?.unread ? `（${data.unread}）` : ''}`, value: 'unread' },
        ]}
        style={{ marginBottom: 16 }}
      />
      <ErrorAlert error={error ?? markRead.error} />
      {isLoading ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : !data?.items.length ? (
        <Card>
          <Empty description={unreadOnly ? '没有未读通知' : '暂时没有通知'} />
        </Card>
      ) : (
        <ul aria-label="通知列表" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {data.items.map((n) => (
            <li key={n.id} style={{ marginBottom: 12 }}>
              <Card
                size="small"
                styles={{ body: { padding: 16 } }}
                style={{ borderLeft: n.read ? '4px solid transparent' : '4px solid #a8071a' }}
              >
                <Flex justify="space-between" gap={12} wrap align="flex-start">
                  <div style={{ flex: '1 1 240px', minWidth: 0 }}>
                    <Flex gap={8} align="center" wrap>
                      {!n.read && <Tag color="#a8071a">未读</Tag>}
                      <Tag>{KIND_LABELS[n.kind] ?? '通知'}</Tag>
                      <Typography.Text type="secondary" title={formatDateTime(n.createdAt)}>
                        {formatDateTime(n.createdAt)}（{formatRelative(n.createdAt)}）
                      </Typography.Text>
                    </Flex>
                    <Typography.Title
                      level={2}
                      style={{ fontSize: 18, margin: '8px 0 4px', fontWeight: n.read ? 500 : 700 }}
                    >
                      {n.title}
                    </Typography.Title>
                    {n.body && (
                      <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                        {n.body}
                      </Typography.Paragraph>
                    )}
                  </div>
                  <Flex gap={8} wrap>
                    {n.link && (
                      <Button type="primary" onClick={() => open(n)} aria-label={`查看：${n.title}`}>
                        查看 <RightOutlined />
                      </Button>
                    )}
                    {!n.read && (
                      <Button onClick={() => markRead.mutate([n.id])} aria-label={`标为已读：${n.title}`}>
                        标为已读
                      </Button>
                    )}
                  </Flex>
                </Flex>
              </Card>
            </li>
          ))}
        </ul>
      )}
      {!!data?.total && (
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Pagination
            current={params.page}
            pageSize={params.pageSize}
            total={data.total}
            showSizeChanger
            pageSizeOptions={[10, 20, 50]}
            showTotal={(t) => `共 ${t} 条`}
            onChange={(page, pageSize) => setParams({ page, pageSize })}
          />
        </Flex>
      )}
    </>
  );
}
