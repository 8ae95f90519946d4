// 图书发放 (staff): record that a book, or a whole list, went to members or to reading groups with quantities; the
// year's record with its totals, as cards on a phone, and its Excel.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Radio, Select } from 'antd';
import { useState } from 'react';
import { api, qs } from '../../api/client.ts';
import { beijingToday, beijingYear } from '../../app/format.ts';
import { ErrorAlert, ExportButton, PageHeader, ResponsiveList } from '../../components/index.ts';
import { MemberSelect } from '../meetings/shared.tsx';

interface BookList {
  id: number;
  period: string;
  title: string;
  books: { id: number; title: string }[];
}
interface Handout {
  id: number;
  handedOn: string;
  quantity: number;
  note: string;
  bookTitle: string;
  listPeriod: string;
  listTitle: string;
  recipientKindLabel: string;
  recipientName: string;
}
interface HandoutRecord {
  items: Handout[];
  total: number;
  copies: number;
  members: number;
  groups: number;
}

function HandoutForm({ year }: { year: number }) {
  const [form] = Form.useForm();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const target = Form.useWatch('target', form) ?? 'book';
  const to = Form.useWatch('to', form) ?? 'member';
  const lists = useQuery({
    queryKey: ['reading', 'lists', year],
    queryFn: () => api.get<BookList[]>(`/api/reading/lists?year=${year}`),
    meta: { background: true },
  });
  const groups = useQuery({
    queryKey: ['reading', 'groups'],
    queryFn: () => api.get<{ id: number; name: string }[]>('/api/reading/groups'),
    meta: { background: true },
  });
  const save = useMutation({
    mutationFn: (v: any) =>
      api.post<{ quantity: number }>('/api/reading/handouts', {
        ...(v.target === 'list' ? { listId: v.listId } : { bookId: v.bookId }),
        handedOn: v.handedOn.format('YYYY-MM-DD'),
        note: v.note ?? '',
        items:
          v.to === 'group'
            ? v.groupIds.map((groupId: number) => ({ groupId, quantity: v.quantity }))
            : v.memberIds.map((memberId: number) => ({ memberId, quantity: v.quantity })),
      }),
    onSuccess: (r) => {
      message.success(`已登记发放 ${r.quantity} 册`);
      form.resetFields(['memberIds', 'groupIds', 'note']);
      queryClient.invalidateQueries({ queryKey: ['reading'] });
    },
  });
  const books = (lists.data ?? []).flatMap((l) =>
    l.books.map((b) => ({ value: b.id, label: `《${b.title}》（${l.period} ${l.title}）` })),
  );
  return (
    <Card title="登记发放" style={{ marginBottom: 16 }}>
      <ErrorAlert error={save.error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ target: 'book', to: 'member', quantity: 1, handedOn: beijingToday() }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="target" label="发放内容">
          <Radio.Group
            size="large"
            options={[
              { value: 'book', label: '单本图书' },
              { value: 'list', label: '整期书目（每本各发）' },
            ]}
          />
        </Form.Item>
        {target === 'book' ? (
          <Form.Item name="bookId" label="图书" rules={[{ required: true, message: '请选择图书' }]}>
            <Select size="large" showSearch optionFilterProp="label" options={books} notFoundContent="本年度暂无书目" />
          </Form.Item>
        ) : (
          <Form.Item name="listId" label="书目" rules={[{ required: true, message: '请选择书目' }]}>
            <Select
              size="large"
              options={(lists.data ?? []).map((l) => ({ value: l.id, label: `${l.period} ${l.title}` }))}
              notFoundContent="本年度暂无书目"
            />
          </Form.Item>
        )}
        <Form.Item name="to" label="发放对象">
          <Radio.Group
            size="large"
            options={[
              { value: 'member', label: '委员' },
              { value: 'group', label: '读书群' },
            ]}
          />
        </Form.Item>
        {to === 'member' ? (
          <Form.Item name="memberIds" label="委员" rules={[{ required: true, message: '请选择委员' }]}>
            <MemberSelect multiple />
          </Form.Item>
        ) : (
          <Form.Item name="groupIds" label="读书群" rules={[{ required: true, message: '请选择读书群' }]}>
            <Select
              mode="multiple"
              size="large"
              options={(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
              notFoundContent="暂无读书群"
            />
          </Form.Item>
        )}
        <Form.Item name="quantity" label="每位（每群）数量（册）" rules={[{ required: true, message: '请填写数量' }]}>
          <InputNumber size="large" min={1} max={10000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="handedOn" label="发放日期" rules={[{ required: true, message: '请选择发放日期' }]}>
          <DatePicker size="large" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label="备注" rules={[{ max: 500, message: '「备注」不能超过 500 字' }]}>
          <Input size="large" />
        </Form.Item>
        <Button type="primary" size="large" htmlType="submit" loading={save.isPending}>
          登记发放
        </Button>
      </Form>
    </Card>
  );
}

export function HandoutsPage() {
  const thisYear = beijingYear();
  const [year, setYear] = useState(thisYear);
  const [[page, pageSize], setPaging] = useState([1, 20]);
  const { data, error, isFetching } = useQuery({
    queryKey: ['reading', 'handouts', year, page, pageSize],
    queryFn: () => api.get<HandoutRecord>(`/api/reading/handouts${qs({ year, page, pageSize })}`),
  });
  return (
    <>
      <PageHeader
        title="图书发放"
        back="/reading"
        extra={
          <>
            <Select
              aria-label="年度"
              size="large"
              value={year}
              onChange={(y) => {
                setYear(y);
                setPaging([1, pageSize]);
              }}
              options={[0, 1, 2, 3].map((i) => ({ value: thisYear - i, label: `${thisYear - i}年` }))}
            />
            <ExportButton url={`/api/reading/handouts/export?year=${year}`}>导出 Excel</ExportButton>
          </>
        }
      />
      {data && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${year}年共发放图书 ${data.copies} 册，发放委员 ${data.members} 人、读书群 ${data.groups} 个。`}
        />
      )}
      <HandoutForm year={year} />
      <Card title="发放记录">
        <ErrorAlert error={error} />
        <ResponsiveList<Handout>
          rowKey="id"
          data={data}
          loading={isFetching}
          page={page}
          pageSize={pageSize}
          onPageChange={(p, ps) => setPaging([p, ps])}
          unit="条"
          titleColumn="bookTitle"
          locale={{ emptyText: `${year}年还没有发放记录` }}
          columns={[
            { title: '发放日期', dataIndex: 'handedOn' },
            { title: '书名', dataIndex: 'bookTitle', render: (t: string) => `《${t}》` },
            { title: '书目', key: 'list', render: (_: unknown, h) => `${h.listPeriod} ${h.listTitle}` },
            {
              title: '发放对象',
              key: 'recipient',
              render: (_: unknown, h) => `${h.recipientName}（${h.recipientKindLabel}）`,
            },
            { title: '数量', dataIndex: 'quantity', render: (n: number) => `${n} 册` },
            { title: '备注', dataIndex: 'note', render: (n: string) => n || '—' },
          ]}
        />
      </Card>
    </>
  );
}
