// 积分规则 for the committee admin: the year's rule set as a form (categories with caps, items with points and
// conditions, grades, the annual checklist), a ready set to start from, and the version history. Saving makes a new
// version and re-scores everyone; the server's Chinese validation message is shown at the field it names.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Divider,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { ApiError, api, qs } from '../../api/client.ts';
import { formatDateTime } from '../../app/format.ts';
import { ConfirmButton, ErrorAlert, PageHeader } from '../../components/index.ts';
import { thisYear, yearOptions } from './api.ts';

interface Vocabulary {
  factKinds: Record<string, string>;
  roles: Record<string, string>;
  detailFields: Record<string, { label: string; values: Record<string, string> }>;
  multipliers: Record<string, string>;
  grades: Record<string, string>;
}
interface RulesResponse {
  year: number;
  current: { id: number; year: number; version: number; name: string; rules: any };
  versions: {
    id: number;
    year: number;
    version: number;
    name: string;
    note: string | null;
    createdBy: string | null;
    createdAt: string;
  }[];
  vocabulary: Vocabulary;
}

const opts = (r: Record<string, string>) => Object.entries(r).map(([value, label]) => ({ value, label }));

/** The API's rule set → form values (null caps shown as empty boxes). */
function toForm(rules: any) {
  return {
    ...rules,
    noMax: rules.maxTotal === null,
    items: rules.items.map((i: any) => ({ ...i, detail: i.detail ?? {}, roles: i.roles ?? [] })),
  };
}
function fromForm(v: any) {
  const { noMax, ...r } = v;
  return {
    ...r,
    maxTotal: noMax ? null : (r.maxTotal ?? null),
    categories: (r.categories ?? []).map((c: any) => ({ ...c, cap: c.cap ?? null, floor: c.floor ?? null })),
    items: (r.items ?? []).map((i: any) => {
      const detail = Object.fromEntries(Object.entries(i.detail ?? {}).filter(([, x]) => x));
      return {
        category: i.category,
        label: i.label,
        kinds: i.kinds ?? [],
        points: i.points ?? 0,
        ...(i.roles?.length ? { roles: i.roles } : {}),
        ...(Object.keys(detail).length ? { detail } : {}),
        ...(i.multiplyBy ? { multiplyBy: i.multiplyBy } : {}),
        ...(i.skipFirst ? { skipFirst: i.skipFirst } : {}),
      };
    }),
    checklist: r.checklist ?? [],
  };
}

export function RulesPage() {
  const [year, setYear] = useState(thisYear());
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const { data, error } = useQuery({
    queryKey: ['duty-rules', year],
    queryFn: () => api.get<RulesResponse>(`/api/duty/rules${qs({ year })}`),
  });
  const presets = useQuery({
    queryKey: ['duty-presets'],
    queryFn: () =>
      api.get<{ key: string; title: string; description: string; rules: any }[]>('/api/duty/rules/presets'),
  });
  useEffect(() => {
    if (data) form.setFieldsValue(toForm(data.current.rules));
  }, [data, form]);
  const categories = Form.useWatch('categories', form) as { key: string; name: string }[] | undefined;
  const noMax = Form.useWatch('noMax', form);
  const save = useMutation({
    mutationFn: (v: any) =>
      api.put<{ version: { version: number }; rescored: number; changed: number }>('/api/duty/rules', {
        year,
        rules: fromForm(v),
        note: v.note || undefined,
      }),
    onSuccess: (r) => {
      message.success(
        `已保存为第 ${r.version.version} 版，重新计算了 ${r.rescored} 位委员的积分，其中 ${r.changed} 位有变化`,
      );
      qc.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('duty') });
    },
    onError: (err) => {
      if (err instanceof ApiError && err.field) {
        const path = err.field
          .replace(/^rules\./, '')
          .split('.')
          .map((x) => (/^\d+$/.test(x) ? Number(x) : x));
        form.setFields([{ name: path, errors: [err.message] }]);
        form.scrollToField(path);
      }
    },
  });
  const v = data?.vocabulary;
  return (
    <>
      <PageHeader
        title="积分规则"
        description="每次保存都会生成新版本，并按新规则重新计算全体委员的积分；委员在“我的履职”中可看到每一项的计分依据。"
        extra={
          <Select aria-label="年度" value={year} onChange={setYear} options={yearOptions()} style={{ width: 110 }} />
        }
      />
      <ErrorAlert error={error} />
      {data && (
        <Alert
          style={{ marginBottom: 16 }}
          type="info"
          title={`${year} 年现行规则：${data.current.name}（${data.current.year} 年第 ${data.current.version} 版）`}
        />
      )}
      <Card title="从现成规则开始" style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap>
          {presets.data?.map((p) => (
            <ConfirmButton
              key={p.key}
              confirm={`载入“${p.title}”？`}
              detail={`${p.description}。载入后需要点“保存”才会生效。`}
              onConfirm={() => form.setFieldsValue(toForm(p.rules))}
            >
              {p.title}
            </ConfirmButton>
          ))}
        </Flex>
      </Card>
      {v && (
        <Form form={form} layout="vertical" onFinish={(x) => save.mutate(x)} scrollToFirstError>
          <Card title="总体" style={{ marginBottom: 16 }}>
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item name="name" label="规则名称" rules={[{ required: true, message: '请填写规则名称' }]}>
                  <Input count={{ show: true, max: 50 }} />
                </Form.Item>
              </Col>
              <Col xs={12} md={4}>
                <Form.Item name="base" label="基础分" rules={[{ required: true, message: '请填写基础分' }]}>
                  <InputNumber min={0} max={1000} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={12} md={4}>
                <Form.Item name="passMark" label="合格分" rules={[{ required: true, message: '请填写合格分' }]}>
                  <InputNumber min={0} max={10000} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={12} md={4}>
                <Form.Item name="noMax" label="总分">
                  <Select
                    options={[
                      { value: false, label: '有上限' },
                      { value: true, label: '不封顶' },
                    ]}
                  />
                </Form.Item>
              </Col>
              {!noMax && (
                <Col xs={12} md={4}>
                  <Form.Item name="maxTotal" label="总分上限" rules={[{ required: true, message: '请填写总分上限' }]}>
                    <InputNumber min={1} max={10000} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              )}
            </Row>
          </Card>
          <Card title="计分类别（每类可设上限和下限）" style={{ marginBottom: 16 }}>
            <Form.List name="categories">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Row gutter={12} key={f.key} align="bottom">
                      {/* The code is generated when the row is added (newKey); staff only name things. */}
                      <Form.Item name={[f.name, 'key']} hidden>
                        <Input />
                      </Form.Item>
                      <Col xs={24} md={12}>
                        <Form.Item
                          name={[f.name, 'name']}
                          label="类别名称"
                          rules={[{ required: true, message: '请填写类别名称' }]}
                        >
                          <Input count={{ show: true, max: 30 }} />
                        </Form.Item>
                      </Col>
                      <Col xs={10} md={5}>
                        <Form.Item name={[f.name, 'cap']} label="上限（空为不限）">
                          <InputNumber min={0} max={10000} style={{ width: '100%' }} />
                        </Form.Item>
                      </Col>
                      <Col xs={10} md={5}>
                        <Form.Item name={[f.name, 'floor']} label="下限（空为不限）">
                          <InputNumber min={-10000} max={0} style={{ width: '100%' }} />
                        </Form.Item>
                      </Col>
                      <Col xs={4} md={2}>
                        <Form.Item>
                          <Button aria-label="删除此类别" icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
                        </Form.Item>
                      </Col>
                    </Row>
                  ))}
                  <Button
                    icon={<PlusOutlined />}
                    onClick={() =>
                      add({ key: newKey('cat', form.getFieldValue('categories')), cap: null, floor: null })
                    }
                  >
                    增加类别
                  </Button>
                </>
              )}
            </Form.List>
          </Card>
          <Card title="计分项（一条履职记录按第一条符合的计分项计分）" style={{ marginBottom: 16 }}>
            <Form.List name="items">
              {(fields, { add, remove, move }) => (
                <>
                  {fields.map((f, i) => (
                    <div
                      key={f.key}
                      style={{ border: '1px solid #d9d9d9', borderRadius: 6, padding: 12, marginBottom: 12 }}
                    >
                      <Flex justify="space-between" align="center">
                        <Typography.Text strong>第 {i + 1} 项</Typography.Text>
                        <Space>
                          <Button size="small" disabled={i === 0} onClick={() => move(i, i - 1)}>
                            上移
                          </Button>
                          <Button
                            size="small"
                            aria-label={`删除第 ${i + 1} 项`}
                            icon={<DeleteOutlined />}
                            onClick={() => remove(f.name)}
                          />
                        </Space>
                      </Flex>
                      <Row gutter={12}>
                        <Col xs={24} md={8}>
                          <Form.Item
                            name={[f.name, 'label']}
                            label="计分项名称"
                            rules={[{ required: true, message: '请填写名称' }]}
                          >
                            <Input count={{ show: true, max: 60 }} />
                          </Form.Item>
                        </Col>
                        <Col xs={12} md={6}>
                          <Form.Item
                            name={[f.name, 'category']}
                            label="所属类别"
                            rules={[{ required: true, message: '请选择类别' }]}
                          >
                            <Select
                              options={(categories ?? [])
                                .filter(Boolean)
                                .map((c) => ({ value: c.key, label: c.name || c.key }))}
                            />
                          </Form.Item>
                        </Col>
                        <Col xs={12} md={4}>
                          <Form.Item
                            name={[f.name, 'points']}
                            label="分值（扣分填负数）"
                            rules={[{ required: true, message: '请填写分值' }]}
                          >
                            <InputNumber min={-1000} max={1000} step={0.5} style={{ width: '100%' }} />
                          </Form.Item>
                        </Col>
                        <Col xs={12} md={3}>
                          <Form.Item name={[f.name, 'multiplyBy']} label="计量">
                            <Select allowClear placeholder="按次" options={opts(v.multipliers)} />
                          </Form.Item>
                        </Col>
                        <Col xs={12} md={3}>
                          <Form.Item name={[f.name, 'skipFirst']} label="前几项不计">
                            <InputNumber min={0} max={100} style={{ width: '100%' }} />
                          </Form.Item>
                        </Col>
                        <Col xs={24} md={12}>
                          <Form.Item
                            name={[f.name, 'kinds']}
                            label="履职事项"
                            rules={[{ required: true, message: '请选择履职事项' }]}
                          >
                            <Select mode="multiple" options={opts(v.factKinds)} optionFilterProp="label" />
                          </Form.Item>
                        </Col>
                        <Col xs={24} md={6}>
                          <Form.Item name={[f.name, 'roles']} label="身份（空为不限）">
                            <Select mode="multiple" allowClear options={opts(v.roles)} />
                          </Form.Item>
                        </Col>
                        {Object.entries(v.detailFields).map(([k, d]) => (
                          <Col xs={12} md={3} key={k}>
                            <Form.Item name={[f.name, 'detail', k]} label={d.label}>
                              <Select allowClear placeholder="不限" options={opts(d.values)} />
                            </Form.Item>
                          </Col>
                        ))}
                      </Row>
                    </div>
                  ))}
                  <Button icon={<PlusOutlined />} onClick={() => add({ kinds: [], roles: [], detail: {}, points: 1 })}>
                    增加计分项
                  </Button>
                </>
              )}
            </Form.List>
          </Card>
          <Card title="等次（从高到低）" style={{ marginBottom: 16 }}>
            <Form.List name="grades">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f, i) => (
                    <Row gutter={12} key={f.key} align="bottom">
                      <Col xs={8} md={5}>
                        <Form.Item name={[f.name, 'key']} label="等次" rules={[{ required: true, message: '请选择' }]}>
                          <Select options={opts(v.grades)} />
                        </Form.Item>
                      </Col>
                      <Col xs={8} md={5}>
                        <Form.Item
                          name={[f.name, 'label']}
                          label="显示名称"
                          rules={[{ required: true, message: '请填写' }]}
                        >
                          <Input count={{ show: true, max: 10 }} />
                        </Form.Item>
                      </Col>
                      <Col xs={6} md={5}>
                        <Form.Item
                          name={[f.name, 'min']}
                          label={i === fields.length - 1 ? '最低分（最后一档不限）' : '最低分'}
                          rules={[{ required: true, message: '请填写' }]}
                        >
                          <InputNumber min={-10000} max={10000} style={{ width: '100%' }} />
                        </Form.Item>
                      </Col>
                      <Col xs={2}>
                        <Form.Item>
                          <Button aria-label="删除此等次" icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
                        </Form.Item>
                      </Col>
                    </Row>
                  ))}
                  <Button icon={<PlusOutlined />} onClick={() => add()} disabled={fields.length >= 4}>
                    增加等次
                  </Button>
                </>
              )}
            </Form.List>
          </Card>
          <Card title="年度基本要求（如“六个一”）" style={{ marginBottom: 16 }}>
            <Form.List name="checklist">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Row gutter={12} key={f.key} align="bottom">
                      {/* The code is generated when the row is added (newKey); staff only name things. */}
                      <Form.Item name={[f.name, 'key']} hidden>
                        <Input />
                      </Form.Item>
                      <Col xs={24} md={10}>
                        <Form.Item
                          name={[f.name, 'label']}
                          label="要求"
                          rules={[{ required: true, message: '请填写' }]}
                        >
                          <Input count={{ show: true, max: 30 }} />
                        </Form.Item>
                      </Col>
                      <Col xs={16} md={9}>
                        <Form.Item
                          name={[f.name, 'kinds']}
                          label="算作完成的履职事项"
                          rules={[{ required: true, message: '请选择' }]}
                        >
                          <Select mode="multiple" options={opts(v.factKinds)} optionFilterProp="label" />
                        </Form.Item>
                      </Col>
                      <Col xs={6} md={3}>
                        <Form.Item
                          name={[f.name, 'min']}
                          label="至少次数"
                          rules={[{ required: true, message: '请填写' }]}
                        >
                          <InputNumber min={1} max={50} style={{ width: '100%' }} />
                        </Form.Item>
                      </Col>
                      <Col xs={2}>
                        <Form.Item>
                          <Button aria-label="删除此要求" icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
                        </Form.Item>
                      </Col>
                    </Row>
                  ))}
                  <Button
                    icon={<PlusOutlined />}
                    onClick={() => add({ key: newKey('req', form.getFieldValue('checklist')), min: 1, kinds: [] })}
                  >
                    增加要求
                  </Button>
                </>
              )}
            </Form.List>
          </Card>
          <Card style={{ marginBottom: 16 }}>
            <Form.Item name="note" label="修改说明">
              <Input count={{ show: true, max: 200 }} placeholder="例如：活动分值由 2 分调整为 4 分" />
            </Form.Item>
            <ErrorAlert error={save.error} />
            <ConfirmButton
              type="primary"
              size="large"
              confirm="保存并重新计算全体委员的积分？"
              detail="将生成新版本，旧版本保留可查。"
              onConfirm={async () => {
                await form.validateFields();
                form.submit();
              }}
            >
              保存并重新计分
            </ConfirmButton>
          </Card>
        </Form>
      )}
      <Divider />
      <Card title="版本记录">
        <Table
          rowKey="id"
          dataSource={data?.versions ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: '暂无' }}
          columns={[
            { title: '年度', dataIndex: 'year' },
            { title: '版本', dataIndex: 'version', render: (n) => `第 ${n} 版` },
            { title: '名称', dataIndex: 'name' },
            { title: '说明', dataIndex: 'note', render: (n) => n ?? '—' },
            { title: '保存人', dataIndex: 'createdBy' },
            { title: '时间', dataIndex: 'createdAt', render: (t) => formatDateTime(t) },
          ]}
        />
      </Card>
    </>
  );
}

/** A code for a new row that no row of the list has yet (cat1, cat2 …): codes are made here, never typed by staff. */
function newKey(prefix: string, rows: { key?: string }[] | undefined): string {
  const taken = new Set((rows ?? []).map((r) => r?.key));
  let n = (rows ?? []).length + 1;
  while (taken.has(`${prefix}${n}`)) n += 1;
  return `${prefix}${n}`;
}
