// One reference list as a table with search, filters, add/edit in a dialog and delete (blocked while in use).
import { DeleteOutlined, EditOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, DatePicker, Flex, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { useState } from 'react';
import { api, qs } from '../../../api/client.ts';
import { dayjs, formatDate, toApiDate } from '../../../app/format.ts';
import {
  ConfirmButton,
  ExportButton,
  FieldCol,
  pagedProps,
  SaveDialog,
  TableCard,
  useFormSave,
  validValues,
} from '../../../components/index.ts';
import { compact, type Reference, useReference } from '../api.ts';
import { orgKeys } from '../queries.ts';
import type { RefConfig, RefField } from '../refConfigs.ts';
import { ToneTag } from '../ToneTag.tsx';

export type RefRow = Record<string, any> & { id: number };

export const refNameKey = (key: string) => `${key.replace(/Id$/, '')}Name`;

export function cell(f: RefField, row: RefRow) {
  const v = f.kind === 'ref' ? row[refNameKey(f.key)] : row[f.key];
  if (f.kind === 'bool') return v ? <ToneTag tone="green">是</ToneTag> : <ToneTag>否</ToneTag>;
  if (f.kind === 'enum') return f.options?.find((o) => o.value === v)?.label ?? v ?? '—';
  if (f.kind === 'date') return v ? formatDate(v) : '—';
  return v ?? '—';
}

export function FieldInput({ f, reference }: { f: RefField; reference?: Reference }) {
  switch (f.kind) {
    case 'int':
      return <InputNumber style={{ width: '100%' }} min={f.min ?? 0} max={f.max ?? 1_000_000} precision={0} />;
    case 'date':
      return <DatePicker style={{ width: '100%' }} placeholder="选择日期" inputReadOnly />;
    case 'bool':
      return <Switch checkedChildren="是" unCheckedChildren="否" />;
    case 'enum':
      return <Select options={f.options} placeholder={`选择${f.title}`} allowClear={!f.required} />;
    case 'ref':
      return (
        <Select
          options={reference ? f.refOptions?.(reference) : []}
          placeholder={`选择${f.title}`}
          allowClear={!f.required}
        />
      );
    case 'phone':
      return <Input inputMode="tel" maxLength={11} placeholder={f.placeholder ?? '11 位手机号'} />;
    default:
      return <Input count={{ show: true, max: f.max }} placeholder={f.placeholder} />;
  }
}

export function RefTable({ config, canManage }: { config: RefConfig; canManage: boolean }) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const { data: reference } = useReference();
  const [filters, setFilters] = useState<Record<string, unknown>>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<RefRow | 'new' | null>(null);
  const [form] = Form.useForm();
  const saveState = useFormSave(form);
  const params = { ...compact(filters), ...paging };
  const { data, error, isFetching } = useQuery({
    queryKey: orgKeys.refList(config.key, params),
    queryFn: () => api.get<{ items: RefRow[]; total: number }>(`${config.path}${qs(params)}`),
    placeholderData: keepPreviousData,
  });

  const refresh = () => {
    void client.invalidateQueries({ queryKey: orgKeys.refs(config.key) });
    void client.invalidateQueries({ queryKey: orgKeys.reference });
  };

  const open = (row: RefRow | 'new') => {
    saveState.clear();
    form.resetFields();
    const values: Record<string, unknown> = row === 'new' ? { ...config.defaults } : { ...row };
    for (const f of config.fields) {
      if (f.kind === 'date' && values[f.key]) values[f.key] = dayjs(values[f.key] as string);
    }
    form.setFieldsValue(values);
    setEditing(row);
  };

  const save = async () => {
    const values = await validValues(form);
    if (!values) return;
    const body: Record<string, unknown> = {};
    for (const f of config.fields) {
      const v = values[f.key];
      if (f.kind === 'date') body[f.key] = toApiDate(v);
      else if (f.kind === 'bool') body[f.key] = !!v;
      else body[f.key] = v;
    }
    await saveState.run(async () => {
      if (editing === 'new') await api.post(config.path, compact(body));
      else if (editing) await api.put(`${config.path}/${editing.id}`, compact(body));
      message.success('已保存');
      setEditing(null);
      refresh();
    });
  };

  const filterFields = config.fields.filter((f) => f.filter);
  return (
    <>
      <Card style={{ marginBottom: 16 }}>
        <Form
          layout="vertical"
          onFinish={(v) => {
            setFilters(v);
            setPaging((p) => ({ ...p, page: 1 }));
          }}
        >
          <Row gutter={16} align="bottom">
            <FieldCol sm={12} lg={8} label="关键词" name="q">
              <Input placeholder={config.searchPlaceholder} allowClear maxLength={50} />
            </FieldCol>
            {filterFields.map((f) => (
              <Col xs={12} sm={6} lg={4} key={f.key}>
                <Form.Item label={f.title} name={f.key}>
                  <Select
                    allowClear
                    placeholder="全部"
                    options={
                      (f.kind === 'bool'
                        ? [
                            { value: 'true', label: '是' },
                            { value: 'false', label: '否' },
                          ]
                        : f.kind === 'ref'
                          ? reference
                            ? f.refOptions?.(reference)
                            : []
                          : f.options) as { value: string | number; label: string }[] | undefined
                    }
                  />
                </Form.Item>
              </Col>
            ))}
            <FieldCol sm={12} lg={8}>
              <Flex gap={8} wrap>
                <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
                  查询
                </Button>
                <ExportButton url={`${config.path}/export${qs(compact(filters))}`} />
                {canManage && (
                  <Button icon={<PlusOutlined />} onClick={() => open('new')}>
                    新增{config.label}
                  </Button>
                )}
              </Flex>
            </FieldCol>
          </Row>
        </Form>
      </Card>
      <TableCard<RefRow>
        error={error}
        {...pagedProps({ data, isFetching }, paging, setPaging)}
        columns={[
          ...config.fields.map((f) => ({
            title: f.title,
            key: f.key,
            render: (_: unknown, row: RefRow) => cell(f, row),
          })),
          ...(config.counts ?? []).map((c) => ({ title: c.title, dataIndex: c.key, key: c.key })),
          ...(canManage
            ? [
                {
                  title: '操作',
                  key: 'actions',
                  fixed: 'right' as const,
                  render: (_: unknown, row: RefRow) => (
                    <Flex gap={4} wrap>
                      <Button
                        type="link"
                        icon={<EditOutlined />}
                        onClick={() => open(row)}
                        aria-label={`修改 ${row.name ?? row.id}`}
                      >
                        修改
                      </Button>
                      <ConfirmButton
                        type="link"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={`删除 ${row.name ?? row.id}`}
                        confirm={`确定删除${config.label}「${row.name ?? row.id}」吗？`}
                        detail="删除后无法恢复；已被使用的不能删除。"
                        okText="删除"
                        onConfirm={async () => {
                          await api.del(`${config.path}/${row.id}`);
                          message.success('已删除');
                          refresh();
                        }}
                      >
                        删除
                      </ConfirmButton>
                    </Flex>
                  ),
                },
              ]
            : []),
        ]}
      />
      <SaveDialog
        open={editing !== null}
        title={editing === 'new' ? `新增${config.label}` : `修改${config.label}`}
        onOk={save}
        onCancel={() => setEditing(null)}
        destroyOnHidden
        form={form}
        saveState={saveState}
      >
        {config.fields.map((f) => (
          <Form.Item
            key={f.key}
            label={f.title}
            name={f.key}
            valuePropName={f.kind === 'bool' ? 'checked' : 'value'}
            rules={[
              ...(f.required ? [{ required: true, message: `请填写「${f.title}」` }] : []),
              ...(f.kind === 'phone'
                ? // A masked number (138****1234) is the stored one sent back unchanged; the server keeps it.
                  [{ pattern: /^1[3-9]\d(\d{4}|\*{4})\d{4}$/, message: `「${f.title}」应为 11 位手机号码` }]
                : []),
              ...(f.kind === 'text' && f.max
                ? [{ max: f.max, message: `「${f.title}」不能超过 ${f.max} 个字符` }]
                : []),
            ]}
          >
            <FieldInput f={f} reference={reference} />
          </Form.Item>
        ))}
      </SaveDialog>
    </>
  );
}
