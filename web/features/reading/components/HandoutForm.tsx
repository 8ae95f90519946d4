// Record a handout: a book or a whole list, to members or to reading groups, with quantities.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Radio, Select } from 'antd';
import { api } from '../../../api/client.ts';
import { beijingToday } from '../../../app/format.ts';
import { choices, ErrorAlert, namedChoices, textRules } from '../../../components/index.ts';
import { MemberSelect } from '../../meetings/shared.tsx';
import { readingKeys, useBookLists, useGroups } from '../queries.ts';

export function HandoutForm({ year }: { year: number }) {
  const [form] = Form.useForm();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const target = Form.useWatch('target', form) ?? 'book';
  const to = Form.useWatch('to', form) ?? 'member';
  const lists = useBookLists(year, true);
  const groups = useGroups(true);
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
      queryClient.invalidateQueries({ queryKey: readingKeys.all });
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
          <Radio.Group size="large" options={choices({ book: '单本图书', list: '整期书目（每本各发）' })} />
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
          <Radio.Group size="large" options={choices({ member: '委员', group: '读书群' })} />
        </Form.Item>
        {to === 'member' ? (
          <Form.Item name="memberIds" label="委员" rules={[{ required: true, message: '请选择委员' }]}>
            <MemberSelect multiple />
          </Form.Item>
        ) : (
          <Form.Item name="groupIds" label="读书群" rules={[{ required: true, message: '请选择读书群' }]}>
            <Select mode="multiple" size="large" options={namedChoices(groups.data)} notFoundContent="暂无读书群" />
          </Form.Item>
        )}
        <Form.Item name="quantity" label="每位（每群）数量（册）" rules={[{ required: true, message: '请填写数量' }]}>
          <InputNumber size="large" min={1} max={10000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="handedOn" label="发放日期" rules={[{ required: true, message: '请选择发放日期' }]}>
          <DatePicker size="large" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label="备注" rules={textRules('备注', 500, { optional: true })}>
          <Input size="large" />
        </Form.Item>
        <Button type="primary" size="large" htmlType="submit" loading={save.isPending}>
          登记发放
        </Button>
      </Form>
    </Card>
  );
}
