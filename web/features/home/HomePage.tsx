// 首页: a greeting with the user's name, roles and committee, unread notifications, the user's 待办 (what waits for
// them, counted, each a link to the page that handles it), and large tiles for every menu entry, grouped as in the menu.
// A leader's home opens with the 驾驶舱 (the year's key figures, overdue, trend); an office's home with its own key
// figures, a handling unit's with its own (figures/roleFigures.ts) — downloaded only for those roles.
import { AppstoreOutlined, BellOutlined, RightOutlined } from '@ant-design/icons';
import { Badge, Card, Col, Flex, Row, Tag, Typography } from 'antd';
import { lazy, Suspense, useEffect } from 'react';
import { Link } from 'react-router-dom';
import { shanghaiHour } from '../../app/format.ts';
import { greeting, tileSections } from '../../app/homeData.ts';
import { useMenuEntries } from '../../app/menu.tsx';
import { useSession } from '../../app/session.tsx';
import { PRIMARY } from '../../app/theme.ts';
import { usePageTitle } from '../../components/index.ts';
import { homeDashboardKind } from '../figures/roleFigures.ts';
import { useNotifications } from '../notifications/queries.ts';
import { useTodos } from './queries.ts';

const HomeDashboard = lazy(() => import('../figures/components/HomeDashboard.tsx'));

const RELOADED = 'zx:home-reloaded-at';
function reloadedJustNow(): boolean {
  try {
    return Date.now() - Number(sessionStorage.getItem(RELOADED) ?? 0) < 30_000;
  } catch {
    return true;
  }
}

export function HomePage() {
  usePageTitle('首页');
  const { me, can } = useSession();
  const entries = useMenuEntries();
  const notesQuery = useNotifications({ page: 1, pageSize: 1 }, can('notification.read'), true);
  const todosQuery = useTodos(!!me);
  const notes = notesQuery.data;
  const todos = todosQuery.data;
  // What is below the greeting waits for the two counts (or their first failure): shown as each arrived, the unread
  // line and the 待办 card pushed the tiles down under the reader's finger (a layout shift, Lighthouse's CLS).
  const answered = (q: { isFetched: boolean; failureCount: number }) => q.isFetched || q.failureCount > 0;
  const settled = answered(todosQuery) && (!can('notification.read') || answered(notesQuery));
  const dashboard = me ? homeDashboardKind(me.account.roles, can) : null;
  // A home without a dashboard (a member's) is the server's plain page (decision 0027): the app's own links to 首页 lead
  // to the same page a full load of / gives. This page stands in for it offline (the worker may hold no copy yet) and
  // when a load of / just gave the app again (a service worker from before the change): one reload, never a loop.
  const plain = !!me && !dashboard && navigator.onLine && !import.meta.env.DEV && !reloadedJustNow();
  useEffect(() => {
    if (!plain) return;
    sessionStorage.setItem(RELOADED, String(Date.now()));
    window.location.reload();
  }, [plain]);
  if (!me || plain) return null;
  const sections = tileSections(entries);
  const unread = notes?.unread ?? 0;
  return (
    <>
      <Card style={{ marginBottom: 16 }}>
        <Typography.Title level={1} style={{ margin: 0, fontSize: 26 }}>
          {greeting(shanghaiHour())}，{me.account.displayName}
        </Typography.Title>
        <Flex gap={8} wrap align="center" style={{ marginTop: 12 }}>
          <Typography.Text>{me.committee.name}</Typography.Text>
          {me.account.roleNames.map((r) => (
            <Tag key={r} color={PRIMARY} style={{ fontSize: 15, padding: '2px 10px' }}>
              {r}
            </Tag>
          ))}
        </Flex>
        {settled && unread > 0 && (
          <Link to="/notifications?show=unread" style={{ display: 'inline-block', marginTop: 16, fontSize: 17 }}>
            <BellOutlined aria-hidden /> 您有 {unread} 条未读通知，点击查看
          </Link>
        )}
      </Card>
      {settled && dashboard && (
        <Suspense fallback={<Card loading style={{ marginBottom: 16 }} />}>
          <HomeDashboard kind={dashboard} roles={me.account.roles} />
        </Suspense>
      )}
      {settled && !!todos?.items.length && (
        <Card title={<h2 style={{ margin: 0, fontSize: 20 }}>待办事项</h2>} style={{ marginBottom: 8 }}>
          <Flex vertical role="list" aria-label="待办事项">
            {todos.items.map((t, i) => (
              <Link
                key={t.key}
                to={t.link}
                role="listitem"
                style={{ padding: '12px 0', fontSize: 17, borderTop: i ? '1px solid #f0f0f0' : undefined }}
              >
                <Flex justify="space-between" align="center" gap={12}>
                  <span style={{ color: 'rgba(0,0,0,0.88)' }}>{t.label}</span>
                  <Flex align="center" gap={8}>
                    <Badge count={t.count} overflowCount={999} color={PRIMARY} />
                    <RightOutlined aria-hidden style={{ color: 'rgba(0,0,0,0.45)' }} />
                  </Flex>
                </Flex>
              </Link>
            ))}
          </Flex>
        </Card>
      )}
      {!settled ? null : sections.length === 0 ? (
        <Card>
          <Typography.Text>您的账号暂未开通其他功能，如有需要请联系系统管理员。</Typography.Text>
        </Card>
      ) : (
        sections.map(([group, list]) => (
          <section key={group} aria-label={group}>
            <Typography.Title level={2} style={{ fontSize: 20, margin: '20px 0 12px' }}>
              {group}
            </Typography.Title>
            <Row gutter={[12, 12]} role="list" aria-label={group}>
              {list.map((t) => (
                <Col key={t.path} xs={12} sm={8} md={6} xl={4} role="listitem">
                  <Link to={t.path} style={{ display: 'block', height: '100%' }}>
                    <Card hoverable style={{ height: '100%' }} styles={{ body: { padding: '18px 12px' } }}>
                      <Flex vertical align="center" gap={10} style={{ textAlign: 'center' }}>
                        <span aria-hidden style={{ fontSize: 30, color: PRIMARY, lineHeight: 1 }}>
                          {t.icon ?? <AppstoreOutlined />}
                        </span>
                        <span style={{ fontSize: 17, color: 'rgba(0,0,0,0.88)', fontWeight: 500 }}>{t.label}</span>
                      </Flex>
                    </Card>
                  </Link>
                </Col>
              ))}
            </Row>
          </section>
        ))
      )}
    </>
  );
}
