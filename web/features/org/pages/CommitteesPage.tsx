// 政协组织 (system administrator): the tree of this committee and those below it, and creating a lower committee with
// its first administrator account.
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Select, Table } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client.ts';
import { formatDate } from '../../../app/format.ts';
import {
  ErrorAlert,
  namedChoices,
  PageHeader,
  SaveDialog,
  useFormSave,
  validValues,
} from '../../../components/index.ts';
import { compact } from '../api.ts';
import { orgKeys } from '../queries.ts';
import { ToneTag } from '../ToneTag.tsx';

interface Committee {
  id: number;
  name: string;
  shortName: string;
  level: string;
  parentId: number | null;
  regionCode: string | null;
  memberCount: number;
  accountCount: number;
  createdAt: string;
  children?: Committee[];
}

const LEVELS: Record<string, string> = { national: '全国', province: '省级', city: '市级', county: '县级' };
const RANK: Record<string, number> = { national: 0, province: 1, city: 2, county: 3 };

function toTree(items: Committee[]): Committee[] {
  const byId = new Map<number, Committee>(items.map((c) => [c.id, { ...c, children: [] as Committee[] }]));
  const roots: Committee[] = [];
  for (const c of byId.values()) {
    const parent = c.parentId ? byId.get(c.parentId) : undefined;
    if (parent) parent.children!.push(c);
    else roots.push(c);
  }
  for (const c of byId.values()) if (!c.children?.length) c.children = undefined;
  return roots;
}

/** A committee's name field: required, 2 to `max` characters, the messages naming the field (「label」). */
function nameRules(label: string, max: number) {
  return [
    { required: true, whitespace: true, message: `请填写「${label}」` },
    { min: 2, max, message: `「${label}」为 2–${max} 个字` },
  ];
}

export function CommitteesPage() {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const saveState = useFormSave(form);
  const { data, error, isFetching } = useQuery({
    queryKey: orgKeys.committees,
    queryFn: () => api.get<{ items: Committee[] }>('/api/org/committees'),
  });
  const items = data?.items ?? [];
  const parentId = Form.useWatch('parentId', form);
  const parent = items.find((c) => c.id === parentId);

  const save = async () => {
    const v = await validValues(form);
    if (!v) return;
    await saveState.run(async () => {
      await api.post('/api/org/committees', compact(v));
      message.success('已创建政协组织');
      setOpen(false);
      void client.invalidateQueries({ queryKey: orgKeys.committees });
    });
  };

  return (
    <>
      <PageHeader
        title="政协组织"
        description="本级及下级政协组织。每个组织的数据相互独立，新建组织后由其管理员登录维护本会数据。"
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              form.resetFields();
              saveState.clear();
              setOpen(true);
            }}
          >
            新建下级组织
          </Button>
        }
      />
      <ErrorAlert error={error} />
      <Card>
        <Table<Committee>
          rowKey="id"
          loading={isFetching}
          dataSource={toTree(items)}
          pagination={false}
          expandable={{ defaultExpandAllRows: true }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: '暂无数据' }}
          columns={[
            { title: '名称', dataIndex: 'name' },
            { title: '级别', dataIndex: 'level', render: (v) => <ToneTag>{LEVELS[v] ?? v}</ToneTag> },
            { title: '区划代码', dataIndex: 'regionCode', render: (v) => v ?? '—' },
            { title: '在职委员', dataIndex: 'memberCount' },
            { title: '账号数', dataIndex: 'accountCount' },
            { title: '创建日期', dataIndex: 'createdAt', render: (v) => formatDate(v) },
          ]}
        />
      </Card>
      <SaveDialog
        open={open}
        title="新建下级政协组织"
        okText="创建"
        onOk={save}
        onCancel={() => setOpen(false)}
        form={form}
        saveState={saveState}
      >
        <Form.Item label="上级组织" name="parentId" rules={[{ required: true, message: '请选择「上级组织」' }]}>
          <Select options={namedChoices(items)} placeholder="选择上级组织" />
        </Form.Item>
        <Form.Item label="级别" name="level" rules={[{ required: true, message: '请选择「级别」' }]}>
          <Select
            placeholder="选择级别"
            options={Object.entries(LEVELS)
              .filter(([k]) => !parent || RANK[k] > RANK[parent.level])
              .map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item label="名称" name="name" rules={nameRules('名称', 50)}>
          <Input placeholder="例如 示例区政协" count={{ show: true, max: 50 }} />
        </Form.Item>
        <Form.Item label="简称" name="shortName" rules={nameRules('简称', 20)}>
          <Input count={{ show: true, max: 20 }} />
        </Form.Item>
        <Form.Item
          label="行政区划代码"
          name="regionCode"
          rules={[{ pattern: /^\d{6}$/, message: '「行政区划代码」为 6 位数字' }]}
        >
          <Input inputMode="numeric" maxLength={6} />
        </Form.Item>
        <Form.Item
          label="管理员用户名（可选）"
          name="adminUsername"
          rules={[{ pattern: /^[A-Za-z0-9_.@-]{3,32}$/, message: '「管理员用户名」为 3–32 位字母、数字或 _ . @ -' }]}
        >
          <Input autoComplete="off" count={{ show: true, max: 32 }} />
        </Form.Item>
        <Form.Item
          label="管理员初始密码"
          name="adminPassword"
          extra="至少 8 位，含大写字母、小写字母、数字、符号中的三种；首次登录须修改"
        >
          <Input.Password autoComplete="new-password" maxLength={64} />
        </Form.Item>
      </SaveDialog>
    </>
  );
}
