// 账号管理: the committee's accounts with search, role and state filters and export; create (initial password, changed
// at first login), edit roles and links, reset password (the temporary password is shown once), unlock, disable/enable.
import { EditOutlined, KeyOutlined, PlusOutlined, SearchOutlined, UnlockOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Input, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import { api, qs } from '../../../api/client.ts';
import { formatDateTime } from '../../../app/format.ts';
import {
  ConfirmButton,
  ExportButton,
  FieldCol,
  PageHeader,
  pagedProps,
  TableCard,
  useListParams,
} from '../../../components/index.ts';
import { type Account, AccountForm } from '../components/AccountForm.tsx';
import { orgKeys } from '../queries.ts';
import { ToneTag } from '../ToneTag.tsx';

export const FILTERS = { q: '', role: '', state: '' };

export const STATES = [
  { value: 'active', label: '正常' },
  { value: 'disabled', label: '已停用' },
  { value: 'locked', label: '已锁定' },
  { value: 'mustChange', label: '待修改密码' },
];

export function AccountsPage() {
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const [params, setParams] = useListParams(FILTERS);
  const [editing, setEditing] = useState<Account | 'new' | null>(null);
  const { data: roleOptions } = useQuery({
    queryKey: orgKeys.accountRoles,
    queryFn: () => api.get<{ value: string; label: string }[]>('/api/accounts/roles'),
  });
  const { data, error, isFetching } = useQuery({
    queryKey: orgKeys.accountList(params),
    queryFn: () => api.get<{ items: Account[]; total: number }>(`/api/accounts${qs(params)}`),
    placeholderData: keepPreviousData,
  });
  const refresh = () => client.invalidateQueries({ queryKey: orgKeys.accounts });
  const act = async (a: Account, path: string, done: string) => {
    await api.post(`/api/accounts/${a.id}/${path}`);
    message.success(done);
    await refresh();
  };

  return (
    <>
      <PageHeader
        title="账号管理"
        description="本会的登录账号。新账号和重置后的账号首次登录须修改密码。"
        extra={
          <>
            <ExportButton url={`/api/accounts/export${qs({ ...params, page: undefined, pageSize: undefined })}`} />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              新建账号
            </Button>
          </>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Form
          layout="vertical"
          initialValues={{ q: params.q || undefined, role: params.role || undefined, state: params.state || undefined }}
          onFinish={(v) => setParams({ q: v.q?.trim() ?? '', role: v.role ?? '', state: v.state ?? '' })}
        >
          <Row gutter={16} align="bottom">
            <FieldCol sm={12} lg={8} label="关键词" name="q">
              <Input placeholder="用户名、姓名或处室" allowClear maxLength={50} />
            </FieldCol>
            <FieldCol xs={12} sm={6} lg={5} label="角色" name="role">
              <Select allowClear placeholder="全部" options={roleOptions} />
            </FieldCol>
            <FieldCol xs={12} sm={6} lg={5} label="状态" name="state">
              <Select allowClear placeholder="全部" options={STATES} />
            </FieldCol>
            <FieldCol lg={6}>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
                查询
              </Button>
            </FieldCol>
          </Row>
        </Form>
      </Card>
      <TableCard<Account>
        error={error}
        {...pagedProps({ data, isFetching }, params, setParams)}
        columns={[
          { title: '用户名', dataIndex: 'username', fixed: 'left' },
          { title: '姓名/名称', dataIndex: 'displayName' },
          { title: '角色', key: 'roles', render: (_, a) => a.roleNames.join('、') },
          {
            title: '关联',
            key: 'link',
            render: (_, a) => a.memberName ?? a.unitName ?? a.orgName ?? a.informantName ?? a.office ?? '—',
          },
          {
            title: '状态',
            key: 'state',
            render: (_, a) => (
              <Flex gap={4} wrap>
                {a.disabled ? (
                  <ToneTag>已停用</ToneTag>
                ) : a.locked ? (
                  <ToneTag tone="red">已锁定</ToneTag>
                ) : (
                  <ToneTag tone="green">正常</ToneTag>
                )}
                {a.mustChangePassword && <ToneTag tone="orange">待改密码</ToneTag>}
              </Flex>
            ),
          },
          { title: '最近登录', dataIndex: 'lastLoginAt', render: (v) => (v ? formatDateTime(v) : '从未登录') },
          {
            title: '操作',
            key: 'actions',
            render: (_, a) => (
              <Flex gap={4} wrap>
                <Button
                  type="link"
                  icon={<EditOutlined />}
                  onClick={() => setEditing(a)}
                  aria-label={`修改 ${a.username}`}
                >
                  修改
                </Button>
                <ConfirmButton
                  type="link"
                  icon={<KeyOutlined />}
                  confirm={`确定重置「${a.displayName}」的密码吗？`}
                  detail="将生成一个临时密码（只显示一次），该账号当前的登录会被退出，下次登录须修改密码。"
                  onConfirm={async () => {
                    const res = await api.post<{ temporaryPassword: string }>(`/api/accounts/${a.id}/reset-password`);
                    await refresh();
                    modal.success({
                      title: '密码已重置',
                      okText: '我已记下',
                      content: (
                        <>
                          <Typography.Paragraph>
                            请把临时密码告知 {a.displayName}（{a.username}），此密码只显示这一次：
                          </Typography.Paragraph>
                          <Typography.Text copyable code style={{ fontSize: 20 }}>
                            {res.temporaryPassword}
                          </Typography.Text>
                        </>
                      ),
                    });
                  }}
                >
                  重置密码
                </ConfirmButton>
                {a.locked && (
                  <Button type="link" icon={<UnlockOutlined />} onClick={() => act(a, 'unlock', '已解除锁定')}>
                    解锁
                  </Button>
                )}
                {a.disabled ? (
                  <ConfirmButton
                    type="link"
                    confirm={`确定启用账号「${a.username}」吗？`}
                    onConfirm={() => act(a, 'enable', '已启用')}
                  >
                    启用
                  </ConfirmButton>
                ) : (
                  <ConfirmButton
                    type="link"
                    danger
                    confirm={`确定停用账号「${a.username}」吗？`}
                    detail="停用后该账号立即退出登录且不能再登录，可随时重新启用。"
                    okText="停用"
                    onConfirm={() => act(a, 'disable', '已停用')}
                  >
                    停用
                  </ConfirmButton>
                )}
              </Flex>
            ),
          },
        ]}
      />
      <AccountForm
        account={editing}
        onClose={(saved) => {
          setEditing(null);
          if (saved) {
            message.success('账号已保存');
            void refresh();
          }
        }}
      />
      <Alert
        style={{ marginTop: 16 }}
        type="info"
        showIcon
        title="系统管理员账号只能由系统管理员管理；账号不能删除，不再使用时请停用。"
      />
    </>
  );
}
