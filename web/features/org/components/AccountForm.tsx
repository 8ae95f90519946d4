// An account's dialog: name, sign-in name, phone, roles (and the member, unit or organisation it stands for);
// a new account gets a first password to change at first sign-in.
import { useQuery } from '@tanstack/react-query';
import { Form, Input, Row, Select } from 'antd';
import { useState } from 'react';
import { api, qs } from '../../../api/client.ts';
import type { Me } from '../../../app/session.tsx';
import { FieldCol, namedChoices, SaveDialog, useFormSave, validValues } from '../../../components/index.ts';
import { compact, type Member, useReference } from '../api.ts';
import { orgKeys } from '../queries.ts';

/** An account as 账号管理 lists it: the session's account fields (web/app/session.tsx) plus the names it stands for,
 * contact details and sign-in state. */
export type Account = Me['account'] & {
  memberName: string | null;
  unitName: string | null;
  orgName: string | null;
  informantId: number | null;
  informantName: string | null;
  office: string | null;
  phone: string | null;
  email: string | null;
  locked: boolean;
  disabled: boolean;
  lastLoginAt: string | null;
};

export function AccountForm({
  account,
  onClose,
}: {
  account: Account | 'new' | null;
  onClose: (saved?: boolean) => void;
}) {
  const [form] = Form.useForm();
  const { data: ref } = useReference();
  const { data: roleOptions } = useQuery({
    queryKey: orgKeys.accountRoles,
    queryFn: () => api.get<{ value: string; label: string }[]>('/api/accounts/roles'),
  });
  const [memberQ, setMemberQ] = useState('');
  const { data: members } = useQuery({
    queryKey: orgKeys.memberPick(memberQ),
    meta: { background: true },
    queryFn: () => api.get<{ items: Member[] }>(`/api/org/members${qs({ q: memberQ, pageSize: 20 })}`),
    enabled: account !== null,
  });
  const { data: informants } = useQuery({
    queryKey: orgKeys.informantPick,
    meta: { background: true },
    queryFn: () => api.get<{ items: { id: number; name: string }[] }>('/api/org/informants?pageSize=500'),
    enabled: account !== null,
    retry: false,
  });
  const roles: string[] = Form.useWatch('roles', form) ?? [];
  const saveState = useFormSave(form);
  const isNew = account === 'new';
  const existing = account && account !== 'new' ? account : null;

  const afterOpen = (open: boolean) => {
    if (!open) return;
    saveState.clear();
    form.resetFields();
    if (existing) form.setFieldsValue({ ...existing });
  };

  const save = async () => {
    const v = await validValues(form);
    if (!v) return;
    await saveState.run(async () => {
      if (isNew) await api.post('/api/accounts', compact(v));
      else await api.put(`/api/accounts/${existing!.id}`, compact(v));
      onClose(true);
    });
  };

  const memberOptions = [
    ...(existing?.memberId
      ? [{ value: existing.memberId, label: existing.memberName ?? String(existing.memberId) }]
      : []),
    ...(members?.items ?? [])
      .filter((m) => m.id !== existing?.memberId)
      .map((m) => ({ value: m.id, label: `${m.name}（${m.sectorName ?? ''}）` })),
  ];

  return (
    <SaveDialog
      open={account !== null}
      afterOpenChange={afterOpen}
      title={isNew ? '新建账号' : `修改账号：${existing?.username ?? ''}`}
      onOk={save}
      onCancel={() => onClose()}
      width={640}
      form={form}
      saveState={saveState}
    >
      <Row gutter={16}>
        {isNew && (
          <>
            <FieldCol
              sm={12}
              label="用户名"
              name="username"
              rules={[
                { required: true, message: '请填写「用户名」' },
                { pattern: /^[A-Za-z0-9_.@-]{3,32}$/, message: '「用户名」为 3–32 位字母、数字或 _ . @ -' },
              ]}
            >
              <Input autoComplete="off" count={{ show: true, max: 32 }} />
            </FieldCol>
            <FieldCol
              sm={12}
              label="初始密码"
              name="password"
              extra="至少 8 位，含大写字母、小写字母、数字、符号中的三种；首次登录须修改"
              rules={[{ required: true, message: '请填写「初始密码」' }]}
            >
              <Input.Password autoComplete="new-password" maxLength={64} />
            </FieldCol>
          </>
        )}
        <FieldCol
          sm={12}
          label="姓名/名称"
          name="displayName"
          rules={[{ required: true, whitespace: true, message: '请填写「姓名/名称」' }]}
        >
          <Input count={{ show: true, max: 50 }} />
        </FieldCol>
        <FieldCol sm={12} label="角色" name="roles" rules={[{ required: true, message: '请选择「角色」' }]}>
          <Select mode="multiple" options={roleOptions} placeholder="可多选" />
        </FieldCol>
        {(roles.includes('member') || roles.includes('leader')) && (
          <FieldCol
            label="关联委员"
            name="memberId"
            rules={[{ required: roles.includes('member'), message: '请选择「关联委员」' }]}
          >
            <Select
              showSearch
              allowClear
              filterOption={false}
              onSearch={setMemberQ}
              placeholder="输入姓名或单位搜索"
              options={memberOptions}
            />
          </FieldCol>
        )}
        {roles.includes('unitUser') && (
          <FieldCol label="关联承办单位" name="unitId" rules={[{ required: true, message: '请选择「关联承办单位」' }]}>
            <Select showSearch optionFilterProp="label" options={namedChoices(ref?.units)} />
          </FieldCol>
        )}
        {(roles.includes('orgAccount') || roles.includes('orgLeader')) && (
          <FieldCol label="关联党派团体" name="orgId" rules={[{ required: true, message: '请选择「关联党派团体」' }]}>
            <Select options={namedChoices(ref?.organisations)} />
          </FieldCol>
        )}
        {roles.includes('informant') && (
          <FieldCol label="关联信息员" name="informantId" rules={[{ required: true, message: '请选择「关联信息员」' }]}>
            <Select showSearch optionFilterProp="label" options={namedChoices(informants?.items)} />
          </FieldCol>
        )}
        <FieldCol sm={12} label="所在处室" name="office">
          <Input count={{ show: true, max: 50 }} />
        </FieldCol>
        <FieldCol sm={12} label="手机号（可用于登录）" name="phone">
          <Input inputMode="tel" maxLength={11} />
        </FieldCol>
      </Row>
    </SaveDialog>
  );
}
