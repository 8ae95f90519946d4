// The signed-in frame: header (committee, bell, user menu), the menu from the feature registry (a drawer opened by a
// big button on phones), and the page. Sends the visitor to login, and to the forced password change when required.
import {
  CheckOutlined,
  DownOutlined,
  KeyOutlined,
  LogoutOutlined,
  MenuOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Button, Grid, Layout, Spin, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { featureRoutes } from '../features/index.ts';
import { NotificationBell } from '../features/notifications/NotificationBell.tsx';
import { useNotificationStream } from '../features/notifications/queries.ts';
import { MenuProvider, menuEntries, menuItems, selectedKey } from './menu.tsx';
import { useSession } from './session.tsx';
import { TEXT_SIZES, type TextSize, useTextSize } from './textSize.tsx';

// The phone's menu drawer is downloaded when first opened: a desktop never needs it, and the home page loads faster.
const Drawer = lazy(() => import('antd/es/drawer/index.js'));
// The menu and the account menu's dropdown come just after the page (on a phone both stay closed at first): they
// are not part of the first page's JS (issue 12: ≤ 300 KB gzip for the member's home).
const Menu = lazy(() => import('antd/es/menu/index.js'));
const Dropdown = lazy(() => import('antd/es/dropdown/index.js'));

export function FullPageSpin() {
  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center' }}>
      <Spin size="large" description="正在加载…" />
    </div>
  );
}

/** While a page's code downloads (it is loaded on first visit): a spinner in the content area, the frame stays. */
function PageSpin() {
  return (
    <div style={{ padding: 48, display: 'grid', placeItems: 'center' }}>
      <Spin size="large" description="正在加载…" />
    </div>
  );
}

export function AppLayout() {
  const { me, loading } = useSession();
  const location = useLocation();
  if (loading) return <FullPageSpin />;
  if (!me) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (me.account.mustChangePassword) return <Navigate to="/password" replace />;
  return <SignedInLayout />;
}

function SignedInLayout() {
  const { me, can, logout } = useSession();
  const { size, setSize } = useTextSize();
  const screens = Grid.useBreakpoint();
  // Before antd has measured (first render) read the window directly, so a desktop never flashes the phone layout.
  const mobile = screens.md === undefined ? window.innerWidth < 768 : !screens.md;
  // undefined until first opened: the drawer's code is not fetched before.
  const [drawerOpen, setDrawerOpen] = useState<boolean>();
  // Controlled, so a tap on the account button before the dropdown's code arrived opens it once it has.
  const [accountOpen, setAccountOpen] = useState(false);
  const location = useLocation();
  const navigate = useNavigate();
  const entries = useMemo(() => menuEntries(featureRoutes, can), [can]);
  const items = useMemo(() => menuItems(entries), [entries]);
  const selected = selectedKey(entries, location.pathname);
  useNotificationStream(can('notification.read'));
  if (!me) return null;

  // logout ends in a full page load of /login: nothing of the previous user stays in memory.
  const signOut = logout;

  const menu = (
    <Suspense>
      <Menu
        mode="inline"
        items={items}
        selectedKeys={selected ? [selected] : []}
        onClick={({ key }) => {
          setDrawerOpen(false);
          navigate(key);
        }}
        style={{ borderInlineEnd: 'none' }}
      />
    </Suspense>
  );

  const accountButton = (onClick?: () => void) => (
    <Button
      type="text"
      aria-label={`${me.account.displayName}，${me.account.roleNames.join('、')}，打开账号菜单`}
      style={{ color: '#fff', height: 48, flex: 'none', paddingInline: mobile ? 10 : 12 }}
      data-testid="user-menu"
      onClick={onClick}
    >
      <UserOutlined style={{ fontSize: 20 }} />
      {!mobile && (
        <span style={{ maxWidth: 260, overflow: 'hidden', textOverflow: 'ellipsis' }}>
          {me.account.displayName}
          <span style={{ opacity: 0.9, marginInlineStart: 6 }}>（{me.account.roleNames.join('、')}）</span>
        </span>
      )}
      <DownOutlined style={{ fontSize: 12 }} />
    </Button>
  );

  return (
    <MenuProvider value={entries}>
      <a className="zx-skip-link" href="#main">
        跳到正文
      </a>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Header
          style={{
            display: 'flex',
            alignItems: 'center',
            gap: 8,
            position: 'sticky',
            top: 0,
            zIndex: 100,
            paddingInline: mobile ? 8 : 20,
          }}
        >
          {mobile && (
            <Button
              type="text"
              aria-label="打开功能菜单"
              aria-expanded={!!drawerOpen}
              icon={<MenuOutlined style={{ fontSize: 24, color: '#fff' }} />}
              style={{ width: 48, height: 48, flex: 'none' }}
              onClick={() => setDrawerOpen(true)}
            />
          )}
          <Link
            to="/"
            style={{ color: '#fff', minWidth: 0, flex: '1 1 auto', overflow: 'hidden', whiteSpace: 'nowrap' }}
            aria-label={`${me.committee.name}，返回首页`}
          >
            <span style={{ fontSize: mobile ? 18 : 20, fontWeight: 700 }} data-testid="committee-name">
              {me.committee.name}
            </span>
            {!mobile && <span style={{ fontSize: 16, marginInlineStart: 12, opacity: 0.95 }}>数字政协履职平台</span>}
          </Link>
          {can('notification.read') && <NotificationBell />}
          <Suspense fallback={accountButton(() => setAccountOpen(true))}>
            <Dropdown
              trigger={['click']}
              open={accountOpen}
              onOpenChange={setAccountOpen}
              menu={{
                items: [
                  {
                    key: 'who',
                    disabled: true,
                    label: (
                      <span style={{ color: 'rgba(0,0,0,0.88)' }}>
                        {me.account.displayName}（{me.account.roleNames.join('、')}）
                      </span>
                    ),
                  },
                  { type: 'divider' },
                  {
                    type: 'group',
                    label: '字号',
                    children: TEXT_SIZES.map((t) => ({
                      key: `text:${t.key}`,
                      icon: t.key === size ? <CheckOutlined aria-label="当前" /> : <span style={{ width: 14 }} />,
                      label: `${t.label}字号`,
                    })),
                  },
                  { type: 'divider' },
                  { key: 'password', icon: <KeyOutlined />, label: '修改密码' },
                  { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', danger: true },
                ],
                onClick: ({ key }) => {
                  if (key.startsWith('text:')) setSize(key.slice(5) as TextSize);
                  if (key === 'password') navigate('/account/password');
                  if (key === 'logout') void signOut();
                },
              }}
            >
              {accountButton()}
            </Dropdown>
          </Suspense>
        </Layout.Header>
        <Layout>
          {!mobile && (
            <Layout.Sider width={232} theme="light" style={{ borderInlineEnd: '1px solid #f0f0f0', overflowY: 'auto' }}>
              <nav aria-label="功能菜单">{menu}</nav>
            </Layout.Sider>
          )}
          <Layout.Content id="main" style={{ padding: mobile ? 12 : 24, minWidth: 0 }} tabIndex={-1}>
            {mobile && (
              <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8, fontSize: 15 }}>
                {me.account.displayName} · {me.account.roleNames.join('、')}
              </Typography.Text>
            )}
            <Suspense fallback={<PageSpin />}>
              <Outlet />
            </Suspense>
          </Layout.Content>
        </Layout>
      </Layout>
      {mobile && drawerOpen !== undefined && (
        <Suspense>
          <Drawer
            placement="left"
            open={!!drawerOpen}
            onClose={() => setDrawerOpen(false)}
            title="功能菜单"
            size={300}
            styles={{ body: { padding: 0 } }}
          >
            <nav aria-label="功能菜单">{menu}</nav>
          </Drawer>
        </Suspense>
      )}
    </MenuProvider>
  );
}
